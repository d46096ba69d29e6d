import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible,
  openSession,
  type RunningIntersect,
  type Session,
  settled,
  signInThroughForm,
} from "./harness.ts";

let session: Session | undefined;
let server: RunningIntersect;
let page: Page;

/** The head of Conferences and Publications: staff of the unit that owns conference.* and publications.*. */
const CP_HEAD = "head.cp@intersect.example";
const PAGES = "Pages translated and processed in the six languages";
const SALES = "Publication sales revenue";

const HEADER = "metric,kind,value,qualifier,period_start,period_end,source_symbol,source_language";
const BAD_CSV = `${HEADER}
publications.new-distributors,total,3,exact,2018-12-31,2018-01-01,C18-35,en
publications.new-distributors,total,4,exact,2019-01-01,2019-12-31,C19/20,en
`;
const GOOD_CSV = `${HEADER}
publications.new-distributors,total,3,exact,2018-01-01,2018-12-31,C19/20,en
`;

/** Figures are written with no-break spaces ("about 1 234"): compared with ordinary ones. */
const text = async (locator: ReturnType<Page["locator"]>) =>
  ((await locator.textContent()) ?? "").replace(/[\u00a0\u202f]/g, " ");

async function visit(path: string) {
  await page.goto(`${server.baseUrl}${path}`);
  await settled(page);
}

async function chooseLanguage(lang: string) {
  await page.locator("select[name=language]").selectOption(lang);
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
}

async function chooseFile(name: string, content: string) {
  await page
    .locator("input[name=file]")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content, "utf8") });
}

/** Presses Tab until the focused element matches, as a keyboard user would reach it. */
async function tabTo(selector: string, limit = 250) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} was not reached with the keyboard`);
}

const gridRows = () => page.locator(".figures-table tbody tr");

beforeAll(async () => {
  session = await openSession();
  ({ server, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe("service statistics", () => {
  it("signs in C&P's head and shows the catalogue by report section, with contradictions counted", async () => {
    await visit("/statistics");
    await expect.poll(() => page.url()).toContain("/sign-in");
    await signInThroughForm(page, CP_HEAD);
    await page.getByRole("heading", { level: 1, name: "Service statistics" }).waitFor();
    await settled(page);
    await page
      .getByRole("navigation")
      .getByRole("link", { name: "Statistics" })
      .and(page.locator("[aria-current=page]"))
      .waitFor();
    await page.getByRole("heading", { level: 2, name: "Section S.3" }).waitFor();
    const sales = page.locator("tr[data-metric='publications.sales']");
    await expect.poll(() => text(sales)).toMatch(/Contradicted: [2-9]/);
    expect(await text(sales)).toContain(SALES);
    expect(await text(sales)).toContain("Swiss francs");
    expect(await text(sales)).toContain("C&P");
    expect(await sales.getByRole("link", { name: /View the dashboard/ }).getAttribute("href")).toBe(
      "/statistics/dashboards/publications.sales",
    );
    expect(
      await page.getByRole("link", { name: "Dashboards of the service statistics" }).getAttribute("href"),
    ).toBe("/statistics/dashboards");
    expect(await page.getByRole("link", { name: "Download CSV" }).getAttribute("href")).toBe(
      "/api/v1/figures/export.csv",
    );
    expect(await page.getByRole("link", { name: "Download Excel" }).getAttribute("href")).toBe(
      "/api/v1/figures/export.xlsx",
    );
    await page.getByRole("link", { name: "Import figures" }).waitFor();
    // The catalogue is the secretariat's: staff of a service enter figures but add no metric.
    expect(await page.getByRole("link", { name: "New metric" }).count()).toBe(0);
    await expectAccessible(page, "statistics catalogue (en)");

    const all = await page.locator(".catalogue-table tbody tr").count();
    await tabTo("input[name=contradicted]");
    await page.keyboard.press("Space");
    await expect.poll(() => new URL(page.url()).searchParams.get("contradicted")).toBe("true");
    await expect.poll(() => page.locator(".catalogue-table tbody tr").count()).toBeLessThan(all);
    await sales.waitFor();
    // The box follows the address, which the router updates a moment after the click.
    await page.locator("input[name=contradicted]").click();
    await expect.poll(() => new URL(page.url()).searchParams.get("contradicted")).toBeNull();
    await expect.poll(() => page.locator(".catalogue-table tbody tr").count()).toBe(all);
  });

  it("flags both 2015 sales figures as contradicting each other and follows the link", async () => {
    await page.getByRole("link", { name: SALES, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: SALES }).waitFor();
    await settled(page);
    await gridRows().first().waitFor();
    // Oldest period first: 2014 before the 2014–2015 biennium that starts the same day.
    expect(await text(gridRows().first().locator("th"))).toBe("2014");
    expect(await text(gridRows().nth(1).locator("th"))).toBe("2014–2015");

    // By the value column: a row also names, in its contradictions, the values it disagrees with.
    const valued = (value: RegExp) =>
      gridRows().filter({ has: page.locator("td:nth-child(3)", { hasText: value }) });
    const sales1673 = valued(/^CHF.16\.73.million$/);
    const sales1672 = valued(/^CHF.16\.72.million$/);
    await sales1673.first().waitFor();
    for (const row of [sales1673, sales1672]) {
      expect(await row.first().getAttribute("data-contradicted")).toBe("");
      expect(await text(row.first())).toContain("Contradiction — disagrees with:");
      expect(await text(row.first())).toContain("C18/35");
      expect(await text(row.first())).toContain("symbol assumed");
    }
    // The other 2015 figure is among those each one disagrees with, named by period and value.
    expect(await text(sales1673.first().locator(".contradiction-list"))).toMatch(/2015 — CHF.16\.72.million/);
    expect(await text(sales1672.first().locator(".contradiction-list"))).toMatch(/2015 — CHF.16\.73.million/);
    // The 2015 sales were compared with their budget.
    await expect
      .poll(() => text(sales1673.first()))
      .toMatch(/Budget: Budgeted publication sales revenue: 2015 — CHF.17.million/);
    await expectAccessible(page, "metric page (en)");

    // Reached with the keyboard alone.
    await tabTo(".figures-table tr[data-contradicted] .contradiction-list a");
    const target = await page.evaluate(() => document.activeElement?.getAttribute("href"));
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).pathname).toBe(target);
    await page.getByRole("heading", { level: 1, name: `${SALES}: ` }).waitFor();
    await settled(page);
    await page.getByRole("heading", { level: 2, name: "Contradictions" }).waitFor();
    expect(await page.locator(".contradiction-list a").count()).toBeGreaterThan(0);
    await page.locator(".history > li").first().waitFor();
  });

  it("records why two contradicting figures both stay, shows it, and takes it back", async () => {
    const listed = await page.request.get(`${server.baseUrl}/api/v1/figures?metricCode=publications.sales`);
    const figures = (await listed.json()).entries as { id: string; value: number; kind: string }[];
    const restated = figures.find((f) => f.kind === "total" && f.value === 16_720_000)!;
    await visit(`/statistics/figures/${restated.id}`);
    await page.getByRole("heading", { level: 2, name: "Contradictions" }).waitFor();
    const pair = page.locator(".contradiction-reviews > li").filter({ hasText: /16\.73/ });
    await expect.poll(() => text(pair)).toContain("Not reviewed yet");

    const why = "The report states CHF 16.73 million in its text and 16.72 million in its table.";
    await pair.getByRole("textbox", { name: "Why both figures stay" }).fill(why);
    await pair.getByRole("button", { name: "Mark as reviewed" }).click();
    await expect.poll(() => text(pair)).toMatch(/Reviewed by .+:/);
    expect(await text(pair)).toContain(why);
    expect(await pair.locator("[data-awaiting-review]").count()).toBe(0);
    await expectAccessible(page, "figure page with a reviewed contradiction (en)");

    // The metric's table marks the reviewed pair; the catalogue's filter still finds what awaits review.
    await visit("/statistics/metrics/publications.sales");
    await gridRows().first().waitFor();
    await expect
      .poll(() =>
        text(
          page
            .locator(".figures-table .contradiction-list")
            .filter({ hasText: /16\.72/ })
            .first(),
        ),
      )
      .toContain("(reviewed)");
    await visit("/statistics?unreviewed=true");
    await page.locator("input[name=unreviewed]:checked").waitFor();
    await expect.poll(() => text(page.locator(".catalogue-table").first())).toContain("awaiting review");
    await expectAccessible(page, "catalogue filtered to contradictions awaiting review (en)");

    await visit(`/statistics/figures/${restated.id}`);
    await chooseLanguage("ar");
    await expect.poll(() => text(pair)).toContain("راجعه");
    await expectAccessible(page, "figure page with a reviewed contradiction (ar)");
    await chooseLanguage("en");

    // Taking the review back asks first, then flags the pair again.
    await pair.getByRole("button", { name: "Withdraw the review" }).click();
    const dialog = page.getByRole("dialog", { name: "Withdraw this review?" });
    await dialog.getByRole("button", { name: "Withdraw the review" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => text(pair)).toContain("Not reviewed yet");
  });

  it("computes a total where the figures tile the period, and says why not where they overlap", async () => {
    await visit("/statistics/metrics/publications.sales");
    await page.locator("input[name=totalFrom]").fill("2014-01-01");
    await page.locator("input[name=totalTo]").fill("2015-12-31");
    await page.getByRole("button", { name: "Compute the total" }).click();
    const result = page.locator(".total-result");
    await expect.poll(() => text(result)).toContain("Total for 2014–2015");
    expect(await text(result)).toContain("CHF 36.55 million");
    expect(await result.locator(".total-figures a").count()).toBe(1);

    await visit("/statistics/metrics/conference.pages");
    await page.getByRole("heading", { level: 1, name: PAGES }).waitFor();
    await page.locator("input[name=totalFrom]").fill("2016-03-01");
    await page.locator("input[name=totalTo]").fill("2017-11-30");
    await page.getByRole("button", { name: "Compute the total" }).click();
    await expect.poll(() => text(result)).toContain("cannot be computed");
    expect(await text(result)).toMatch(/Figures overlap over January – February 2017/);
  });

  it("enters a figure, showing every field's error from the server at once, then lists it", async () => {
    await visit("/statistics/metrics/conference.pages");
    await page.getByRole("link", { name: "Enter a figure" }).click();
    await page.getByRole("heading", { level: 1, name: "Enter a figure" }).waitFor();
    await settled(page);
    expect(await page.locator("select[name=metricCode]").inputValue()).toBe("conference.pages");
    // A total is in the metric's own unit only; a change may also be a percentage.
    expect(await page.locator("select[name=unit] option").allTextContents()).toEqual(["Count"]);
    await page.locator("select[name=kind]").selectOption("change");
    expect(await page.locator("select[name=unit] option").allTextContents()).toEqual(["Percent", "Count"]);
    await page.locator("select[name=kind]").selectOption("rank");
    expect(await page.locator("select[name=qualifier] option").allTextContents()).toEqual([
      "Exact",
      "At most",
    ]);
    await page.locator("input[name=outOf]").waitFor();
    await page.locator("select[name=kind]").selectOption("total");
    expect(await page.locator("input[name=outOf]").count()).toBe(0);
    await expectAccessible(page, "figure form (en)");

    await page.locator("input[name=value]").fill("1 234");
    await page.locator("select[name=qualifier]").selectOption("about");
    await page.locator("input[name=periodStart]").fill("2018-12-31");
    await page.locator("input[name=periodEnd]").fill("2018-01-01");
    await page.locator("input[name=sourceSymbol]").fill("C18-35");
    await page.getByText("Not a valid document symbol.").waitFor();
    await page.getByRole("button", { name: "Save the figure" }).click();
    await page.getByRole("alert").filter({ hasText: "could not be saved" }).waitFor();
    await expect.poll(() => page.locator("input[name=periodEnd]").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("input[name=sourceSymbol]").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "figure form with errors (en)");

    await page.locator("input[name=periodStart]").fill("2018-01-01");
    await page.locator("input[name=periodEnd]").fill("2018-12-31");
    await page.locator("input[name=sourceSymbol]").fill("C19/20");
    await page.getByText("Read as C19/20.").waitFor();
    await expect.poll(() => text(page.locator(".figure-preview-text"))).toBe("about 1 234, 2018");
    await page.getByRole("button", { name: "Save the figure" }).click();
    await page.getByRole("heading", { level: 1, name: `${PAGES}: 2018` }).waitFor();
    await page.getByRole("status").filter({ hasText: "has been saved" }).waitFor();
    await settled(page);
    await expect.poll(() => page.locator(".history > li").count()).toBe(1);

    await page.getByRole("link", { name: `Back to ${PAGES}` }).click();
    await page.getByRole("heading", { level: 1, name: PAGES }).waitFor();
    await settled(page);
    const entered = gridRows().filter({ hasText: "C19/20" });
    await expect.poll(() => text(entered)).toContain("about 1 234");
    expect(await text(entered.locator("th"))).toBe("2018");
    expect(await text(entered)).toContain("About");
  });

  it("corrects the figure, then deletes it after confirming", async () => {
    await gridRows().filter({ hasText: "C19/20" }).getByRole("link", { name: "2018" }).click();
    await page.getByRole("heading", { level: 1, name: `${PAGES}: 2018` }).waitFor();
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: /^Edit the figure/ }).waitFor();
    await settled(page);
    await page.locator("select[name=qualifier]").selectOption("exact");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: `${PAGES}: 2018` }).waitFor();
    await page.getByRole("status").filter({ hasText: "has been corrected" }).waitFor();
    await settled(page);
    await expect.poll(() => page.locator(".history > li").count()).toBe(2);

    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Delete only a figure entered in error").waitFor();
    await dialog.getByRole("button", { name: "Delete the figure" }).click();
    await page.getByRole("heading", { level: 1, name: PAGES }).waitFor();
    await page.getByRole("status").filter({ hasText: "has been deleted" }).waitFor();
    await settled(page);
    await expect.poll(() => gridRows().filter({ hasText: "C19/20" }).count()).toBe(0);
  });

  it("imports figures: a dry run lists each problem by line and column, a clean file is imported", async () => {
    await visit("/statistics");
    await page.getByRole("link", { name: "Import figures" }).click();
    await page.getByRole("heading", { level: 1, name: "Import figures" }).waitFor();
    await settled(page);
    await chooseFile("figures.csv", BAD_CSV);
    await page.getByRole("button", { name: "Check the file" }).click();
    const problems = page.locator(".import-errors tbody tr");
    await expect.poll(() => problems.count()).toBeGreaterThanOrEqual(2);
    const rows = await problems.allTextContents();
    expect(rows.some((row) => row.startsWith("2period_end"))).toBe(true);
    expect(rows.some((row) => row.startsWith("2source_symbol"))).toBe(true);
    expect(await page.getByRole("button", { name: "Import the figures" }).count()).toBe(0);
    await expectAccessible(page, "figure import with problems (en)");

    await chooseFile("figures.csv", GOOD_CSV);
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByText("Rows: 1. Figures that would be created: 1; corrected: 0.").waitFor();
    await page.getByRole("button", { name: "Import the figures" }).click();
    await page.getByText("Rows: 1. Figures created: 1; corrected: 0.").waitFor();

    await visit("/statistics/metrics/publications.new-distributors");
    await gridRows().filter({ hasText: "C19/20" }).waitFor();
  });

  it("reads right to left in Arabic, figures written the Arabic way", async () => {
    await visit("/statistics/metrics/publications.sales");
    await chooseLanguage("ar");
    await page.getByRole("heading", { level: 1, name: "إيرادات بيع المنشورات" }).waitFor();
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.locator(".figures-table tr[data-contradicted]").first().waitFor();
    expect(await text(page.locator(".figures-table").first())).toContain("تعارض — يختلف مع:");
    await expectAccessible(page, "metric page (ar)");
    await chooseLanguage("en");
  });
});
