/** The cascade's pool against REFERENCE's constant-product test vector and its recovery rule. */
import { describe, expect, it } from "vitest";
import { CpPool } from "./pool.js";

describe("CpPool", () => {
  it("sells 10 ETH into 1 000 ETH / 2 000 000 USDC at 0.3 % for 19 743.160 USDC (REFERENCE)", () => {
    const pool = new CpPool(2_000_000, 0.003, Number.POSITIVE_INFINITY);
    pool.reset(2000, 0);
    expect(pool.quoteSell(10)).toBeCloseTo(19_743.16, 2);
    expect(pool.sell(10)).toBeCloseTo(19_743.16, 2);
    // reserves 1 010 / 1 980 256.84: price 1 960.650
    expect(pool.price()).toBeCloseTo(1_980_256.84 / 1010, 2);
  });

  it("follows the exogenous price by arbitrage and lets the displacement's log halve per half-life", () => {
    const pool = new CpPool(1_000_000, 0, 60_000);
    pool.reset(100, 0);
    pool.sell(1000); // x 10 000 → 11 000, y 1e6 → 1e6·10 000/11 000: D = (10/11)²
    const d = (10 / 11) ** 2;
    expect(pool.displacement()).toBeCloseTo(d, 12);
    pool.advance(80, 60_000);
    expect(pool.displacement()).toBeCloseTo(Math.sqrt(d), 12);
    expect(pool.price()).toBeCloseTo(80 * Math.sqrt(d), 9);
  });
});
