import cliProgress from "cli-progress";

/**
 * Progress of long work: a bar on a terminal, and plain lines otherwise (CI logs, pipes), at
 * most one per 10% so logs stay readable.
 */
export interface Progress {
  update(done: number): void;
  stop(): void;
}

export function startProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% {value}/{total} eta {eta_formatted}`, stream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  let lastDecile = -1;
  const started = performance.now();
  return {
    update(done) {
      const decile = total ? Math.floor((done / total) * 10) : 10;
      if (decile === lastDecile) return;
      lastDecile = decile;
      stream.write(`${label}: ${done}/${total} (${decile * 10}%)\n`);
    },
    stop() {
      stream.write(`${label}: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}
