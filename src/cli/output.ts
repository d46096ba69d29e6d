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

/** Progress of work that reports (done, total) itself: inline on a terminal, every tenth otherwise. */
export function progressReport(label: string) {
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  return (done: number, total: number) => {
    const percent = Math.round((done / Math.max(total, 1)) * 100);
    if (tty) process.stderr.write(`\r${label}: ${percent}%${done >= total ? "\n" : ""}`);
    else if (Math.floor(percent / 10) > lastTenth) {
      lastTenth = Math.floor(percent / 10);
      process.stderr.write(`${label}: ${percent}%\n`);
    }
  };
}
