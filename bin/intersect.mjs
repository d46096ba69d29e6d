#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so a fresh clone needs no build step for the CLI or server.
import { register } from "tsx/esm/api";

register();
const { run } = await import("../src/cli/main.ts");
const code = await run(process.argv);
if (code !== 0 || !process.argv.includes("serve")) process.exit(code);
