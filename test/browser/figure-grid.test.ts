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

/** The head of Conferences and Publications, who enters the figures of conference.*. */
const CP_HEAD = "head.cp@intersect.example";
const EVENTS = "Events supported";
const METRIC = "/statistics/metrics/conference.events";
/** A symbol no demo figure of this metric cites: the figures the grid saves are told by it. */
const SYMBOL = "C19/20";

/** Figures are written with no-break spaces: compared with ordinary ones. */
const text = async (locator: ReturnType<Page["locator"]>) =>
  ((await locator.textContent()) ?? "").replace(/[\u00a0\u202f]/g, " ");

const tableRows = () => page.locator(".figures-table tbody tr");
/** A cell's input, by the server's name of the field (`figures.<row>.<path>`, rows from 0). */
const cell = (row: number, path: string) => page.locator(`[name='figures.${row}.${path}']`);

/** The metric's figures as the server holds them, whatever the page shows. */
const storedCount = () =>
  page.evaluate(async (code) => {
    const response = await fetch(`/api/v1/figures?metricCode=${code}`, { credentials: "same-origin" });
    return ((await response.json()) as { entries: unknown[] }).entries.length;
  }, "conference.events");

const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute("name") ?? null);

beforeAll(async () => {
  session = await openSession({ timeout: 20_000 });
  ({ server, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe("a metric's grid of new figures", () => {
  it("refuses a batch with a bad row, naming its cell, saves nothing, then saves both rows", async () => {
    await page.goto(`${server.baseUrl}${METRIC}`);
    await expect.poll(() => page.url()).toContain("/sign-in");
    await signInThroughForm(page, CP_HEAD);
    await page.getByRole("heading", { level: 1, name: EVENTS }).waitFor();
    await settled(page);
    await tableRows().first().waitFor();
    const before = await tableRows().count();
    const stored = await storedCount();
    expect(stored).toBe(before);

    const grid = page.locator("#figure-entry");
    await page.getByRole("heading", { level: 2, name: "Enter several figures" }).waitFor();
    expect(await page.getByRole("link", { name: "Enter several figures" }).getAttribute("href")).toBe(
      "#figure-entry",
    );

    // Values common to the rows, entered once: the row already there follows them.
    await page.getByLabel("Document symbol", { exact: true }).fill(SYMBOL);
    await grid.getByText(`Read as ${SYMBOL}.`).first().waitFor();
    await page.locator("select[name=commonPlace]").selectOption("geneva");
    expect(await cell(0, "source.symbol").inputValue()).toBe(SYMBOL);
    expect(await cell(0, "scope.place").inputValue()).toBe("geneva");

    // Every cell is named by its row and column.
    await page.getByLabel("Row 1: First day").fill("2018-01-01");
    await page.getByLabel("Row 1: Last day").fill("2018-06-30");
    await page.getByLabel("Row 1: Value").fill("70");
    // A total is in the metric's unit only: the unit is fixed, not chosen.
    expect(await cell(0, "unit").count()).toBe(0);
    await expect.poll(() => text(grid.locator("tbody tr").first())).toContain("70, January – June 2018");

    // A new row starts with the common values and takes the focus.
    await page.getByRole("button", { name: "Add a row" }).click();
    await expect.poll(focusedName).toBe("figures.1.periodStart");
    expect(await cell(1, "source.symbol").inputValue()).toBe(SYMBOL);
    expect(await cell(1, "scope.place").inputValue()).toBe("geneva");
    await cell(1, "periodStart").fill("2018-12-31");
    await cell(1, "periodEnd").fill("2018-07-01");
    await cell(1, "value").fill("80");
    // A change may be a percentage or a count; back to a total.
    await cell(1, "kind").selectOption("change");
    expect(await cell(1, "unit").locator("option").allTextContents()).toEqual(["Percent", "Count"]);
    await cell(1, "kind").selectOption("total");
    await page.getByRole("button", { name: "Remove row 2" }).waitFor();

    await page.getByRole("button", { name: "Save all figures" }).click();
    await page.getByRole("alert").filter({ hasText: "could not be saved" }).waitFor();
    const end = cell(1, "periodEnd");
    await expect.poll(() => end.getAttribute("aria-invalid")).toBe("true");
    const described = (await end.getAttribute("aria-describedby")) ?? "";
    const messages = await Promise.all(
      described.split(/\s+/).map((id) => page.locator(`[id='${id}']`).textContent()),
    );
    expect(messages).toContain("Cannot be before the start date.");
    expect(await cell(0, "periodEnd").getAttribute("aria-invalid")).toBeNull();
    // The summary lists the cell, says nothing was saved, and its link takes the focus there.
    await grid.getByText("Nothing has been saved").waitFor();
    const link = page.getByRole("link", { name: "Row 2, Last day: Cannot be before the start date." });
    await link.waitFor();
    await expectAccessible(page, "figure grid with errors (en)");
    await link.click();
    await expect.poll(focusedName).toBe("figures.1.periodEnd");
    // All or none: the first row, good as it is, was not saved either.
    expect(await storedCount()).toBe(stored);
    expect(await tableRows().count()).toBe(before);

    await cell(1, "periodStart").fill("2018-07-01");
    await end.fill("2018-12-31");
    await page.getByRole("button", { name: "Save all figures" }).click();
    await page.getByRole("status").filter({ hasText: "Figures saved: 2" }).waitFor();
    await expect.poll(() => tableRows().count()).toBe(before + 2);
    expect(await storedCount()).toBe(stored + 2);
    const saved = tableRows().filter({ hasText: SYMBOL });
    expect(await saved.count()).toBe(2);
    expect(await text(saved.first().locator("th"))).toBe("January – June 2018");
    expect(await text(saved.nth(1).locator("th"))).toBe("July – December 2018");
    expect(await text(saved.first())).toContain("Geneva");
    // The grid is cleared for the next figures, the common values kept.
    expect(await grid.locator("tbody tr").count()).toBe(1);
    expect(await cell(0, "value").inputValue()).toBe("");
    expect(await cell(0, "source.symbol").inputValue()).toBe(SYMBOL);
    expect(await page.getByRole("alert").filter({ hasText: "could not be saved" }).count()).toBe(0);
  });

  it("adds and removes rows with the keyboard alone", async () => {
    await page.getByRole("button", { name: "Add a row" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(focusedName).toBe("figures.1.periodStart");
    await page.getByRole("button", { name: "Remove row 2" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#figure-entry tbody tr").count()).toBe(1);
    // The focus stays in the grid, on the row above.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Remove row 1");
  });
});
