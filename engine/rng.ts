/**
 * Seeded random streams (STYLE 2). Path i of a run with seed s draws from streams derived from
 * (s, i, purpose) only, so a path's result never depends on how paths are split over workers or
 * shards, and switching on one component (say, execution noise) does not change the prices
 * another component draws (common random numbers across scenario variants).
 *
 * Generator: seedrandom's Alea (≈ 140 M uniforms/s here, vs ≈ 34 M for its default ARC4).
 * Normals: Marsaglia's polar method, keeping the spare — about 1.27 uniform pairs per two normals,
 * no allocation.
 */
import seedrandom from "seedrandom";

/** Purposes get independent streams; add new ones at the end. */
export type StreamPurpose = "prices" | "oracle" | "execution" | "liquidators" | "strategy" | (string & {});

export class Rng {
  private gen: (() => number) | undefined;
  private spare = 0;
  private hasSpare = false;

  /** The generator is seeded on first use: a stream no component draws from costs nothing. */
  constructor(private readonly seedText: string) {}

  private next(): number {
    if (this.gen === undefined) this.gen = seedrandom.alea(this.seedText);
    return this.gen();
  }

  /** Uniform on [0, 1). */
  uniform(): number {
    return this.next();
  }

  /** Standard normal N(0, 1), polar method. */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }

  /** Exponential with the given rate. */
  exponential(rate: number): number {
    return -Math.log(1 - this.next()) / rate;
  }

  /** Poisson count with mean `lambda` (Knuth's product method; fine for the small means of jump counts). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Integer uniform on [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/**
 * The stream for (seed, path, purpose[, salt]). `salt` distinguishes sweep grid points.
 * @example streamFor(42, 0, "prices").normal()
 */
export function streamFor(seed: number, path: number, purpose: StreamPurpose, salt = ""): Rng {
  return new Rng(`ballast/${seed}/${path}/${purpose}/${salt}`);
}
