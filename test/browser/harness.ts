import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { buildApp } from "#server/app.ts";
import { loadConfig } from "#server/config.ts";
import { systemCtx } from "#server/core/context.ts";
import { openPglite } from "#server/db/client.ts";
import { migrate } from "#server/db/migrate.ts";
import { loadDemo } from "#server/demo/demo.ts";

export const DEMO_PASSWORD = "intersect-demo-2026";
export const DEMO_ADMIN = "admin@intersect.example";

const WEB_INDEX = fileURLToPath(new URL("../../dist/web/index.html", import.meta.url));

export interface RunningIntersect {
  baseUrl: string;
  close(): Promise<void>;
}

/** The real server on an in-memory database holding the demo organization. */
export async function startIntersect(): Promise<RunningIntersect> {
  if (!existsSync(WEB_INDEX)) {
    throw new Error("dist/web/index.html is missing: run `npm run build` before the browser tests.");
  }
  const database = await openPglite({});
  await migrate(database);
  await loadDemo(systemCtx(database));
  const app = await buildApp({ config: loadConfig({}), database });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    baseUrl: address,
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
