import { createReadStream, createWriteStream, existsSync, renameSync } from "node:fs";
import { createInterface } from "node:readline";
import { restoreBackup, writeBackup } from "#server/core/backup.ts";
import { AppError } from "#server/core/errors.ts";
import type { Database } from "#server/db/client.ts";
import { say } from "./output.ts";

function reporter() {
  let total = 0;
  let last = 0;
  return (table: string, rows: number) => {
    total += rows;
    if (Date.now() - last > 500) {
      last = Date.now();
      say(`  ${table}: ${total} rows so far`);
    }
  };
}

export async function backupCommand(database: Database, file: string): Promise<void> {
  // Written beside the target and renamed at the end, so a failed backup never leaves a partial file.
  const toStdout = file === "-";
  const temporary = `${file}.partial`;
  const out = toStdout ? process.stdout : createWriteStream(temporary);
  const write = (line: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.write(`${line}\n`)) resolve();
      else out.once("drain", resolve).once("error", reject);
    });
  const counts = await writeBackup(database, write, reporter());
  if (!toStdout) {
    await new Promise<void>((resolve, reject) =>
      (out as ReturnType<typeof createWriteStream>).end((error?: Error | null) =>
        error ? reject(error) : resolve(),
      ),
    );
    renameSync(temporary, file);
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  say(
    `Backup written${toStdout ? "" : ` to ${file}`}: ${total} rows in ${Object.keys(counts).length} tables.`,
  );
}

export async function restoreCommand(database: Database, file: string): Promise<void> {
  if (file !== "-" && !existsSync(file)) throw new AppError("not_found", { file });
  const input = file === "-" ? process.stdin : createReadStream(file, "utf8");
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const counts = await restoreBackup(database, lines, reporter());
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  say(`Restored ${total} rows into ${Object.keys(counts).length} tables.`);
}
