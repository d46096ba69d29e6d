import { defineConfig } from "vitest/config";

/**
 * Browser tests: the built web app (`npm run build` first) served by the real server in process,
 * driven by Debian's chromium. One worker: a browser per file is plenty for two cores.
 */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    globalSetup: ["test/browser/global-setup.ts"],
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest's default of one second is shorter than a busy two-core CI machine needs to fetch and
    // redraw a page; Playwright's own waits allow ten, and the polls match them.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
