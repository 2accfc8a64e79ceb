/**
 * Execution models at their edges, each against a closed form: the AMM's buy fill on the reserves
 * (the fee-net invariant (x − Δx)(y + Δy(1 − f)) = x·y), a buy of the whole base reserve, the
 * buy-side capacity x·(1 − 1/√(1 + m)), time that does not move forward; the depth book walked
 * across segments of different slopes and past its last level; the fee parameters' documentation.
 */
import { describe, expect, it } from "vitest";
import { AmmImpact } from "./amm.js";
import { DepthImpact } from "./depth.js";
import { FEE_PARAMS } from "./fees.js";

const T0 = 1_704_067_200_000;

/** x₀ = 1 000 ETH, y₀ = 2 000 000 USDC, f = 0.3 % (the REFERENCE vector's pool). */
function pool(maxPriceMove = 0.1, halfLifeMs = 60_000): AmmImpact {
  const amm = new AmmImpact(2_000_000, 0.003, halfLifeMs, maxPriceMove);
  amm.reset(2000, T0);
  return amm;
}

describe("amm edges", () => {
  it("a buy moves the reserves along the fee-net invariant: x = 990, (990)(y₀ + Δy·0.997) = x₀·y₀", () => {
    const amm = pool();
    amm.onFill(10, 2000, T0);
    expect(amm.x).toBeCloseTo(990, 9);
    const dy = amm.y - 2e6;
    expect(dy).toBeCloseTo((2e6 * 10) / (990 * 0.997), 6);
    expect(990 * (2e6 + dy * 0.997)).toBeCloseTo(1000 * 2e6, 3);
  });

  it("buying the whole base reserve or more has infinite impact", () => {
    const amm = pool();
    expect(amm.impact(1000, 2000, T0)).toBe(Infinity);
    expect(amm.impact(2500, 2000, T0)).toBe(Infinity);
  });

  it("buy capacity is x·(1 − 1/√1.1) = 46.537 ETH for a 10 % price limit, inside the reserve", () => {
    const cap = pool(0.1).capacity(1, 2000, T0);
    expect(cap).toBeCloseTo(1000 * (1 - 1 / Math.sqrt(1.1)), 9);
    expect(cap).toBeCloseTo(46.537, 3);
  });

  it("a time earlier than the last fill recovers nothing (the displacement is not amplified)", () => {
    const amm = pool();
    amm.onFill(-10, 2000, T0 + 60_000);
    const [x, y] = [amm.x, amm.y];
    amm.recoverTo(T0);
    expect([amm.x, amm.y]).toEqual([x, y]);
  });
});

describe("depth edges", () => {
  // Levels 10, 20, 40 bps with cumulative depth 1, 4, 5 million: three slopes.
  const book = () => new DepthImpact([10, 20, 40], [1e6, 4e6, 5e6]);

  it("walks into the second segment: (500 + 1.5e6·(0.001 + 0.0015)/2) / 2.5e6 = 0.00095", () => {
    expect(book().impact(2500, 1000)).toBeCloseTo(2375 / 2.5e6, 15);
  });

  it("walks into the third segment: (500 + 4 500 + 1 250) / 4.5e6", () => {
    expect(book().impact(-4500, 1000)).toBeCloseTo(6250 / 4.5e6, 15);
  });

  it("past the book the rest is priced at the last level, 40 bps", () => {
    // Whole book: 500 + 4 500 + 1e6·(0.002 + 0.004)/2 = 8 000; then 1e6 more at 0.004.
    expect(book().impact(6000, 1000)).toBeCloseTo((8000 + 1e6 * 0.004) / 6e6, 15);
    expect(book().capacity(1, 1000)).toBe(5000);
  });
});

describe("fee parameters", () => {
  it("document maker and taker", () => {
    for (const spec of Object.values(FEE_PARAMS)) expect(spec.description.length).toBeGreaterThan(10);
    expect(FEE_PARAMS["maker"]?.description).toContain("maker");
    expect(FEE_PARAMS["taker"]?.description).toContain("taker");
  });
});
