import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_ADMIN,
  expectAccessible,
  openSession,
  type RunningIntersect,
  type Session,
  settled,
  signInThroughForm,
} from "./harness.ts";

let session: Session | undefined;
let server: RunningIntersect;
let context: BrowserContext;
let page: Page;

const SLUG = "space-sustainability";
const NAME = "Space sustainability";
const MANDATE_TITLE = "Space sustainability standards";
const CITATION = "WTSA Resolution 99 (New Delhi, 2024)";
const MOVED_CITATION = "WTSA Resolution 99 (Geneva, 2024)";
let mandatePath = "";

const day = (offset: number) => {
  const date = new Date(Date.now() + offset * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

async function visit(path: string) {
  await page.goto(`${server.baseUrl}${path}`);
  await settled(page);
}

async function chooseLanguage(lang: string) {
  await page.locator("select[name=language]").selectOption(lang);
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
}

const revisionCount = () => page.locator(".area-revisions > li").count();
const historyCount = () => page.locator(".history > li").count();

beforeAll(async () => {
  session = await openSession();
  ({ server, context, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe("areas of common interest", () => {
  it("signs the administrator in and lists the areas with their qualification", async () => {
    await visit("/areas");
    await expect.poll(() => page.url()).toContain("/sign-in");
    await signInThroughForm(page, DEMO_ADMIN);
    await page.getByRole("heading", { level: 1, name: "Areas of common interest" }).waitFor();
    await settled(page);
    expect(new URL(page.url()).pathname).toBe("/areas");
    await expect.poll(() => page.locator(".areas-table tbody tr").count()).toBe(9);
    const communications = page.getByRole("row", { name: /^Communications / });
    expect(await communications.textContent()).toContain("Does not qualify");
    expect(await communications.textContent()).toContain("recorded justification");
    const gender = page.locator(".areas-table tbody tr", { hasText: "Gender" });
    expect(await gender.textContent()).not.toContain("Does not qualify");
    const csv = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
    expect(csv).toBe("/api/v1/areas/export.csv?lang=en");
    const download = await page.request.get(`${server.baseUrl}${csv}`);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain("climate-change");
    await expectAccessible(page, "areas (en)");
  });

  it("shows an area: qualification, justification, targets, focal points and revisions", async () => {
    await page.getByRole("link", { name: "Communications", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Communications" }).waitFor();
    await settled(page);
    await page.getByText("Listed by the Inter-Sectoral Coordination Task Force").first().waitFor();
    await page.getByText("no Plenipotentiary resolution").first().waitFor();
    await page.locator(".sdg-targets li", { hasText: "Target 16.10" }).waitFor();
    await expect.poll(() => page.locator(".sdg-targets li").first().textContent()).toMatch(/16\.10 — \S/);
    await page.locator(".focal-points-table tbody tr").first().waitFor();
    expect(await page.getByRole("link", { name: "Public page" }).getAttribute("href")).toBe(
      "/public/en/areas/communications",
    );
    await page.locator(".area-revisions > li").first().waitFor();
    await expectAccessible(page, "area detail (en)");

    await visit("/areas/climate-change");
    await page.locator(".mandates-table tbody tr", { hasText: "Resolution 191" }).waitFor();
    await page.getByText("A Plenipotentiary resolution").first().waitFor();
  });

  it("creates an area, asking first for the justification an unqualified active area needs", async () => {
    await visit("/areas");
    await page.getByRole("link", { name: "New area" }).click();
    await page.getByRole("heading", { level: 1, name: "New area of common interest" }).waitFor();
    await settled(page);
    await page.locator("input[name=slug]").fill(SLUG);
    await page.getByRole("textbox", { name: /^Name in English/ }).fill(NAME);
    await page.locator("select[name=status]").selectOption("active");
    await page.locator("select[name=leadUnitCode]").selectOption("BR");
    await page.getByRole("checkbox", { name: /^TSB — / }).check();
    await page.locator("input[name=targetFilter]").fill("9.");
    await page.getByRole("checkbox", { name: /^9\.c — / }).check();
    await page.locator("textarea[name=reason]").fill("Proposed by the task force");
    await page.getByRole("button", { name: "Add the area to the list" }).click();
    await page.getByRole("alert").filter({ hasText: "could not be saved" }).waitFor();
    const justification = page.locator("textarea[name=justification]");
    expect(await justification.getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "area form with errors (en)");

    await justification.fill("Space debris touches every Sector; the task force asked for it.");
    await page.getByRole("button", { name: "Add the area to the list" }).click();
    await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: `${NAME} has been added to the list.` })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe(`/areas/${SLUG}`);
    await settled(page);
    await page.locator(".sdg-targets li", { hasText: "Target 9.c" }).waitFor();
    await expect.poll(revisionCount).toBe(1);
  });

  it("edits the area with a reason, and the revision list grows", async () => {
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Edit ${NAME}` }).waitFor();
    await settled(page);
    await expectAccessible(page, "area edit (en)");
    await page.getByRole("checkbox", { name: /^BDT — / }).check();
    await page.getByRole("textbox", { name: /^Name in French/ }).fill("Durabilité de l'espace");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("alert").filter({ hasText: "could not be saved" }).waitFor();
    expect(await page.locator("textarea[name=reason]").getAttribute("aria-invalid")).toBe("true");
    await page.locator("textarea[name=reason]").fill("Development Sector joins");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: `${NAME} has been saved.` })
      .waitFor();
    await expect.poll(revisionCount).toBe(2);
    const latest = page.locator(".area-revisions > li").first();
    expect(await latest.textContent()).toContain("Development Sector joins");
    expect(await latest.textContent()).toContain("Participating units");
  });

  it("names a focal point, then ends the term after confirmation", async () => {
    const form = page.getByRole("form", { name: "Name a focal point" });
    await form.getByLabel("Find a person").fill("Solberg");
    const option = page.locator("select[name=personId] option", { hasText: "Ingrid Solberg" });
    await option.waitFor({ state: "attached" });
    await page.locator("select[name=personId]").selectOption((await option.getAttribute("value")) ?? "");
    await page.locator("select[name=focalUnitCode]").selectOption("BR");
    await page.locator("textarea[name=focalReason]").fill("Named by the Radiocommunication Bureau");
    await form.getByRole("button", { name: "Name the focal point" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Ingrid Solberg has been named focal point for BR." })
      .waitFor();
    const row = page.locator(".focal-points-table tbody tr", { hasText: "Ingrid Solberg" });
    await row.waitFor();
    await expect.poll(revisionCount).toBe(3);
    await expectAccessible(page, "area detail with focal point (en)");

    await row.getByRole("button", { name: "End the term of Ingrid Solberg (BR)" }).click();
    const dialog = page.getByRole("dialog", { name: "End this focal point's term?" });
    await dialog.waitFor();
    await dialog.getByLabel("Last day of the term").fill(day(30));
    await dialog.getByLabel("Reason for the change").fill("Rotation planned");
    await expectAccessible(page, "end term confirmation (en)");
    await dialog.getByRole("button", { name: "End term" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page
      .getByRole("status")
      .filter({ hasText: "The term of Ingrid Solberg has been ended." })
      .waitFor();
    await expect.poll(revisionCount).toBe(4);
    expect(await page.locator(".area-revisions > li").first().textContent()).toContain("Rotation planned");
  });

  it("shows the list as of yesterday without the new area, and the comparison with it added", async () => {
    await visit(`/areas?asOf=${day(-1)}`);
    await expect.poll(() => page.getByRole("link", { name: NAME }).count()).toBe(0);
    await visit("/areas");
    await page.getByRole("link", { name: NAME }).waitFor();

    await visit(`/areas?from=${day(-1)}&to=${day(0)}`);
    await page.locator(".comparison-added").getByRole("link", { name: NAME }).waitFor();
    await expectAccessible(page, "areas comparison (en)");
  });

  it("lists the mandates by source, verified or not, and records a new one", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Mandates" }).click();
    await page.getByRole("heading", { level: 1, name: "Mandates" }).waitFor();
    await settled(page);
    await expect.poll(() => page.locator(".mandates-table tbody tr").count()).toBe(14);
    await page.getByRole("heading", { level: 2, name: "Plenipotentiary Conference" }).waitFor();
    expect(await page.locator(".verification", { hasText: "Not yet verified" }).count()).toBeGreaterThan(0);
    await expectAccessible(page, "mandates (en)");

    await page.locator("select[name=source]").selectOption("WTSA");
    await expect
      .poll(() => page.getByRole("heading", { level: 2, name: "Plenipotentiary Conference" }).count())
      .toBe(0);

    await page.getByRole("link", { name: "New mandate" }).click();
    await page.getByRole("heading", { level: 1, name: "Record a mandate" }).waitFor();
    await settled(page);
    await expectAccessible(page, "mandate form (en)");
    await page.locator("select[name=source]").selectOption("WTSA");
    await page.locator("input[name=number]").fill("99");
    await page.locator("input[name=place]").fill("New Delhi");
    await page.locator("input[name=year]").fill("1700");
    await page.getByRole("textbox", { name: /^Title in English/ }).fill(MANDATE_TITLE);
    await page.getByText("It will be cited as: WTSA Resolution 99 (New Delhi, 1700)").waitFor();
    await page.getByRole("button", { name: "Record the mandate" }).click();
    // The server's message about the year is shown beside the year.
    await page.getByRole("alert").filter({ hasText: "could not be saved" }).waitFor();
    const year = page.locator("input[name=year]");
    expect(await year.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await year.getAttribute("aria-describedby")) ?? "";
    expect(describedBy).not.toBe("");
    await expectAccessible(page, "mandate form with errors (en)");

    await year.fill("2024");
    await page.getByRole("button", { name: "Record the mandate" }).click();
    await page.getByRole("heading", { level: 1, name: CITATION }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: `${CITATION} has been recorded.` })
      .waitFor();
    await settled(page);
    mandatePath = new URL(page.url()).pathname;
    expect(mandatePath).toMatch(/^\/mandates\/[0-9a-f-]{36}$/);
    await page.getByText(MANDATE_TITLE).first().waitFor();
    await page.locator(".details", { hasText: "World Telecommunication Standardization Assembly" }).waitFor();
    await page.locator(".details", { hasText: "Not yet verified" }).waitFor();
    await expect.poll(historyCount).toBe(1);
    await expectAccessible(page, "mandate detail (en)");

    await page.getByRole("link", { name: "Back to the mandates" }).click();
    const row = page.getByRole("rowheader", { name: CITATION });
    await row.waitFor();
    expect(await row.getByRole("link").getAttribute("href")).toBe(mandatePath);
  });

  it("edits the mandate, and offers to reload when someone else saved it in the meantime", async () => {
    await visit(mandatePath);
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Edit ${CITATION}` }).waitFor();
    await settled(page);
    await expectAccessible(page, "mandate edit (en)");
    await page.getByRole("textbox", { name: /^Title in French/ }).fill("Normes de durabilité de l'espace");
    await page.getByLabel("Checked against the official text").check();
    await page.locator("textarea[name=instructs]").fill("Director of TSB\nStudy Group 20");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: CITATION }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: `${CITATION} has been saved.` })
      .waitFor();
    await settled(page);
    await expect.poll(() => page.locator(".details .verification").textContent()).toBe("Verified");
    await page.locator(".mandate-instructs li", { hasText: "Study Group 20" }).waitFor();
    await expect.poll(historyCount).toBe(2);
    const latest = page.locator(".history > li").first();
    expect(await latest.textContent()).toContain("Title (French)");
    expect(await latest.textContent()).toContain("Verified");

    // Someone else moves the mandate to Geneva while this form is open.
    await visit(`${mandatePath}/edit`);
    const other = await context.newPage();
    await other.goto(`${server.baseUrl}${mandatePath}/edit`);
    await settled(other);
    await other.locator("input[name=place]").fill("Geneva");
    await other.getByRole("button", { name: "Save changes" }).click();
    await other.getByRole("heading", { level: 1, name: MOVED_CITATION }).waitFor();
    await other.close();

    await page.locator("textarea[name=sourceNote]").fill("Checked against the final acts");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("alert").filter({ hasText: "This record has changed" }).waitFor();
    await expectAccessible(page, "mandate edit with a stale version (en)");
    await page.getByRole("button", { name: "Reload the record" }).click();
    await expect.poll(() => page.locator("input[name=place]").inputValue()).toBe("Geneva");
    await page.getByRole("heading", { level: 1, name: `Edit ${MOVED_CITATION}` }).waitFor();
    await page.locator("textarea[name=sourceNote]").fill("Checked against the final acts");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: MOVED_CITATION }).waitFor();
    await page.locator(".details", { hasText: "Checked against the final acts" }).waitFor();
    await expect.poll(historyCount).toBe(4);
  });

  it("names mandates and areas in the audit trail, linked to their pages", async () => {
    await visit("/audit?entity=mandate");
    const moved = page.getByRole("link", {
      name: `Mandate ${MOVED_CITATION} — ${MANDATE_TITLE}`,
      exact: true,
    });
    await moved.first().waitFor();
    expect(await moved.first().getAttribute("href")).toBe(mandatePath);
    // The first entry is named as the mandate stood after it: its creation still says New Delhi.
    await page
      .getByRole("link", { name: `Mandate ${CITATION} — ${MANDATE_TITLE}`, exact: true })
      .first()
      .waitFor();
    await expectAccessible(page, "audit of mandates (en)");

    await page.getByLabel("Record type").selectOption("area");
    const area = page.getByRole("link", { name: `Area ${NAME}`, exact: true }).first();
    await area.waitFor();
    expect(await area.getAttribute("href")).toBe(`/areas/${SLUG}`);
    await page.getByRole("link", { name: "Area Communications", exact: true }).first().waitFor();
  });

  it("keeps the areas pages, the area form and the mandates accessible in Arabic", async () => {
    await visit("/areas");
    await chooseLanguage("ar");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.getByRole("heading", { level: 1, name: "مجالات الاهتمام المشترك" }).waitFor();
    await expectAccessible(page, "areas (ar)");
    for (const path of [
      "/areas/communications",
      `/areas/${SLUG}`,
      "/areas/new",
      "/mandates",
      "/mandates/new",
      mandatePath,
      `${mandatePath}/edit`,
      "/audit?entity=mandate",
    ]) {
      await visit(path);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
      await expectAccessible(page, `${path} (ar)`);
    }
    // The new area has no Arabic name: shown in English, marked as the original.
    await visit("/areas");
    const created = page.getByRole("link", { name: new RegExp(NAME) });
    expect(await created.textContent()).toContain("EN");
    await chooseLanguage("en");
  });
});
