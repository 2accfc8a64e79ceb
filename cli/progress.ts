/** A progress bar on stderr, only when stderr is a terminal (DESIGN: CLI). */
import { cliProgress } from "./terminal-bar.js";

export interface Progress {
  update(done: number): void;
  stop(): void;
}

export function progressBar(total: number, quiet: boolean): Progress {
  if (quiet || !process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new (cliProgress().SingleBar)(
    {
      stream: process.stderr,
      format: "paths [{bar}] {value}/{total} {percentage}% eta {eta}s",
      hideCursor: true,
    },
    cliProgress().Presets.shades_classic,
  );
  bar.start(total, 0);
  let last = 0;
  return {
    update: (done) => {
      // Redraw at most ~200 times per run.
      if (done === total || done - last >= Math.max(1, Math.floor(total / 200))) {
        bar.update(done);
        last = done;
      }
    },
    stop: () => bar.stop(),
  };
}
