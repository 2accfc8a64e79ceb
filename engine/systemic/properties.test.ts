/**
 * Properties of the cascade over random populations (seeded; each case is reproducible from its
 * index). Invariants:
 * 1. conservation: the books balance and agree with the structure-of-arrays after every grid point
 *    (the runner's check is on in these tests: `checkConservation`), whatever the population, pool,
 *    close factor, bonus or liquidators;
 * 2. the loss (bad debt written off + shortfall left) never decreases as the shock grows, the
 *    larger shock's path extending the smaller one's (the same fall, carried further): the
 *    cascade up to the smaller shock is the same, and every later sale happens at a lower price;
 * 3. the loss never decreases as the LT grows (same accounts, measured in units) on a gradual
 *    fall through markets of infinite depth: a higher LT makes each account cross later, at a
 *    lower or equal grid price, so the bonus leaves at least as much debt uncovered. With the
 *    sales' feedback this is not a theorem, and the engine finds counter-examples (a higher LT
 *    liquidates fewer accounts, sells less, and the price falls less): see the fourth test.
 * Liquidators act at any profit and the pool has no fee, so that every liquidatable account is
 * liquidated at once: the monotonicity then follows from prices that are lower at every point.
 */
import { describe, expect, it } from "vitest";
import { streamFor } from "../rng.js";
import { Cascade } from "./cascade.js";
import { ethLoans, ethPath, testConfig } from "./test-fixtures.js";

function randomLoans(i: number): [number, number][] {
  const rng = streamFor(99, i, "population");
  const n = 5 + rng.int(40);
  return Array.from({ length: n }, () => {
    const eth = 1 + 50 * rng.uniform();
    const ltv = 0.3 + 0.45 * rng.uniform();
    return [eth, eth * 100 * ltv] as [number, number];
  });
}

/** A fall from 100 by 1 a step down to 100·(1 − shock): a larger shock extends a smaller one's path. */
function fall(shock: number): number[] {
  const end = Math.round(100 * (1 - shock));
  return Array.from({ length: 101 - end }, (_, i) => 100 - i);
}

function lossOf(rows: [number, number][], shock: number, lt: number, depth: number): number {
  const cfg = testConfig({ lt, pool: { depthQuote: depth, fee: 0, halfLifeMs: Number.POSITIVE_INFINITY } });
  const path = ethPath(fall(shock));
  const o = new Cascade(cfg, ethLoans(rows), path.grid).run(path);
  return o.badDebt + o.shortfall;
}

describe("cascade properties over random populations", () => {
  it("keeps the books balanced through every cascade", () => {
    for (let i = 0; i < 40; i++) {
      const rng = streamFor(7, i, "case");
      const cfg = testConfig({
        lt: 0.6 + 0.3 * rng.uniform(),
        bonus: 0.01 + 0.1 * rng.uniform(),
        closeFactor: 0.2 + 0.8 * rng.uniform(),
        protocolFee: 0.3 * rng.uniform(),
        reserve: 1000 * rng.uniform(),
        pool: { depthQuote: 2e3 + 2e5 * rng.uniform(), fee: 0.003, halfLifeMs: 120_000 },
      });
      const prices = [100, 90, 75, 60 + 10 * rng.uniform(), 50, 70];
      const c = new Cascade(cfg, ethLoans(randomLoans(i)), ethPath(prices).grid);
      expect(() => c.run(ethPath(prices))).not.toThrow();
      c.state.checkBooks(`case ${i}`);
    }
  });

  it("never lowers the loss as the shock grows", () => {
    for (let i = 0; i < 20; i++) {
      const rows = randomLoans(i);
      let last = 0;
      for (const shock of [0.05, 0.15, 0.25, 0.35, 0.45, 0.6]) {
        const loss = lossOf(rows, shock, 0.8, 5e4);
        expect(loss).toBeGreaterThanOrEqual(last - 1e-9);
        last = loss;
      }
    }
  });

  it("never lowers the loss as the LT grows", () => {
    for (let i = 0; i < 20; i++) {
      const rows = randomLoans(i);
      let last = 0;
      for (const lt of [0.7, 0.75, 0.8, 0.85, 0.9]) {
        const loss = lossOf(rows, 0.4, lt, Number.POSITIVE_INFINITY);
        expect(loss).toBeGreaterThanOrEqual(last - 1e-9);
        last = loss;
      }
    }
  });

  it("finds a population where, with the sales' feedback, a higher LT lowers the loss", () => {
    const found = Array.from({ length: 30 }, (_, i) => randomLoans(i)).some(
      (rows) => lossOf(rows, 0.4, 0.9, 5e4) < lossOf(rows, 0.4, 0.7, 5e4) - 1,
    );
    expect(found).toBe(true);
  });

  it("gives deep liquidity an amplification of 1 and no loss, thin liquidity more than 1 and a loss", () => {
    const rows = randomLoans(3).map(([e, d]) => [e * 20, d * 20] as [number, number]);
    const deep = new Cascade(
      testConfig({ pool: { depthQuote: Number.POSITIVE_INFINITY, fee: 0, halfLifeMs: 0 } }),
      ethLoans(rows),
      ethPath([100, 75]).grid,
    ).run(ethPath([100, 75]));
    expect(1 - (deep.marketLow[0] as number)).toBeCloseTo(0.25, 12);
    expect(deep.badDebt + deep.shortfall).toBe(0);
    const thin = new Cascade(
      testConfig({ pool: { depthQuote: 2e4, fee: 0.003, halfLifeMs: 0 } }),
      ethLoans(rows),
      ethPath([100, 75]).grid,
    ).run(ethPath([100, 75]));
    expect((1 - (thin.marketLow[0] as number)) / 0.25).toBeGreaterThan(1.2);
    expect(thin.badDebt + thin.shortfall).toBeGreaterThan(0);
  });
});
