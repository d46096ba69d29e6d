/** Results go to standard output; progress and messages to standard error, so pipes stay clean. */
export const say = (message: string) => process.stderr.write(`${message}\n`);
export const result = (line: string) => process.stdout.write(`${line}\n`);

export function progressBar(label: string, total: number) {
  let done = 0;
  const tty = process.stderr.isTTY;
  return {
    tick(step = 1) {
      done += step;
      if (tty)
        process.stderr.write(
          `\r${label}: ${done}/${total} (${Math.round((done / Math.max(total, 1)) * 100)}%)`,
        );
    },
    finish() {
      process.stderr.write(`${tty ? "\r" : ""}${label}: ${done}/${total} done\n`);
    },
  };
}
