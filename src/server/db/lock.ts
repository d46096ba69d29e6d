import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../core/errors.ts";

export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no lock of its own: two processes opening one data directory corrupt it.
 * The first process writes its pid and command into a lock file; a second one is refused
 * with the holder named. A lock left by a dead process (SIGKILL) is taken over.
 */
export function lockDataDir(dataDir: string, purpose: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "intersect.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }));
      closeSync(fd);
      return {
        release: () => {
          try {
            const holder = JSON.parse(readFileSync(path, "utf8")) as { pid: number };
            if (holder.pid === process.pid) rmSync(path);
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let holder: { pid: number; purpose: string; since: string } | null;
      try {
        holder = JSON.parse(readFileSync(path, "utf8"));
      } catch {
        holder = null;
      }
      if (holder && isAlive(holder.pid) && holder.pid !== process.pid) {
        throw new AppError("unavailable", {
          reason: "database_locked",
          dataDir,
          holderPid: holder.pid,
          holderPurpose: holder.purpose,
          since: holder.since,
          hint: `Stop process ${holder.pid} (${holder.purpose}) first, or run this command against the running server's API.`,
        });
      }
      rmSync(path, { force: true });
    }
  }
  throw new AppError("unavailable", { reason: "database_locked", dataDir });
}
