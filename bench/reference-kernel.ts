/**
 * The reference kernel the engine's speed is compared with: a hand-written loop with no engine —
 * GBM step, Black–Scholes delta, re-hedge — over the demo workload's shape. The target is
 * a ratio: the full engine at no less than a quarter of this kernel's path-steps per second
 * (3 M vs 12 M where the target was set).
 */
import seedrandom from "seedrandom";
import { normCdf } from "../engine/pricing/normal.js";

function kernel(paths: number, steps: number): number {
  const sigma = 0.8;
  const dt = 30 / 365 / steps;
  let total = 0;
  for (let p = 0; p < paths; p++) {
    const rnd = seedrandom.alea(`kernel/${p}`);
    let s = 3000;
    let pos = 0;
    let cash = 0;
    for (let i = 0; i < steps; i++) {
      const t = (steps - i) * dt;
      const delta = normCdf((Math.log(s / 3000) + 0.5 * sigma * sigma * t) / (sigma * Math.sqrt(t)));
      cash -= (delta - pos) * s;
      pos = delta;
      let u: number;
      let v: number;
      let q: number;
      do {
        u = 2 * rnd() - 1;
        v = 2 * rnd() - 1;
        q = u * u + v * v;
      } while (q >= 1 || q === 0);
      s *= Math.exp(
        -0.5 * sigma * sigma * dt + sigma * Math.sqrt(dt) * u * Math.sqrt((-2 * Math.log(q)) / q),
      );
    }
    total += cash + pos * s - Math.max(s - 3000, 0);
  }
  return total;
}

/** Path-steps per second of the kernel on `paths` × 720 steps (after a warm-up). */
export function benchReferenceKernel(paths = 10_000): number {
  kernel(200, 720);
  const t0 = process.hrtime.bigint();
  kernel(paths, 720);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return (paths * 720) / seconds;
}
