import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from "playwright-core";
import { expect } from "vitest";
import { runHourlyDuties } from "../../src/cli/serve.ts";
import { buildApp } from "#server/app.ts";
import { loadConfig } from "#server/config.ts";
import { systemCtx } from "#server/core/context.ts";
import { openPglite } from "#server/db/client.ts";
import { DEMO_TEMPLATE } from "./global-setup.ts";

export const DEMO_PASSWORD = "intersect-demo-2026";
export const DEMO_ADMIN = "admin@intersect.example";

const WEB_INDEX = fileURLToPath(new URL("../../dist/web/index.html", import.meta.url));

export interface RunningIntersect {
  baseUrl: string;
  /** The server's clock, moved forward by the test instead of waiting. */
  advanceClock(days: number): void;
  /** One tick of the server's hourly timer (reminders, escalations), at the clock's time. */
  runHourlyDuties(): Promise<{ reminded: number; escalated: number }>;
  close(): Promise<void>;
}

/** The real server on an in-memory database holding the demo organization, its own copy. */
export async function startIntersect(): Promise<RunningIntersect> {
  if (!existsSync(WEB_INDEX)) {
    throw new Error("dist/web/index.html is missing: run `npm run build` before the browser tests.");
  }
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset) };
  // The demo as the run's global setup loaded it (test/browser/global-setup.ts), copied.
  const database = await openPglite({ loadDataDir: new Blob([readFileSync(DEMO_TEMPLATE)]) });
  const app = await buildApp({ config: loadConfig({}), database, clock });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    baseUrl: address,
    advanceClock: (days) => {
      offset += days * 86_400_000;
    },
    runHourlyDuties: () => runHourlyDuties(systemCtx(database, { clock })),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

export interface ContextOptions extends BrowserContextOptions {
  /** Milliseconds each action and wait may take (axe over a long page wants more). */
  timeout?: number;
}

/**
 * A context as a reader at a desktop browses: a fixed locale and viewport keep the pages'
 * layout and formats the same from run to run, and no motion leaves nothing to wait for.
 */
export async function newReaderContext(
  browser: Browser,
  { timeout = 10_000, ...options }: ContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: "en-GB",
    viewport: { width: 1280, height: 900 },
    reducedMotion: "reduce",
    ...options,
  });
  context.setDefaultTimeout(timeout);
  return context;
}

export interface Session {
  server: RunningIntersect;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** The server, Chromium and one reader's page, for a file's tests to share in order. */
export async function openSession(options: ContextOptions = {}): Promise<Session> {
  const [server, browser] = await Promise.all([startIntersect(), launchChromium()]);
  const close = async () => {
    await browser.close();
    await server.close();
  };
  try {
    const context = await newReaderContext(browser, options);
    return { server, browser, context, page: await context.newPage(), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Fills in and submits the sign-in form; where it leads is the caller's to wait for. */
export async function signInThroughForm(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  { refused = false } = {},
) {
  await page.getByLabel("E-mail address").fill(email);
  await page.locator("input[name=password]").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The sign-in page has a heading of its own: waiting for "a heading" afterwards would not wait.
  if (!refused) await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** Waits until the page has its heading and nothing is still loading. */
export async function settled(page: Page) {
  await page.locator("h1").first().waitFor({ state: "visible" });
  await page.waitForFunction(() => document.querySelector("[data-loading]") === null);
}

/** Runs axe on the whole page (WCAG 2.x A/AA and best practices) and expects no violations. */
export async function expectAccessible(page: Page, label: string) {
  await settled(page);
  const results = await new AxeBuilder({ page }).analyze();
  const report = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(" ")} — ${node.failureSummary?.replaceAll("\n", " ")}`)
        .join("\n")}`,
  );
  expect(report, `accessibility violations on ${label}`).toEqual([]);
}
