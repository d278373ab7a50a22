/**
 * A one-line progress bar for terminals; on anything else (CI logs, pipes) it prints
 * nothing until done, so logs are not flooded with carriage returns.
 */
export interface Progress {
  update(done: number, total: number): void;
  done(summary: string): void;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let last = 0;
  const tty = Boolean(stream.isTTY);
  return {
    update(done, total) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return; // ~10 redraws a second is plenty
      last = now;
      const width = 30;
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(ratio * width);
      const seconds = ((now - started) / 1000).toFixed(1);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${seconds}s `);
    },
    done(summary) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(`${tty ? '\r\x1b[K' : ''}${label}: ${summary} (${seconds}s)\n`);
    },
  };
}
