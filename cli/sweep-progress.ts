/**
 * A sweep's progress on stderr: at a terminal one bar (points done, paths/s, ETA); otherwise a
 * plain line at most every `PLAIN_EVERY_MS` and at the end, so CI logs show progress.
 */

import type { Progress } from "./progress.js";
import { cliProgress } from "./terminal-bar.js";

const PLAIN_EVERY_MS = 10_000;

export function sweepProgress(points: number, pathsPerPoint: number, quiet: boolean): Progress {
  if (quiet) return { update: () => {}, stop: () => {} };
  const started = Date.now();
  const rate = (done: number) => {
    const s = (Date.now() - started) / 1000;
    return s > 0 ? Math.round((done * pathsPerPoint) / s) : 0;
  };
  if (process.stderr.isTTY) {
    const bar = new (cliProgress().SingleBar)(
      {
        stream: process.stderr,
        format: "points [{bar}] {value}/{total} {rate} paths/s eta {eta}s",
        hideCursor: true,
      },
      cliProgress().Presets.shades_classic,
    );
    bar.start(points, 0, { rate: 0 });
    return { update: (done) => bar.update(done, { rate: rate(done) }), stop: () => bar.stop() };
  }
  let last = started;
  let first: number | undefined;
  return {
    update: (done) => {
      first ??= done;
      const now = Date.now();
      if (done < points && now - last < PLAIN_EVERY_MS) return;
      last = now;
      const left = done > first ? ((now - started) / (done - first)) * (points - done) : Number.NaN;
      const eta = Number.isFinite(left) ? ` eta ${Math.ceil(left / 1000)}s` : "";
      process.stderr.write(`sweep: ${done}/${points} points, ${rate(done - first)} paths/s${eta}\n`);
    },
    stop: () => {},
  };
}
