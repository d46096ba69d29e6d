#!/usr/bin/env -S node --max-semi-space-size=32
// Runs the TypeScript sources through tsx, so a fresh clone needs no build step for the CLI or server.
// The larger young generation (32 MiB semi-spaces, above V8's default) is for the overlap scan,
// which allocates millions of short-lived objects: about a tenth faster at 100,000 activities
// (decision 0008). `npm start` and `npm run bench` pass the same flag.
import { register } from "tsx/esm/api";

register();
const { run } = await import("../src/cli/main.ts");
const code = await run(process.argv);
if (code !== 0 || !process.argv.includes("serve")) process.exit(code);
