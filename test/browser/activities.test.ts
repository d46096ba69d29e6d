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

const TITLE = "Workshop on digital inclusion";
const COP22 = "Coordinating ITU's participation in COP22 of the UNFCCC (Marrakech)";

const HEADER = "ref,unit,type,status,start,end,title_en,areas";
const BAD_CSV = `${HEADER}
IMP/1,SPM,event,planned,2026-01-10,2026-01-12,Imported workshop,gender
IMP/2,SPM,meeting,planned,2026-02-01,,Second import,
IMP/3,SPM,project,planned,2026-03-01,2026-02-01,Third import,
`;
const GOOD_CSV = `${HEADER}
IMP/1,SPM,event,planned,2026-01-10,2026-01-12,Imported workshop,gender
IMP/2,SPM,publication,planned,2026-02-01,,Second import,
`;

async function visit(path: string) {
  await page.goto(`${server.baseUrl}${path}`);
  await settled(page);
}

async function chooseLanguage(lang: string) {
  await page.locator("select[name=language]").selectOption(lang);
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
}

const rows = () => page.locator(".activities-table tbody tr").count();
const historyCount = () => page.locator(".history > li").count();

async function chooseFile(name: string, content: string) {
  await page
    .locator("input[name=file]")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content, "utf8") });
}

beforeAll(async () => {
  session = await openSession();
  ({ server, context, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe("activities", () => {
  it("signs the administrator in and lists every unit's activities with export links", async () => {
    await visit("/activities");
    await expect.poll(() => page.url()).toContain("/sign-in");
    await signInThroughForm(page, DEMO_ADMIN);
    await page.getByRole("heading", { level: 1, name: "Activities" }).waitFor();
    await settled(page);
    expect(new URL(page.url()).pathname).toBe("/activities");
    // The demo may hold generated activities besides the seeds' twelve: a page holds 20 at most.
    await expect.poll(rows).toBeGreaterThanOrEqual(12);
    const firstPage = await rows();
    expect(firstPage).toBeLessThanOrEqual(20);
    if (firstPage === 20) {
      await page.getByText(/^Activities shown: 20 /).waitFor();
      await page.getByRole("button", { name: "Load more" }).click();
      await expect.poll(rows).toBeGreaterThan(20);
    } else {
      await page.getByText(`Activities found: ${firstPage}`).waitFor();
      expect(await page.getByRole("button", { name: "Load more" }).count()).toBe(0);
    }
    await page.locator("select[name=unitCode]").selectOption("SPM");
    const cop = page.locator(".activities-table tbody tr", { hasText: "EXT/COP22" });
    await page.locator("input[name=q]").fill("COP22");
    await cop.waitFor();
    expect(await cop.textContent()).toContain("SPM");
    expect(await cop.textContent()).toContain("Completed");
    for (const format of ["csv", "xlsx", "json"]) {
      const href = await page
        .getByRole("link", { name: new RegExp(`^Download ${format === "xlsx" ? "Excel" : format}`, "i") })
        .getAttribute("href");
      expect(href).toBe(`/api/v1/activities/export.${format}`);
    }
    const csv = await page.request.get(`${server.baseUrl}/api/v1/activities/export.csv`);
    expect(await csv.text()).toContain("EXT/COP22");
    await page
      .getByRole("navigation")
      .getByRole("link", { name: "Activities" })
      .and(page.locator("[aria-current=page]"))
      .waitFor();
    await expectAccessible(page, "activities (en)");
  });

  it("searches in Chinese and in English, and filters by area", async () => {
    await visit("/activities?unitCode=SPM&type=publication");
    await page.locator("input[name=q]").fill("性别");
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("性别");
    await page.locator(".activities-table tbody tr", { hasText: "GENDER/PAGE" }).waitFor();
    expect(await page.locator(".activities-table tbody tr", { hasText: "EXT/COP22" }).count()).toBe(0);
    await visit("/activities");

    await page.locator("input[name=q]").fill("Marrakech");
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("Marrakech");
    await page.locator(".activities-table tbody tr", { hasText: "EXT/COP22" }).waitFor();
    expect(await page.locator(".activities-table tbody tr", { hasText: "GENDER/PAGE" }).count()).toBe(0);

    await page.locator("input[name=q]").fill("zzzunheardof");
    await page.getByText("No activities match.").waitFor();
    await expect.poll(rows).toBe(0);

    await page.locator("input[name=q]").fill("");
    await expect.poll(rows).toBeGreaterThanOrEqual(12);
    await page.locator("select[name=areaSlug]").selectOption("gender");
    await expect.poll(() => new URL(page.url()).searchParams.get("areaSlug")).toBe("gender");
    // Every row shown is tagged with the area (the demo has more than a page of them, newest first).
    await expect
      .poll(async () => {
        const texts = await page.locator(".activities-table tbody tr").allTextContents();
        return texts.length >= 2 && texts.every((text) => text.includes("Gender"));
      })
      .toBe(true);
    expect(await page.locator(".activities-table tbody tr", { hasText: "EXT/COP22" }).count()).toBe(0);
  });

  it("opens an activity with its SDG targets in words and its history", async () => {
    await visit("/activities?q=COP22");
    await page.getByRole("link", { name: COP22 }).click();
    await page.getByRole("heading", { level: 1, name: COP22 }).waitFor();
    await settled(page);
    await page.locator(".details", { hasText: "EXT/COP22" }).waitFor();
    await expect.poll(() => page.locator(".sdg-targets li").first().textContent()).toMatch(/13\.2 — \S/);
    await page.locator(".activity-areas li", { hasText: "Climate change" }).waitFor();
    await page.locator(".history > li").first().waitFor();
    await expectAccessible(page, "activity detail (en)");
  });

  it("creates an activity, showing the server's message beside the wrong field", async () => {
    await visit("/activities");
    await page.getByRole("link", { name: "New activity" }).click();
    await page.getByRole("heading", { level: 1, name: "New activity" }).waitFor();
    await settled(page);
    await expectAccessible(page, "activity form (en)");
    await page.locator("select[name=unitCode]").selectOption("SPM");
    await page.locator("input[name=ref]").fill("TEST/WORKSHOP");
    await page.locator("select[name=type]").selectOption("event");
    await page.locator("input[name=start]").fill("2026-03-10");
    await page.locator("input[name=end]").fill("2026-03-01");
    await page.getByRole("textbox", { name: /^Title in English/ }).fill(TITLE);
    await page.getByRole("checkbox", { name: "Gender", exact: true }).check();
    await page.getByRole("button", { name: "Register the activity" }).click();
    await page.getByRole("alert").filter({ hasText: "could not be saved" }).waitFor();
    expect(await page.locator("input[name=end]").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "activity form with errors (en)");

    await page.locator("input[name=end]").fill("2026-03-12");
    await page.getByRole("button", { name: "Register the activity" }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: `${TITLE} has been registered.` })
      .waitFor();
    await settled(page);
    await page.locator(".activity-areas li", { hasText: "Gender" }).waitFor();
    await expect.poll(historyCount).toBe(1);
  });

  it("edits the activity and sets its areas, and the history grows", async () => {
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Edit ${TITLE}` }).waitFor();
    await settled(page);
    await page.locator("select[name=status]").selectOption("ongoing");
    await page.getByRole("textbox", { name: /^Title in French/ }).fill("Atelier sur l'inclusion numérique");
    await page.locator("input[name=budgetAmount]").fill("1500");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("alert").filter({ hasText: "could not be saved" }).waitFor();
    expect(await page.locator("input[name=currency]").getAttribute("aria-invalid")).toBe("true");
    await page.locator("input[name=currency]").fill("chf");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: `${TITLE} has been saved.` })
      .waitFor();
    await settled(page);
    await page.locator(".details", { hasText: "Ongoing" }).waitFor();
    await page.locator(".details", { hasText: "CHF" }).waitFor();
    await expect.poll(historyCount).toBe(2);

    const tagForm = page.getByRole("form", { name: "Link to areas" });
    await tagForm.getByRole("checkbox", { name: "Accessibility", exact: true }).check();
    await tagForm.getByRole("button", { name: "Save the areas" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `The areas of ${TITLE} have been saved.` })
      .waitFor();
    await page.locator(".activity-areas li", { hasText: "Accessibility" }).waitFor();
    await expect.poll(historyCount).toBe(3);
    expect(await page.locator(".history > li").first().textContent()).toContain("Areas set");
  });

  it("offers to reload when someone else saved the activity in the meantime", async () => {
    const detail = new URL(page.url()).pathname;
    await visit(`${detail}/edit`);
    const other = await context.newPage();
    await other.goto(`${server.baseUrl}${detail}/edit`);
    await settled(other);
    await other.locator("select[name=status]").selectOption("completed");
    await other.getByRole("button", { name: "Save changes" }).click();
    await other.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await other.close();

    await page.locator("select[name=status]").selectOption("cancelled");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("alert").filter({ hasText: "This record has changed" }).waitFor();
    await page.getByRole("button", { name: "Reload the record" }).click();
    await expect.poll(() => page.locator("select[name=status]").inputValue()).toBe("completed");
    await page.locator("select[name=status]").selectOption("cancelled");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await page.locator(".details", { hasText: "Cancelled" }).waitFor();
  });

  it("chooses a contact by searching people, shows it on the activity page, then removes it", async () => {
    const detail = new URL(page.url()).pathname;
    await visit(`${detail}/edit`);
    await page.getByRole("heading", { level: 1, name: `Edit ${TITLE}` }).waitFor();
    const contacts = page.getByRole("group", { name: "Contacts", exact: true });
    await contacts.getByText("No contacts chosen yet.").waitFor();
    await contacts.getByLabel("Find a person to add").fill("Solberg");
    await contacts.getByText(/People found: \d+/).waitFor();
    await contacts.getByRole("button", { name: "Add Ingrid Solberg to the contacts" }).click();
    const chosen = contacts.getByRole("list", { name: "Chosen contacts" });
    await chosen.getByText("Ingrid Solberg").waitFor();
    expect(await chosen.textContent()).toContain("BR");
    await contacts.getByText("Ingrid Solberg is now among the contacts").waitFor();
    await contacts.getByText("already a contact").waitFor();
    // Focus goes back to the search, and Enter there does not submit the whole form.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("contactSearch");
    await page.keyboard.press("Enter");
    expect(new URL(page.url()).pathname).toBe(`${detail}/edit`);
    await expectAccessible(page, "activity form with a contact (en)");

    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: `${TITLE} has been saved.` })
      .waitFor();
    await settled(page);
    const section = page.getByRole("region", { name: "Contacts" });
    const person = section.getByRole("link", { name: "Ingrid Solberg" });
    await person.waitFor();
    expect(await person.getAttribute("href")).toMatch(/^\/people\/[0-9a-f-]{36}$/);
    expect(await section.getByRole("link", { name: "BR", exact: true }).getAttribute("href")).toBe(
      "/units/BR",
    );
    // The history names the contact rather than showing an identifier.
    await expect
      .poll(() => page.locator(".history > li").first().textContent())
      .toMatch(/Contacts: .*Ingrid Solberg/);
    await expectAccessible(page, "activity with a contact (en)");

    await person.click();
    await page.getByRole("heading", { level: 1, name: "Ingrid Solberg" }).waitFor();
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();

    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Edit ${TITLE}` }).waitFor();
    await settled(page);
    await page.getByRole("button", { name: "Remove Ingrid Solberg from the contacts" }).click();
    await contacts.getByText("No contacts chosen yet.").waitFor();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await section.getByText("No contacts are recorded for this activity.").waitFor();
  });

  it("names activities in the audit trail by unit, reference and title, linked to their page", async () => {
    const detail = new URL(page.url()).pathname;
    await visit("/audit?entity=activity");
    const link = page
      .getByRole("link", { name: `Activity SPM:TEST/WORKSHOP — ${TITLE}`, exact: true })
      .first();
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(detail);
    await expectAccessible(page, "audit of activities (en)");
  });

  it("imports a CSV: every error with its line and column first, then the counts", async () => {
    await visit("/activities");
    await page.getByRole("link", { name: "Import activities" }).click();
    await page.getByRole("heading", { level: 1, name: "Import activities" }).waitFor();
    await settled(page);
    await expectAccessible(page, "import (en)");

    await chooseFile("activities.csv", BAD_CSV);
    await page.getByRole("button", { name: "Check only (dry run)" }).click();
    await page.locator(".import-errors tbody tr").first().waitFor();
    const errors = await page.locator(".import-errors tbody tr").allTextContents();
    expect(errors.some((row) => row.startsWith("3type"))).toBe(true);
    expect(errors.some((row) => row.startsWith("4end"))).toBe(true);
    await page.getByRole("heading", { level: 2, name: `Errors in the file: ${errors.length}` }).waitFor();
    expect(await page.locator(".import-result").getAttribute("aria-live")).toBe("polite");
    await expectAccessible(page, "import with errors (en)");

    await chooseFile("activities.csv", GOOD_CSV);
    await page.getByRole("button", { name: "Check only (dry run)" }).click();
    await page.locator(".import-counts", { hasText: "Rows: 2. New activities: 2. Updated: 0." }).waitFor();
    await page.getByText("nothing has been saved yet").waitFor();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByText("The file has been imported").waitFor();
    await page.locator(".import-counts", { hasText: "Rows: 2. New activities: 2. Updated: 0." }).waitFor();
    expect(await page.locator(".import-errors").count()).toBe(0);

    await visit("/activities?q=Imported");
    await page.locator(".activities-table tbody tr", { hasText: "IMP/1" }).waitFor();
  });

  it("keeps the list, an activity, the form and the import accessible in Arabic", async () => {
    await visit("/activities");
    await chooseLanguage("ar");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.getByRole("heading", { level: 1, name: "الأنشطة" }).waitFor();
    await expect.poll(rows).toBeGreaterThanOrEqual(15);
    await expectAccessible(page, "activities (ar)");
    await visit("/activities?unitCode=SPM&type=publication&q=性别");
    // No Arabic title: the Chinese original is shown, marked as such.
    await page.locator(".activities-table tbody tr", { hasText: "GENDER/PAGE" }).getByText("ZH").waitFor();

    await page.locator(".activities-table tbody tr a", { hasText: "性别信息页面" }).click();
    await page.getByRole("heading", { level: 1 }).filter({ hasText: "性别信息页面" }).waitFor();
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await expectAccessible(page, "activity detail (ar)");
    for (const path of ["/activities/new", "/activities/import"]) {
      await visit(path);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
      await expectAccessible(page, `${path} (ar)`);
    }
    await chooseFile("activities.csv", BAD_CSV);
    await page.getByRole("button", { name: "التحقق فقط (تشغيل تجريبي)" }).click();
    await page.locator(".import-errors tbody tr").first().waitFor();
    await expectAccessible(page, "import with errors (ar)");
    await chooseLanguage("en");
  });
});
