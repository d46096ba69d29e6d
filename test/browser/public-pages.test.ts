import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchChromium, type RunningIntersect, startIntersect } from "./harness.ts";

/** The public thematic pages, without an account; they carry no script at all. */
describe("public thematic pages", () => {
  let intersect: RunningIntersect;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    intersect = await startIntersect();
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await intersect?.close();
  });

  it("shows an area in Arabic, right to left, and is accessible", async () => {
    await page.goto(`${intersect.baseUrl}/public/ar/areas/accessibility`);
    // The page is plain HTML: nothing on it needs JavaScript.
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.locator("h1").textContent()).toBe("إمكانية النفاذ");
    const heading = await page.locator("h1").boundingBox();
    const width = page.viewportSize()!.width;
    // Right to left: the heading starts at the right edge.
    expect(heading!.x + heading!.width).toBeGreaterThan(width / 2);
    await expectAccessible(page, "public area page (ar)");
  });

  it("lists the areas in Chinese, links to the other languages, and is accessible", async () => {
    await page.goto(`${intersect.baseUrl}/public/zh/areas`);
    await expect(page.getByRole("link", { name: "弥合标准化差距" }).isVisible()).resolves.toBe(true);
    await page.getByRole("link", { name: "Français" }).click();
    expect(page.url()).toBe(`${intersect.baseUrl}/public/fr/areas`);
    await expectAccessible(page, "public index (fr)");
    await page.goto(`${intersect.baseUrl}/public/zh/areas/gender`);
    await expectAccessible(page, "public area page (zh)");
  });
});
