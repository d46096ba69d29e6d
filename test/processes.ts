import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../bin/intersect.mjs", import.meta.url));

/** The test process's environment minus what Vitest itself adds (it sets BASE_URL=/ for Vite). */
function inherited(): NodeJS.ProcessEnv {
  const { BASE_URL: _vite, ...rest } = process.env;
  return rest;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `intersect …` as a user would, in its own process, with the given environment. */
export function cli(args: string[], env: Record<string, string>, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...inherited(), DATABASE_URL: "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

/** Starts `intersect serve` and resolves once it prints its address. */
export function startServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "serve", "--no-demo"], {
      env: { ...inherited(), DATABASE_URL: "", PORT: "0", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk;
      // Wait for the whole line: a chunk may end in the middle of the address.
      const match = output.match(/running at (http:\/\/\S+) {2}\(database/);
      if (match) resolve({ child, url: match[1]!, output: () => output });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}
