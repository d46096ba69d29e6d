#!/usr/bin/env node
// `npm test`: checks the tools the tests need, then runs every suite one after another (the
// machine has two cores), printing each suite's time and ending with one line "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";

const APT_LINE =
  "apt-get install -y --no-install-recommends chromium fonts-noto-core fonts-noto-cjk poppler-utils";
const ci = process.env.CI === "true";

function fatal(message) {
  process.stderr.write(`\n${message}\n`);
  process.stdout.write("0 passed, 1 failed\n");
  process.exit(1);
}

if (!existsSync("/usr/bin/chromium")) {
  fatal(`Chromium is missing (browser tests drive Debian's chromium). Install it with:\n  ${APT_LINE}`);
}
const fonts = spawnSync("fc-list", [":lang=ar"], { encoding: "utf8" });
if (fonts.status !== 0 || !/Noto/.test(fonts.stdout)) {
  fatal(
    `Noto fonts are missing (Arabic and Chinese pages are checked in the browser). Install them with:\n  ${APT_LINE}`,
  );
}

for (const tool of ["pdftotext", "pdftoppm", "pdffonts"]) {
  if (spawnSync(tool, ["-v"]).error) {
    fatal(
      `${tool} is missing (the report tests read back the PDFs they write). Install it with:\n  ${APT_LINE}`,
    );
  }
}

const postgresUrl = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");
const postgresUp = await new Promise((resolve) => {
  const socket = net.connect({ host: postgresUrl.hostname, port: Number(postgresUrl.port || 5432) });
  socket.setTimeout(3000);
  socket.once("connect", () => resolve(socket.end() && true));
  socket.once("error", () => resolve(false));
  socket.once("timeout", () => resolve(socket.destroy() && false));
});
const env = { ...process.env, INTERSECT_TEST_RUN: `r${process.pid}${Date.now().toString(36)}` };
if (!postgresUp) {
  if (ci)
    fatal(
      `PostgreSQL is not reachable at ${postgresUrl.host}; under CI=true the PostgreSQL half of the suite is required.`,
    );
  process.stderr.write(`PostgreSQL is not reachable at ${postgresUrl.host}: running the PGlite half only.\n`);
  env.INTERSECT_TEST_NO_POSTGRES = "1";
}

mkdirSync(".tmp", { recursive: true });
const suites = [];
let passed = 0;
let failed = 0;

function run(name, command, args, resultsFile) {
  const started = Date.now();
  if (resultsFile) rmSync(resultsFile, { force: true });
  const child = spawnSync(command, args, { stdio: "inherit", env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let suitePassed = child.status === 0 ? 1 : 0;
  let suiteFailed = child.status === 0 ? 0 : 1;
  if (resultsFile && existsSync(resultsFile)) {
    const report = JSON.parse(readFileSync(resultsFile, "utf8"));
    suitePassed = report.numPassedTests;
    suiteFailed = report.numFailedTests + (child.status === 0 || report.numFailedTests > 0 ? 0 : 1);
  }
  passed += suitePassed;
  failed += suiteFailed;
  suites.push(`${name}: ${seconds}s, ${suitePassed} passed, ${suiteFailed} failed`);
  process.stderr.write(`\n== ${name} finished in ${seconds}s ==\n`);
}

const npx = "npx";
run("types and lint", "npm", ["run", "--silent", "check"]);
run("web build", "npm", ["run", "--silent", "build"]);
run(
  "server, storage and CLI (PGlite and PostgreSQL)",
  npx,
  ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile=.tmp/vitest.json"],
  ".tmp/vitest.json",
);
if (existsSync("vitest.browser.config.ts")) {
  run(
    "browser (headless Chromium, axe)",
    npx,
    [
      "vitest",
      "run",
      "--config",
      "vitest.browser.config.ts",
      "--reporter=default",
      "--reporter=json",
      "--outputFile=.tmp/browser.json",
    ],
    ".tmp/browser.json",
  );
}

process.stdout.write(`\n${suites.join("\n")}\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
