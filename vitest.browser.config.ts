import { defineConfig } from "vitest/config";

/**
 * Browser tests: the built web app (`npm run build` first) served by the real server in process,
 * driven by Debian's chromium. One worker: a browser per file is plenty for two cores.
 */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
