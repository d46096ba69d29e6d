import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
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

const PATH = "/reports/support-services";
const PERIOD = "2016-03..2017-02";
/** axe over a whole drafted report takes tens of seconds when the two cores are busy. */
const AXE_TIMEOUT = 180_000;

let session: Session | undefined;
let server: RunningIntersect;
let page: Page;

/** Report numbers are grouped with no-break spaces (U+00A0, U+202F); compare them as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

const region = () => page.locator("section.report-preview");

async function preview(lang: string, period: string) {
  await page.locator("select[name=lang]").selectOption(lang);
  await page.locator("input[name=period]").fill(period);
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await page.waitForFunction(() => document.querySelector("[data-loading]") === null);
}

/** Clicks a download button and returns the file the browser received. */
async function download(name: string) {
  const [file] = await Promise.all([
    page.waitForEvent("download", { timeout: 30_000 }),
    page.getByRole("button", { name, exact: true }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

beforeAll(async () => {
  session = await openSession({ acceptDownloads: true, timeout: 15_000 });
  ({ server, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe("support-services report", () => {
  it("is reached from the navigation, in the interface language by default", async () => {
    await page.goto(`${server.baseUrl}/sign-in`);
    await settled(page);
    await signInThroughForm(page, DEMO_ADMIN);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByRole("navigation").getByRole("link", { name: "Reports" }).click();
    await page.getByRole("heading", { level: 1, name: "Support-services report" }).waitFor();
    await settled(page);
    expect(new URL(page.url()).pathname).toBe(PATH);
    expect(await page.locator("select[name=lang]").inputValue()).toBe("en");
    // Each language is offered under its own name.
    expect(await page.locator("select[name=lang] option").allTextContents()).toEqual([
      "العربية",
      "中文",
      "English",
      "Français",
      "Русский",
      "Español",
    ]);
    expect(await region().count()).toBe(0);
  });

  it("shows the server's refusal of a malformed period on the field, and keeps the focus there", async () => {
    await preview("en", "March 2016");
    const field = page.locator("input[name=period]");
    await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
    const descriptions = await Promise.all(
      describedBy.split(/\s+/).map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(descriptions.join(" ")).toMatch(/period|format/i);
    await expect.poll(() => field.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await region().count()).toBe(0);
  });

  it(
    "previews the English report of all recorded figures: headings, tables, endnotes, accessible",
    async () => {
      await preview("en", "");
      await region().waitFor();
      expect(new URL(page.url()).searchParams.get("lang")).toBe("en");
      expect(new URL(page.url()).searchParams.has("period")).toBe(false);
      expect(await region().getAttribute("lang")).toBe("en");
      expect(await region().getAttribute("dir")).toBe("ltr");
      await region()
        .getByRole("heading", { level: 2, name: /^S\.2\b/ })
        .waitFor();
      expect(plain((await region().textContent()) ?? "")).toContain("7 474");

      // Tables: a caption and column headers; numeric columns aligned to the end of the line.
      const table = region().locator("table").first();
      expect((await table.locator("caption").textContent())?.trim()).not.toBe("");
      expect(await table.locator("thead th[scope=col]").count()).toBeGreaterThan(1);
      const numericCells = region().locator("td.report-numeric");
      expect(await numericCells.count()).toBeGreaterThan(0);
      expect(await numericCells.first().evaluate((cell) => getComputedStyle(cell).textAlign)).toBe("end");

      // An endnote reference leads to its note, whose back-link leads to the reference.
      const reference = region().locator("sup a").first();
      const target = (await reference.getAttribute("href"))!;
      expect(target).toMatch(/^#report-note-\d+$/);
      await reference.click();
      const note = region().locator(`ol.report-notes > li${target}`);
      await expect
        .poll(() => note.evaluate((li) => li === document.activeElement || li.matches(":target")))
        .toBe(true);
      const back = note.locator("a.report-back-link").first();
      expect(await back.getAttribute("aria-label")).toMatch(/^Back to reference \d+/);
      expect(await back.getAttribute("href")).toBe(`#${await reference.getAttribute("id")}`);
      // The notes' heading is a heading of the report, in its language.
      await region().getByRole("heading", { level: 2, name: "Sources", exact: true }).waitFor();

      await expectAccessible(page, "support-services report, English preview");
    },
    AXE_TIMEOUT,
  );

  it("narrows the report to a period", async () => {
    await preview("en", PERIOD);
    await expect.poll(() => new URL(page.url()).searchParams.get("period")).toBe(PERIOD);
    await region()
      .getByRole("heading", { level: 2, name: /^S\.2\b/ })
      .waitFor();
    const text = plain((await region().textContent()) ?? "");
    expect(text).toContain("March 2016 – February 2017");
    expect(text).toContain("20 730");
    // July 2014 – February 2015 lies outside.
    expect(text).not.toContain("7 474");
    await page.getByText(`The file holds the previewed report: in English, period ${PERIOD}.`).waitFor();

    // Tables that fit add no tab stop; on a phone they scroll sideways, from the keyboard too.
    const scrollable = region().locator(".report-table-scroll[tabindex='0'][role=group]");
    expect(await scrollable.count()).toBe(0);
    await page.setViewportSize({ width: 420, height: 800 });
    try {
      await expect.poll(() => scrollable.count()).toBeGreaterThan(0);
      const label = await scrollable.first().getAttribute("aria-labelledby");
      expect(await page.locator(`caption[id="${label}"]`).count()).toBe(1);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await expect.poll(() => scrollable.count()).toBe(0);
  });

  it("downloads the previewed report as PDF and Word files", async () => {
    const pdf = await download("PDF");
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.length).toBeGreaterThan(1000);
    expect(pdf.bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");

    const word = await download("Word (.docx)");
    expect(word.name).toMatch(/\.docx$/);
    expect(word.bytes.length).toBeGreaterThan(1000);
    // A .docx is a ZIP package.
    expect(word.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    await page
      .getByRole("status")
      .filter({ hasText: `File ready: ${word.name}` })
      .waitFor();
  });

  it(
    "previews an Arabic report right to left inside the English interface",
    async () => {
      await preview("ar", PERIOD);
      await region().waitFor();
      expect(await region().getAttribute("lang")).toBe("ar");
      expect(await region().getAttribute("dir")).toBe("rtl");
      expect(await page.evaluate(() => document.documentElement.dir)).toBe("ltr");
      expect(await region().locator("h2").first().textContent()).toMatch(/[\u0600-\u06ff]/);
      expect((await region().textContent()) ?? "").toMatch(/[\u0600-\u06ff]{3,}/);
      // The page around it stays English.
      await page.getByRole("heading", { level: 1, name: "Support-services report" }).waitFor();
      await page.getByText("The file holds the previewed report: in Arabic").waitFor();

      const pdf = await download("PDF");
      expect(pdf.name).toBe("support-services-ar.pdf");
      expect(pdf.bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");

      await expectAccessible(page, "support-services report, Arabic preview");
    },
    AXE_TIMEOUT,
  );

  it(
    "warns, above the preview, of wording missing in the report's language",
    async () => {
      // Every language has all its templates today: the answer is altered to show what a gap looks like.
      const previewUrl = (url: URL) => url.pathname === "/api/v1/reports/support-services";
      await page.route(previewUrl, async (route) => {
        const response = await route.fetch();
        const document = (await response.json()) as { missing: { template: string; lang: string }[] };
        document.missing = [
          { template: "conference.pages", lang: "fr" },
          { template: "conference.events", lang: "fr" },
        ];
        await route.fulfill({ response, json: document });
      });
      try {
        await preview("fr", PERIOD);
        await region().waitFor();
        const warning = page.locator(".report-missing");
        await warning.getByText("Wording missing in French").waitFor();
        await warning
          .getByText("generic wording was used in their place. A translator must supply them.")
          .waitFor();
        expect(await warning.locator("li").allTextContents()).toEqual([
          "conference.pages",
          "conference.events",
        ]);
        // It comes before the report, outside the French region, in the interface language.
        expect(await warning.evaluate((node) => node.closest("[lang=fr]") === null)).toBe(true);
        await page
          .getByRole("status")
          .filter({ hasText: "Some wording is missing in this language" })
          .waitFor();
        await expectAccessible(page, "support-services report, missing wording");
      } finally {
        await page.unroute(previewUrl);
      }
    },
    AXE_TIMEOUT,
  );

  it(
    "previews an English report left to right inside the Arabic interface, from the address alone",
    async () => {
      await page.locator("select[name=language]").selectOption("ar");
      await page.waitForFunction(() => document.documentElement.dir === "rtl");
      await page.goto(`${server.baseUrl}${PATH}?lang=en&period=${encodeURIComponent(PERIOD)}`);
      await settled(page);
      await region().waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
      expect(await region().getAttribute("lang")).toBe("en");
      expect(await region().getAttribute("dir")).toBe("ltr");
      await region()
        .getByRole("heading", { level: 2, name: /^S\.2\b/ })
        .waitFor();
      expect(await page.locator("select[name=lang]").inputValue()).toBe("en");
      await expectAccessible(page, "support-services report, English preview in the Arabic interface");
      // Leave the interface in English for any later test.
      await page.locator("select[name=language]").selectOption("en");
      await page.waitForFunction(() => document.documentElement.dir === "ltr");
    },
    AXE_TIMEOUT,
  );
});
