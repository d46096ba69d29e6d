import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_PASSWORD,
  expectAccessible,
  newReaderContext,
  openSession,
  type RunningIntersect,
  type Session,
  settled,
  signInThroughForm,
} from "./harness.ts";

/** The head of SPM: the secretariat, who keeps the register and the task force's records. */
const SECRETARIAT = "head.spm@intersect.example";
/** The Deputy Secretary-General chairs the task force and approves its minutes. */
const CHAIR = "dsg@intersect.example";
/** A symbol no seed cites: registered, cited, corrected and removed by these tests. */
const SYMBOL = "C19/77";
const TITLE = "Coordination of web editing across the Sectors";

let session: Session | undefined;
let server: RunningIntersect;
let page: Page;
let latestMeetingId = "";
let earlierMeetingId = "";
let agendaItemId = "";

async function visit(path: string) {
  await page.goto(`${server.baseUrl}${path}`);
  await settled(page);
}

async function chooseLanguage(lang: string) {
  await page.locator("select[name=language]").selectOption(lang);
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
}

/** Presses Tab until the focused element matches, as a keyboard user would reach it. */
async function tabTo(selector: string, limit = 300) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} was not reached with the keyboard`);
}

async function getJson<T>(on: Page, path: string): Promise<T> {
  const answer = await on.request.get(`${server.baseUrl}/api/v1${path}`);
  expect(answer.status(), path).toBe(200);
  return (await answer.json()) as T;
}

/** A write through the API as the person signed in on the page (with the session's CSRF token). */
async function write(on: Page, method: "POST" | "PATCH", path: string, data: unknown) {
  const me = await getJson<{ csrfToken: string }>(on, "/auth/me");
  return on.request.fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    data,
    headers: { "x-csrf-token": me.csrfToken },
  });
}

const registerRow = (symbol: string) => page.locator(`.documents-table tbody tr[data-symbol="${symbol}"]`);

async function search(text: string) {
  await page.getByRole("searchbox", { name: /Words of the title, or symbol/ }).fill(text);
}

beforeAll(async () => {
  session = await openSession({ timeout: 15_000 });
  ({ server, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe("the documents register", () => {
  it("signs the secretariat in, lists the register and follows a figure's source to its entry", async () => {
    await visit("/documents");
    await expect.poll(() => page.url()).toContain("/sign-in");
    await signInThroughForm(page, SECRETARIAT);
    await page.getByRole("heading", { level: 1, name: "Documents register" }).waitFor();
    await settled(page);
    await page
      .getByRole("navigation")
      .getByRole("link", { name: "Documents", exact: true })
      .and(page.locator("[aria-current=page]"))
      .waitFor();
    // In symbol order: C15/12 before C15/38(Rev.1), C16/10 before C16/38.
    await registerRow("C15/12").waitFor();
    const symbols = await page.locator(".documents-table tbody th").allTextContents();
    expect(symbols.indexOf("C16/10")).toBeLessThan(symbols.indexOf("C16/38"));
    expect(symbols.indexOf("C15/12")).toBeLessThan(symbols.indexOf("C15/38(Rev.1)"));
    // The seed's Chinese title is its original; the English one is shown without a mark.
    expect(await registerRow("C18/35").textContent()).toContain("Support services");
    await expectAccessible(page, "documents register (en)");

    // The secretariat's data: the task force's two latest meetings, a figure read from C18/35.
    const body = await getJson<{ id: string }>(page, "/bodies/isc-tf");
    const meetings = await getJson<{ entries: { id: string }[] }>(page, `/meetings?bodyId=${body.id}`);
    latestMeetingId = meetings.entries[0]!.id;
    earlierMeetingId = meetings.entries[1]!.id;
    const figures = await getJson<{ entries: { id: string; source: { symbol: string } }[] }>(
      page,
      "/figures",
    );
    const figure = figures.entries.find((f) => f.source.symbol === "C18/35")!;

    await visit(`/statistics/figures/${figure.id}`);
    await page.locator(".details").getByRole("link", { name: "C18/35", exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("symbol")).toBe("C18/35");
    await registerRow("C18/35").waitFor();
    await expect.poll(() => page.locator(".documents-table tbody tr").count()).toBe(1);
    await registerRow("C18/35").getByRole("link", { name: "C18/35" }).click();
    await page.getByRole("heading", { level: 1, name: /C18\/35 — Support services/ }).waitFor();
    await settled(page);
    const cited = page.locator("section", {
      has: page.getByRole("heading", { name: "Figures read from it" }),
    });
    await expect.poll(() => cited.getByRole("link").count()).toBeGreaterThan(0);
    expect(await cited.getByRole("link", { name: /2014/ }).first().getAttribute("href")).toMatch(
      /^\/statistics\/figures\/[0-9a-f-]{36}$/,
    );
    await expectAccessible(page, "document C18/35 (en)");
  });

  it("registers a document: a bad symbol and a registered one are named beside the field", async () => {
    await visit("/documents");
    await page.getByRole("link", { name: "Register a document" }).click();
    await page.getByRole("heading", { level: 1, name: "Register a document" }).waitFor();
    await settled(page);
    const symbol = page.getByRole("textbox", { name: "Symbol" });
    await symbol.fill("Report 35");
    // The server reads the symbol as it is typed.
    await page.locator(".symbol-check[data-valid=false]").waitFor();
    await page.getByRole("textbox", { name: "Title in English" }).fill(TITLE);
    await page.getByRole("button", { name: "Register the document" }).click();
    await expect.poll(() => symbol.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await symbol.getAttribute("aria-describedby")) ?? "";
    const error = page.locator(`[id="${describedBy.split(" ").find((id) => id.endsWith("error"))}"]`);
    expect(await error.textContent()).not.toBe("");
    await expectAccessible(page, "document form with an invalid symbol (en)");

    // Already in the register: the duplicate is the reader's to fix, not a stale record.
    await symbol.fill("C18/35");
    await page.getByRole("button", { name: "Register the document" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("button", { name: "Reload the record" }).count()).toBe(0);
    await expect.poll(() => symbol.getAttribute("aria-invalid")).toBe("true");

    await symbol.fill(SYMBOL);
    await page.locator(".symbol-check[data-valid=true]").waitFor();
    await page.getByLabel("Issued on").fill("2019-05-02");
    await page.getByRole("checkbox", { name: "English" }).check();
    await page.getByRole("checkbox", { name: "French" }).check();
    await page.getByRole("combobox", { name: "Body" }).selectOption({ label: "isc-tf" });
    // The meetings of the body chosen are offered once they have loaded.
    const meeting = page.locator("select[name=meetingId]");
    await meeting.locator(`option[value="${latestMeetingId}"]`).waitFor({ state: "attached" });
    await meeting.selectOption({ value: latestMeetingId });
    await page.getByRole("textbox", { name: "Link" }).fill("https://www.itu.int/md/S19-CL-C-0077/en");
    await page.getByRole("button", { name: "Register the document" }).click();
    await page.getByRole("heading", { level: 1, name: `${SYMBOL} — ${TITLE}` }).waitFor();
    await settled(page);
    const details = page.locator(".details");
    expect(await details.textContent()).toMatch(/English,? and French/);
    expect(await details.getByRole("link", { name: "16th meeting" }).getAttribute("href")).toBe(
      `/meetings/${latestMeetingId}`,
    );
    const link = details.getByRole("link", { name: `Open ${SYMBOL}` });
    expect(await link.getAttribute("href")).toBe("https://www.itu.int/md/S19-CL-C-0077/en");
    expect(await link.getAttribute("target")).toBe("_blank");
  });

  it("finds the document by symbol and by a word of its title, and offers to register a missing symbol", async () => {
    await visit("/documents");
    await search(SYMBOL);
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(SYMBOL);
    await registerRow(SYMBOL).waitFor();
    await search("editing");
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("editing");
    await registerRow(SYMBOL).waitFor();
    expect(await registerRow(SYMBOL).textContent()).toContain(TITLE);
    expect(await registerRow(SYMBOL).textContent()).toContain("isc-tf");

    await search("C19/78");
    await page.getByText("No document C19/78 is registered.").waitFor();
    await expectAccessible(page, "register, symbol not registered (en)");
    await page.getByRole("link", { name: "Register C19/78" }).click();
    await page.getByRole("heading", { level: 1, name: "Register a document" }).waitFor();
    expect(await page.getByRole("textbox", { name: "Symbol" }).inputValue()).toBe("C19/78");
  });

  it("shows the agenda item citing the document and links the agenda's symbol back to the register", async () => {
    const added = await write(page, "POST", `/meetings/${latestMeetingId}/agenda`, {
      title: { en: "Web editing across the Sectors" },
      originalLanguage: "en",
      kind: "document",
      documentSymbol: SYMBOL,
    });
    expect(added.status()).toBe(201);
    agendaItemId = ((await added.json()) as { id: string }).id;

    await visit("/documents");
    await search(SYMBOL);
    await registerRow(SYMBOL).getByRole("link", { name: SYMBOL }).click();
    await page.getByRole("heading", { level: 1, name: `${SYMBOL} — ${TITLE}` }).waitFor();
    await settled(page);
    const agenda = page.locator("section", {
      has: page.getByRole("heading", { name: "Agenda items citing it" }),
    });
    const item = agenda.getByRole("link", { name: /isc-tf — 16th meeting/ });
    expect(await item.getAttribute("href")).toBe(`/meetings/${latestMeetingId}#agenda-${agendaItemId}`);
    expect(await agenda.textContent()).toContain("Web editing across the Sectors");
    await expectAccessible(page, `document ${SYMBOL} (en)`);

    await item.click();
    await page.getByRole("heading", { level: 1, name: "16th meeting" }).waitFor();
    await settled(page);
    const entry = page.locator(`#agenda-${agendaItemId}`);
    const symbolLink = entry.getByRole("link", { name: SYMBOL, exact: true });
    expect(await symbolLink.getAttribute("href")).toBe(`/documents?symbol=${encodeURIComponent(SYMBOL)}`);
    await symbolLink.click();
    await registerRow(SYMBOL).waitFor();
  });

  it("corrects the document, and the history says what changed", async () => {
    await registerRow(SYMBOL).getByRole("link", { name: SYMBOL }).click();
    await page.getByRole("heading", { level: 1, name: `${SYMBOL} — ${TITLE}` }).waitFor();
    await page.getByRole("link", { name: "Correct" }).click();
    await page.getByRole("heading", { level: 1, name: `Correct document ${SYMBOL}` }).waitFor();
    await settled(page);
    expect(await page.getByRole("textbox", { name: "Title in English" }).inputValue()).toBe(TITLE);
    await page.getByRole("textbox", { name: "Title in English" }).fill(`${TITLE}, revised`);
    await page
      .getByRole("textbox", { name: "Title in French" })
      .fill("Coordination de l'édition web entre les Secteurs");
    await page.getByRole("checkbox", { name: "Spanish" }).check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: `${SYMBOL} — ${TITLE}, revised` }).waitFor();
    await settled(page);
    expect(await page.locator(".details").textContent()).toMatch(/English, French,? and Spanish/);
    const history = page.locator("section", { has: page.getByRole("heading", { name: "History" }) });
    await history.getByText("Changed").first().waitFor();
    expect(await history.textContent()).toContain(`${TITLE}, revised`);
  });

  it("removes the document after confirmation; the agenda keeps citing the symbol", async () => {
    await page.getByRole("button", { name: "Remove from the register" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove the document from the register?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("keep its symbol");
    await expectAccessible(page, "remove a document (en)");
    await dialog.getByRole("button", { name: "Remove", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Documents register" }).waitFor();
    await settled(page);
    await search(SYMBOL);
    await page.getByText(`No document ${SYMBOL} is registered.`).waitFor();
    await page.getByRole("link", { name: `Register ${SYMBOL}` }).waitFor();

    await visit(`/meetings/${latestMeetingId}`);
    await page.locator(`#agenda-${agendaItemId}`).getByRole("link", { name: SYMBOL, exact: true }).waitFor();
  });
});

describe("decisions and invitations of a task force meeting", () => {
  it("corrects a decision while the minutes are draft, and is refused once the chair approved them", async () => {
    const recorded = await write(page, "POST", `/meetings/${latestMeetingId}/decisions`, {
      text: { en: "The task force takes note of the web editing report." },
      originalLanguage: "en",
      agendaItemId: null,
    });
    expect(recorded.status()).toBe(201);
    const decision = (await recorded.json()) as { id: string; number: string };

    await visit(`/meetings/${latestMeetingId}`);
    const entry = page.locator(`#decision-${decision.id}`);
    await entry.getByRole("button", { name: "Correct" }).click();
    const form = entry.getByRole("form", { name: `Correct decision ${decision.number}` });
    await form.waitFor();
    expect(await form.getByRole("textbox", { name: "Text in English" }).inputValue()).toBe(
      "The task force takes note of the web editing report.",
    );
    await form
      .getByRole("textbox", { name: "Text in English" })
      .fill("The task force takes note with appreciation of the web editing report.");
    await form.getByRole("combobox", { name: "Agenda item" }).selectOption({ value: agendaItemId });
    await expectAccessible(page, "correcting a decision (en)");
    await form.getByRole("button", { name: "Save the correction" }).click();
    await expect.poll(() => entry.textContent()).toContain("takes note with appreciation");
    await entry.getByRole("link", { name: "See the agenda item" }).waitFor();

    await entry.getByRole("button", { name: "History" }).click();
    await entry.getByRole("heading", { name: `History of decision ${decision.number}` }).waitFor();
    await expect
      .poll(() => entry.locator(".history").textContent())
      .toContain("takes note with appreciation");
    await entry.getByRole("button", { name: "History" }).click();

    // The chair approves the minutes while the secretariat has the correction open.
    await entry.getByRole("button", { name: "Correct" }).click();
    await form.waitFor();
    const chairContext = await newReaderContext(session!.browser);
    try {
      const chair = await chairContext.newPage();
      const signIn = await chair.request.post(`${server.baseUrl}/api/v1/auth/sign-in`, {
        data: { email: CHAIR, password: DEMO_PASSWORD },
      });
      expect(signIn.status()).toBe(200);
      const meeting = await getJson<{ version: number }>(chair, `/meetings/${latestMeetingId}`);
      const approved = await write(chair, "POST", `/meetings/${latestMeetingId}/minutes/approve`, {
        version: meeting.version,
      });
      expect(approved.status()).toBe(200);
    } finally {
      await chairContext.close();
    }
    await form
      .getByRole("textbox", { name: "Text in French" })
      .fill("L'équipe spéciale prend note du rapport.");
    await form.getByRole("button", { name: "Save the correction" }).click();
    await form.getByRole("alert").filter({ hasText: "The minutes are approved" }).waitFor();
    expect(await form.getByRole("alert").textContent()).toContain("can no longer be corrected");
    // Once closed, the correction is no longer offered.
    await form.getByRole("button", { name: "Cancel" }).click();
    await entry.getByRole("button", { name: "History" }).waitFor();
    expect(await entry.getByRole("button", { name: "Correct" }).count()).toBe(0);
  });

  it("clears a recorded attendance, withdraws that invitation, and refuses to withdraw a recorded one", async () => {
    await visit(`/meetings/${earlierMeetingId}`);
    const groups = page.locator(".attendance-group");
    await groups.first().waitFor();
    const before = await groups.count();
    // Every participant of the demo meetings has their attendance recorded.
    const recorded = (
      await getJson<{ participants: { personName: string; attendance: string | null }[] }>(
        page,
        `/meetings/${earlierMeetingId}`,
      )
    ).participants.filter((p) => p.attendance !== null);
    const first = recorded[0]!.personName;
    const second = recorded[1]!.personName;

    // Withdrawing someone whose attendance is recorded is refused, with the reason.
    await page.getByRole("button", { name: `Withdraw invitation sent to ${second}` }).click();
    let dialog = page.getByRole("dialog", { name: "Withdraw the invitation?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("clear it and save the attendance first");
    await dialog.getByRole("button", { name: "Withdraw", exact: true }).click();
    await dialog.getByRole("alert").first().waitFor();
    await expectAccessible(page, "withdrawal refused (en)");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });

    // Cleared with the keyboard: the choice goes back to not recorded.
    const firstGroup = page.getByRole("radiogroup", { name: first, exact: true });
    expect(await firstGroup.getByRole("radio", { checked: true }).count()).toBe(1);
    await page.getByRole("button", { name: `Clear the attendance of ${first}` }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => firstGroup.getByRole("radio", { checked: true }).count()).toBe(0);
    await page.getByRole("button", { name: "Save attendance" }).click();
    await page.getByRole("status").filter({ hasText: "Attendance has been recorded." }).first().waitFor();
    const meeting = await getJson<{ participants: { personName: string; attendance: string | null }[] }>(
      page,
      `/meetings/${earlierMeetingId}`,
    );
    expect(meeting.participants.find((p) => p.personName === first)?.attendance).toBeNull();

    await page.getByRole("button", { name: `Withdraw invitation sent to ${first}` }).click();
    dialog = page.getByRole("dialog", { name: "Withdraw the invitation?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Withdraw", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => groups.count()).toBe(before - 1);
    expect(await page.getByRole("radiogroup", { name: first, exact: true }).count()).toBe(0);
    // The meeting's history names the invitation withdrawn.
    const history = page.locator("section", {
      has: page.getByRole("heading", { name: "History", level: 2 }),
    });
    await history.getByText("Invitations withdrawn").first().waitFor();
    expect(await history.textContent()).toContain("invitation withdrawn");
  });
});

describe("in Arabic", () => {
  it("imports a list: a check names each bad cell, a clean list is then registered", async () => {
    await visit("/documents");
    await page.getByRole("link", { name: "Import a list" }).click();
    await page.getByRole("heading", { level: 1, name: "Import documents" }).waitFor();
    await settled(page);
    const chooseFile = (content: string) =>
      page
        .locator("input[name=file]")
        .setInputFiles({ name: "documents.csv", mimeType: "text/csv", buffer: Buffer.from(content, "utf8") });
    await chooseFile(
      "symbol,title_en,issued_on\nC19/88,Budget for 2020,2019-02-30\nnot a symbol,Something,\n",
    );
    await page.getByRole("button", { name: "Check only (dry run)" }).click();
    const problems = page.locator(".import-errors tbody tr");
    await expect.poll(() => problems.count()).toBe(2);
    const rows = await problems.allTextContents();
    expect(rows[0]).toMatch(/^2issued_on/);
    expect(rows[1]).toMatch(/^3symbol/);
    await expectAccessible(page, "documents import with problems (en)");

    await chooseFile(
      "symbol,title_en,issued_on\nC19/88,Budget for 2020,2019-02-28\nC18/35-E,Support services,\n",
    );
    await page.getByRole("button", { name: "Check only (dry run)" }).click();
    await page.getByText("Rows: 2. New documents: 1. Updated: 1.").waitFor();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByText("The file has been imported").waitFor();
    await visit(`/documents?symbol=${encodeURIComponent("C19/88")}`);
    await page
      .getByRole("cell", { name: "C19/88" })
      .or(page.getByRole("rowheader", { name: "C19/88" }))
      .waitFor();
  });

  it("reads the register, a document and the meeting's forms right to left, accessibly", async () => {
    await visit("/documents");
    await chooseLanguage("ar");
    await page.getByRole("heading", { level: 1, name: "سجل الوثائق" }).waitFor();
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    // Symbols stay left to right within the right-to-left page.
    expect(await registerRow("C18/35").locator("th a").getAttribute("dir")).toBe("ltr");
    await expectAccessible(page, "documents register (ar)");
    await tabTo(".documents-table tbody tr[data-symbol='C18/35'] th a");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: /C18\/35/ }).waitFor();
    await expectAccessible(page, "document C18/35 (ar)");

    await visit("/documents/new?symbol=C19/79");
    await expectAccessible(page, "document form (ar)");
    await visit(`/meetings/${earlierMeetingId}`);
    await expectAccessible(page, "meeting with attendance actions (ar)");
    await chooseLanguage("en");
  });
});
