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

let session: Session | undefined;
let server: RunningIntersect;
let page: Page;

async function visit(path: string) {
  await page.goto(`${server.baseUrl}${path}`);
  await settled(page);
}

async function chooseLanguage(lang: string) {
  await page.locator("select[name=language]").selectOption(lang);
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
}

/** Figures are written with no-break spaces (they never wrap); compare them as plain spaces. */
const plain = (text: string | null) => (text ?? "").replace(/[\u00A0\u202F]/g, " ").trim();
const cell = (row: ReturnType<Page["locator"]>, name: string) =>
  row.locator(`td.${name}`).textContent().then(plain);

/** The value lines of the figures a span chart drew (one per figure; see FIGURE_LINE_WIDTH). */
const drawnFigures = (panel: ReturnType<Page["locator"]>) =>
  panel.locator('.span-chart svg path[stroke-width="3.5"]').count();

const FIGURE_PATH = /^\/statistics\/figures\/[0-9a-f-]{36}$/;

beforeAll(async () => {
  session = await openSession();
  ({ server, page } = session);
});

afterAll(async () => {
  await session?.close();
});

// The overview holds ten charts and their tables: axe takes a while over it on two busy cores.
describe("service statistics dashboards", () => {
  it("compares publication sales with budget per year, the biennium apart, with the variance", async () => {
    await visit("/statistics/dashboards");
    await expect.poll(() => page.url()).toContain("/sign-in");
    await signInThroughForm(page, DEMO_ADMIN);
    await page.getByRole("heading", { level: 1, name: "Service statistics dashboards" }).waitFor();
    await settled(page);
    expect(new URL(page.url()).pathname).toBe("/statistics/dashboards");

    const table = page.getByRole("table", { name: "Publication sales against budget, by period" });
    await table.waitFor();
    const y2016 = table.locator('tr[data-period="2016-01-01/2016-12-31"]');
    expect(plain(await y2016.locator("th").textContent())).toBe("2016");
    expect(await cell(y2016, "budget-actual")).toBe("CHF 19.02 million");
    expect(await cell(y2016, "budget-budget")).toBe("CHF 18.5 million");
    expect(await cell(y2016, "budget-variance")).toBe("CHF +520 000");
    expect(await cell(y2016, "budget-variance-percent")).toBe("+2.8%");
    // The two links of a row open the actual and the budget figure.
    const links = y2016.locator("a.figure-source-link");
    expect(await links.count()).toBe(2);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href"))))
      expect(href).toMatch(FIGURE_PATH);

    // The biennium is its own group, with the difference the source states beside the computed one.
    await table.getByRole("rowheader", { name: "Biennium" }).waitFor();
    const biennium = table.locator('tr[data-period="2014-01-01/2015-12-31"]');
    expect(await cell(biennium, "budget-variance")).toBe("CHF +2.55 million");
    expect(plain(await biennium.textContent())).toContain(
      "The source states a difference of CHF +2.5 million",
    );
    // 2015 was stated twice (16.73 and 16.72 million): flagged, not smoothed; 2014 had no budget.
    const y2015 = table.locator('tr[data-period="2015-01-01/2015-12-31"]');
    expect(plain(await y2015.textContent())).toMatch(/⚠ Contradicted by: [^⚠]*CHF 16\.72 million \(2015\)/);
    const y2014 = table.locator('tr[data-period="2014-01-01/2014-12-31"]');
    expect(plain(await y2014.textContent())).toContain("No budget stated: not in the chart");

    const chart = page.locator(".budget-chart[role=img]");
    expect(plain(await chart.getAttribute("aria-label"))).toContain(
      "2016: actual CHF 19.02 million, budget CHF 18.5 million, variance CHF +520 000",
    );
    // Three years and the biennium, each an actual and a budget bar.
    await expect.poll(() => chart.locator("svg path[fill='#1f5fa6']").count()).toBeGreaterThanOrEqual(4);

    // Membership and conference services: one chart and one table per metric.
    const membership = page.locator(".dashboard-metric[aria-labelledby='metric-membership.fee-income']");
    expect(plain(await membership.locator(".metric-coverage").textContent())).toBe(
      "Figures: 2. No figure for 2016.",
    );
    const events = page.locator(".metric-panel[data-metric='conference.events']");
    await expect.poll(() => drawnFigures(events)).toBe(6);
    await expectAccessible(page, "dashboards (en)");
  }, 150_000);

  it("draws each figure of a metric across its own period, and opens its source from the table", async () => {
    await page.getByRole("link", { name: "Events supported" }).click();
    await page.getByRole("heading", { level: 1, name: "Events supported" }).waitFor();
    await settled(page);
    expect(new URL(page.url()).pathname).toBe("/statistics/dashboards/conference.events");

    const table = page.getByRole("table", {
      name: "Figures of Events supported, as their sources state them",
    });
    const rows = table.locator("tbody tr");
    // Six totals, drawn; the average per year is listed and says why it is not drawn.
    expect(await rows.count()).toBe(7);
    await expect.poll(() => drawnFigures(page.locator(".metric-panel"))).toBe(6);
    expect(plain(await rows.filter({ hasText: "150 a year on average" }).textContent())).toContain(
      "Not drawn: a yearly average is not comparable with totals",
    );
    const periods = (await table.locator("tbody th").allTextContents()).map(plain);
    expect(periods).toEqual(
      expect.arrayContaining([
        "July 2014 – February 2015",
        "1 June 2015 – 15 January 2016",
        "March 2016 – February 2017",
        "January – November 2017",
        "from PP-14 (October 2014) to November 2017",
      ]),
    );
    // Geneva, worldwide and the unscoped total of the whole period are three series.
    const label = (await page.locator(".span-chart[role=img]").getAttribute("aria-label")) ?? "";
    expect(plain(label)).toContain(
      "6 figures drawn across their periods, from 1 July 2014 to 30 November 2017",
    );
    expect(label).toMatch(
      /scopes: (Geneva|Worldwide|Not stated), (Geneva|Worldwide|Not stated), (Geneva|Worldwide|Not stated)\./,
    );
    expect(new Set(/scopes: ([^.]*)\./.exec(label)?.[1]?.split(", "))).toEqual(
      new Set(["Geneva", "Worldwide", "Not stated"]),
    );
    await expectAccessible(page, "conference.events dashboard (en)");

    // From the keyboard: a source link in the table opens the figure's page.
    const link = rows.filter({ hasText: "March 2016" }).filter({ hasText: "Worldwide" }).locator("a");
    await link.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).pathname).toMatch(FIGURE_PATH);

    // With the mouse: a drawn figure opens its page too.
    await visit("/statistics/dashboards/conference.events");
    await page.locator('.span-chart svg path[stroke-width="3.5"]').first().click({ force: true });
    await expect.poll(() => new URL(page.url()).pathname).toMatch(FIGURE_PATH);

    // A metric stated only per year is drawn per year; a rank is listed, never drawn.
    await visit("/statistics/dashboards/protocol.speaking-invitations");
    await expect.poll(() => drawnFigures(page.locator(".metric-panel"))).toBe(1);
    await visit("/statistics/dashboards/communications.social-media-rank");
    expect(await page.locator(".span-chart").count()).toBe(0);
    await page.getByText("Not drawn: a position in a ranking, not an amount").waitFor();
  });

  it("mirrors the dashboards in Arabic, with Arabic headings and the data tables", async () => {
    await visit("/statistics/dashboards");
    await chooseLanguage("ar");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.getByRole("heading", { level: 1, name: "لوحات متابعة إحصاءات الخدمات" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "المنشورات: المبيعات مقارنة بالميزانية" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "العضوية" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "خدمات المؤتمرات حسب فترة الإبلاغ" }).waitFor();
    const table = page.getByRole("table", { name: "مبيعات المنشورات مقارنة بالميزانية، حسب الفترة" });
    await table.waitFor();
    expect(await table.getByRole("columnheader", { name: "الفرق", exact: true }).count()).toBe(1);
    const y2016 = table.locator('tr[data-period="2016-01-01/2016-12-31"]');
    expect(await cell(y2016, "budget-actual")).toBe("19,02 مليون فرنك سويسري");
    const chart = page.locator(".budget-chart[role=img]");
    expect(await chart.getAttribute("aria-label")).toContain("رسم بياني بالأعمدة");
    expect(await page.locator(".figure-table").count()).toBeGreaterThanOrEqual(9);
    await expectAccessible(page, "dashboards (ar)");

    await visit("/statistics/dashboards/conference.events");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.getByRole("heading", { level: 1, name: "الأحداث المدعومة" }).waitFor();
    await page.getByRole("table", { name: "أرقام «الأحداث المدعومة» كما تذكرها مصادرها" }).waitFor();
    await expect.poll(() => drawnFigures(page.locator(".metric-panel"))).toBe(6);
    await expectAccessible(page, "conference.events dashboard (ar)");
    await chooseLanguage("en");
  }, 150_000);
});
