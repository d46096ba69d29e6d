import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible,
  openSession,
  type RunningIntersect,
  type Session,
  settled,
  signInThroughForm,
} from "./harness.ts";

/** The head of SPM: secretariat over the whole organization (scans, decides) and contact of SPM's activities. */
const SECRETARIAT = "head.spm@intersect.example";

let session: Session | undefined;
let server: RunningIntersect;
let context: BrowserContext;
let page: Page;
/** The candidate opened from the top of the inbox, decided on below. */
let candidatePath = "";

async function visit(path: string) {
  await page.goto(`${server.baseUrl}${path}`);
  await settled(page);
}

async function chooseLanguage(lang: string) {
  await page.locator("select[name=language]").selectOption(lang);
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
}

const items = (target: Page) => target.locator(".overlap-list > li");
const itemCount = () => items(page).count();
const historyCount = () => page.locator(".history > li").count();
const param = (name: string) => new URL(page.url()).searchParams.get(name);

/** "Similarity 87%" → 0.87 */
const shareOf = (text: string) => Number(/(\d+)\s*%/.exec(text)?.[1]) / 100;

beforeAll(async () => {
  session = await openSession();
  ({ server, context, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe("overlap inbox", () => {
  it("lists the candidates strongest first, from the navigation, for the secretariat", async () => {
    await visit("/sign-in");
    await signInThroughForm(page, SECRETARIAT);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByRole("navigation").getByRole("link", { name: "Overlaps" }).click();
    await page.getByRole("heading", { level: 1, name: "Overlaps" }).waitFor();
    await settled(page);
    expect(new URL(page.url()).pathname).toBe("/overlaps");

    await expect.poll(itemCount).toBe(20);
    await page.getByText("Candidates shown: 20 (more can be loaded)").waitFor();
    const scores = (await page.locator(".overlap-list .overlap-score").allTextContents()).map(shareOf);
    expect(scores.every((score, i) => i === 0 || score <= scores[i - 1]!)).toBe(true);
    const first = items(page).first();
    await first.locator(".likely-badge", { hasText: "Likely duplicate" }).waitFor();
    await first.getByText("Open", { exact: true }).waitFor();
    // Both activities with unit:reference and a title; a title in another language is marked as the original.
    expect(await first.locator(".overlap-sides > li").count()).toBe(2);
    for (const text of await first.locator(".overlap-sides > li").allTextContents())
      expect(text).toMatch(/^[A-Z&-]+:\S+ — \S/);
    expect(await page.locator(".overlap-sides .original-badge").count()).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Load more" }).click();
    await expect.poll(itemCount).toBe(40);
    await expectAccessible(page, "overlap inbox (en)");
  });

  it("filters by likelihood, unit, area and status, keeping the filters in the address", async () => {
    await visit("/overlaps");
    await page.locator("select[name=likely]").selectOption("false");
    await expect.poll(() => param("likely")).toBe("false");
    await expect.poll(itemCount).toBeGreaterThan(0);
    await expect.poll(() => page.locator(".overlap-list .likely-badge").count()).toBe(0);

    // Two filters in quick succession: the address keeps both.
    await page.locator("select[name=likely]").selectOption("true");
    await page.locator("select[name=unitCode]").selectOption("CCD");
    await expect.poll(() => param("likely")).toBe("true");
    await expect.poll(() => param("unitCode")).toBe("CCD");
    await expect
      .poll(async () => {
        const texts = await items(page).allTextContents();
        return (
          texts.length > 0 &&
          texts.every((text) => text.includes("CCD:") && text.includes("Likely duplicate"))
        );
      })
      .toBe(true);

    // The address alone restores the filters.
    await visit("/overlaps?areaSlug=gender");
    expect(await page.locator("select[name=areaSlug]").inputValue()).toBe("gender");
    await expect.poll(itemCount).toBeGreaterThan(0);

    await page.locator("select[name=status]").selectOption("dismissed");
    await expect.poll(() => param("status")).toBe("dismissed");
    await page.getByRole("heading", { level: 2, name: "No candidates match these filters" }).waitFor();
    await page.getByText("This inbox lists pairs of activities of different units").waitFor();
    await page.getByRole("button", { name: "Run a scan now" }).waitFor();
    await page.getByRole("link", { name: "Show all open candidates" }).click();
    await expect.poll(itemCount).toBe(20);
    expect(param("status")).toBeNull();
  });

  it("opens a candidate: both activities as written, passages marked, evidence in sentences", async () => {
    await visit("/overlaps?likely=true");
    const first = items(page).first();
    const link = first.locator("a.overlap-link");
    const pairName = (await link.textContent())!;
    // From the keyboard: the pair's name is a link like any other.
    await link.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: `Possible duplicate: ${pairName}` }).waitFor();
    await settled(page);
    candidatePath = new URL(page.url()).pathname;
    expect(candidatePath).toMatch(/^\/overlaps\/[0-9a-f-]{36}$/);

    const sides = page.locator("section.overlap-side");
    expect(await sides.count()).toBe(2);
    for (const side of await sides.all()) {
      // A link to the activity's own page, and its text in its own language, never translated.
      expect(await side.getByRole("heading", { level: 2 }).getByRole("link").getAttribute("href")).toMatch(
        /^\/activities\/[0-9a-f-]{36}$/,
      );
      const title = side.locator(".overlap-title").first();
      expect(await title.getAttribute("lang")).toMatch(/^(ar|zh|en|fr|ru|es)$/);
      expect(await title.getAttribute("dir")).toBe(
        (await title.getAttribute("lang")) === "ar" ? "rtl" : "ltr",
      );
      expect(await side.locator(".overlap-text mark").count()).toBeGreaterThan(0);
    }
    // The top candidate of the demo pairs an English text with a Chinese one.
    const languages = await page
      .locator(".overlap-title")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("lang")));
    expect(new Set(languages).size).toBeGreaterThan(1);

    const evidence = page.getByRole("region", { name: "Why they look alike" });
    await evidence.getByText(/^Both deal with the same subjects: .+\.$/).waitFor();
    await evidence.getByText(/^Both are of the same type: \w+/).waitFor();
    // Concept ids are shown as words, not as ids.
    expect(await evidence.locator("li[data-kind=shared_concepts]").textContent()).not.toMatch(/\w-\w+-/);
    await page
      .getByRole("region", { name: "Decision history" })
      .getByText("No changes recorded yet.")
      .waitFor();
    await expectAccessible(page, "overlap candidate (en)");
  });

  it("dismisses with a reason, showing the server's error when the reason is missing", async () => {
    await visit(candidatePath);
    const form = page.getByRole("form", { name: "Record a decision" });
    // Arrow keys move between the choices, as in any group of radio buttons.
    await form.getByRole("radio", { name: /^Confirm/ }).focus();
    await page.keyboard.press("ArrowDown");
    expect(await form.getByRole("radio", { name: /^Dismiss/ }).isChecked()).toBe(true);
    await form.getByRole("button", { name: "Record the decision" }).click();
    await page.getByRole("alert").filter({ hasText: "could not be saved" }).waitFor();
    const reason = form.getByRole("textbox", { name: /^Reason/ });
    await expect.poll(() => reason.getAttribute("aria-invalid")).toBe("true");
    await form.getByText("This field is required.").waitFor();
    await expectAccessible(page, "overlap decision with an error (en)");

    // The rest from the keyboard: the reason, then Tab to the button and Enter.
    await reason.focus();
    await page.keyboard.type("Two regional forums of different years, not the same work.");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Record the decision");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "The candidate has been dismissed." }).waitFor();
    const decision = page.getByRole("region", { name: "Decision", exact: true });
    await decision.locator(".details", { hasText: "Dismissed" }).waitFor();
    await decision.getByText("Two regional forums of different years, not the same work.").waitFor();
    await decision.locator(".details", { hasText: "Hélène Dubois" }).waitFor();

    // The decision is in the history, and the candidate has left the open inbox.
    await expect.poll(historyCount).toBe(1);
    const entry = page.locator(".history > li").first();
    expect(await entry.textContent()).toContain("Dismissed");
    expect(await entry.textContent()).toMatch(/Reason: .*Two regional forums/);
    await visit("/overlaps?status=dismissed");
    await expect.poll(itemCount).toBe(1);
  });

  it("confirms with an outcome (required), then reopens", async () => {
    await visit(candidatePath);
    const form = page.getByRole("form", { name: "Change the decision" });
    await form.getByRole("radio", { name: /^Confirm/ }).check();
    const outcome = form.getByRole("radiogroup", { name: /^Outcome/ });
    await outcome.waitFor();
    await form.getByRole("button", { name: "Record the decision" }).click();
    await page.getByRole("alert").filter({ hasText: "could not be saved" }).waitFor();
    // The message sits beside the choices, and the group points at it.
    const outcomeError = form.getByText("This field is required.");
    await outcomeError.waitFor();
    expect(await outcome.getAttribute("aria-describedby")).toContain(await outcomeError.getAttribute("id"));

    await outcome.getByRole("radio", { name: /^Merge them into one/ }).check();
    await form.getByRole("button", { name: "Record the decision" }).click();
    await page.getByRole("status").filter({ hasText: "The overlap has been confirmed." }).waitFor();
    await page.locator(".details", { hasText: "Merge them into one" }).waitFor();
    await expect.poll(historyCount).toBe(2);
    const entry = page.locator(".history > li").first();
    expect(await entry.textContent()).toContain("Confirmed");
    expect(await entry.textContent()).toMatch(/Outcome: .*Merge them into one/);

    await page
      .getByRole("form", { name: "Change the decision" })
      .getByRole("radio", { name: /^Reopen/ })
      .check();
    await page.getByRole("button", { name: "Record the decision" }).click();
    await page.getByRole("status").filter({ hasText: "The candidate has been reopened." }).waitFor();
    await page.getByText("This pair is open and awaits a decision.").waitFor();
    await expect.poll(historyCount).toBe(3);
    expect(await page.locator(".history > li").first().textContent()).toContain("Reopened");
  });

  it("says the candidate changed meanwhile (409) and reloads it", async () => {
    await visit(candidatePath);
    const other = await context.newPage();
    await other.goto(`${server.baseUrl}${candidatePath}`);
    await settled(other);
    await other.getByRole("radio", { name: /^Confirm/ }).check();
    await other.getByRole("radio", { name: /^Coordinate the two activities/ }).check();
    await other.getByRole("button", { name: "Record the decision" }).click();
    await other.getByRole("status").filter({ hasText: "The overlap has been confirmed." }).waitFor();
    await other.close();

    await page.getByRole("radio", { name: /^Dismiss/ }).check();
    await page.getByRole("textbox", { name: /^Reason/ }).fill("Not the same work.");
    await page.getByRole("button", { name: "Record the decision" }).click();
    await page.getByRole("alert").filter({ hasText: "This record has changed" }).waitFor();
    await page.getByRole("button", { name: "Reload the record" }).click();
    await page.locator(".details", { hasText: "Coordinate the two activities" }).waitFor();
    await page.getByRole("form", { name: "Change the decision" }).waitFor();
  });

  it("scans from the page, showing the progress until the scan ends, then its counts", async () => {
    await visit("/overlaps");
    // The demo scan takes about a second: its first answers are held at a known point of its progress.
    let held = 0;
    await page.route("**/api/v1/jobs/*", async (route) => {
      if (held >= 4) return route.continue();
      held++;
      const response = await route.fetch();
      const job = (await response.json()) as Record<string, unknown>;
      await route.fulfill({
        response,
        json: { ...job, status: "running", done: 500, total: 1650, result: null, finishedAt: null },
      });
    });
    await page.getByRole("button", { name: "Scan now" }).click();
    const bar = page.getByRole("progressbar", { name: /^Scanning/ });
    await bar.waitFor();
    await page.getByText("Scanning: 500 of 1,650 steps done (30%).").waitFor();
    expect(await page.locator(".scan-status").getAttribute("aria-live")).toBe("polite");
    expect(await bar.evaluate((node) => (node as HTMLProgressElement).value)).toBe(500);
    await expectAccessible(page, "overlap scan in progress (en)");

    await page.getByText("The scan has finished; the list has been refreshed.").waitFor({ timeout: 30_000 });
    expect(await bar.count()).toBe(0);
    const counts = page.locator(".scan-counts");
    await counts.getByText("Activities compared").waitFor();
    await counts.getByText("Candidates found").waitFor();
    await counts.getByText("Likely duplicates").waitFor();
    await expect.poll(itemCount).toBe(20);
    await page.unroute("**/api/v1/jobs/*");
  });

  it("tells the contact about a likely duplicate and leads to the candidate, then marks it read", async () => {
    await visit("/overlaps");
    const indicator = page.getByRole("link", { name: /^Notifications \(\d+ unread\)$/ });
    await indicator.waitFor();
    const unread = Number(/\((\d+) unread\)/.exec((await indicator.textContent()) ?? "")?.[1]);
    expect(unread).toBeGreaterThan(0);
    await indicator.click();
    await page.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    await settled(page);
    const first = page.locator(".notification-list > li").first();
    await first.getByText("A likely duplicate of your activity was found.").waitFor();
    await first.getByText("(your activity)").waitFor();
    await expectAccessible(page, "notifications (en)");

    const compare = first.getByRole("link", { name: "Compare the two activities" });
    expect(await compare.getAttribute("href")).toMatch(/^\/overlaps\/[0-9a-f-]{36}$/);
    await compare.click();
    await page.getByRole("heading", { level: 1, name: /^Possible duplicate: / }).waitFor();
    await expect
      .poll(async () => (await page.getByRole("link", { name: /^Notifications/ }).textContent()) ?? "")
      .toContain(unread - 1 === 0 ? "Notifications" : `(${unread - 1} unread)`);

    await visit("/notifications");
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await page.getByText("You have no unread notifications.").waitFor();
    await expect.poll(() => page.getByRole("link", { name: "Notifications", exact: true }).count()).toBe(1);
    await page.getByLabel("Also show notifications already read").check();
    await expect.poll(() => page.locator(".notification-list > li").count()).toBe(unread);
  });

  it("advises similar existing activities while an activity is written, without blocking the save", async () => {
    let asked = 0;
    page.on("request", (request) => {
      if (request.url().endsWith("/api/v1/activities/similar")) asked++;
    });
    await visit("/activities/new");
    await page.locator("select[name=unitCode]").selectOption("SPM");
    await page.locator("input[name=ref]").fill("TEST/RDF");
    await page.locator("select[name=type]").selectOption("event");
    await page.locator("input[name=start]").fill("2026-03-23");
    expect(await page.getByRole("region", { name: "Similar existing activities" }).count()).toBe(0);
    await page
      .getByRole("textbox", { name: /^Title in English/ })
      .pressSequentially("Regional Development Forum for Asia and the Pacific", { delay: 20 });
    await page
      .getByRole("textbox", { name: /^Description/ })
      .fill("Forum where Asia-Pacific Member States review regional initiatives and priorities for WTDC.");
    const panel = page.getByRole("region", { name: "Similar existing activities" });
    await panel.waitFor();
    await panel.getByText(/^Similar activities found: [1-5]$/).waitFor();
    const links = panel.locator(".similar-list a");
    expect(await links.count()).toBeLessThanOrEqual(5);
    await panel.locator(".similar-list li", { hasText: "RDF-ASP" }).first().waitFor();
    expect(await links.first().getAttribute("target")).toBe("_blank");
    expect(await links.first().getAttribute("href")).toMatch(/^\/activities\/[0-9a-f-]{36}$/);
    expect(await links.first().textContent()).toContain("opens in a new tab");
    // Typing is not a request per key: the panel asks once the writer pauses.
    expect(asked).toBeLessThanOrEqual(3);
    await expectAccessible(page, "activity form with similar activities (en)");

    await page.getByRole("button", { name: "Register the activity" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Regional Development Forum for Asia and the Pacific" })
      .waitFor();
  });

  it("keeps the inbox, a candidate and the notifications accessible in Arabic, right to left", async () => {
    await visit("/overlaps");
    await chooseLanguage("ar");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.getByRole("heading", { level: 1, name: "حالات التداخل" }).waitFor();
    await expect.poll(itemCount).toBe(20);
    await items(page).first().getByText("ازدواج مرجح").waitFor();
    await expectAccessible(page, "overlap inbox (ar)");

    await visit(candidatePath);
    await page.getByRole("heading", { level: 1, name: /^ازدواج محتمل:/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    // The activities keep their own language and direction inside the Arabic page.
    const languages = await page
      .locator(".overlap-title")
      .evaluateAll((nodes) => nodes.map((n) => [n.getAttribute("lang"), n.getAttribute("dir")]));
    for (const [lang, dir] of languages) expect(dir).toBe(lang === "ar" ? "rtl" : "ltr");
    await page
      .getByRole("region", { name: "أوجه التشابه بينهما" })
      .getByText(/^يتناول كلاهما الموضوعات نفسها/)
      .waitFor();
    await expectAccessible(page, "overlap candidate (ar)");

    await page.getByRole("radio", { name: /^استبعاد/ }).check();
    await page.getByRole("button", { name: "تسجيل القرار" }).click();
    await page.getByRole("alert").first().waitFor();
    await expectAccessible(page, "overlap decision with an error (ar)");

    await visit("/notifications?show=all");
    await page.locator(".notification-list > li").first().getByText("عُثر على ازدواج مرجح لنشاطك.").waitFor();
    await expectAccessible(page, "notifications (ar)");
    await chooseLanguage("en");
  });
});
