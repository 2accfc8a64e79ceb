/**
 * Lending actions and parameters at the edges the earlier tests left open (REFERENCE "Lending: Aave
 * v3", 2023-10-31 rows: USDC U_opt 90 %, slope1 3.5 %, RF 10 %; wstETH LTV 78.5 %, LT 81 %, bonus
 * 6 %, base 0.25 %, slope1 4.5 %, U_opt 45 %; "Lending: Compound v3"): refused withdrawals, a
 * Compound borrow out of the account's own base supply, pool liquidity once indexes have grown,
 * the parameter bounds, the rows an asset falls back on, and the effective tables `ballast` prints.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import { MS_PER_YEAR } from "../units.js";
import { AAVE_ASSET_SPECS } from "./lending-config.js";
import { aaveV3Kind, compoundV3Kind } from "./lending-kinds.js";
import { build, eventRows, wallet, world } from "./test-fixtures.js";

function aave(assets: Record<string, unknown> = { WETH: {}, USDC: { marketSupply: 1e6, utilization: 0.9 } }) {
  const w = world(["WETH", "USDC"]);
  const m = build(aaveV3Kind, { assets }, w, "aave");
  const user = wallet(w, "user", { WETH: 10, USDC: 1e5 });
  const a = m.open("user", user);
  w.prices.set([2000, 1]);
  return { w, m, a, user };
}

describe("withdrawals", () => {
  it("of 0 or a negative amount are refused and change nothing", () => {
    const { w, m, a } = aave();
    m.deposit(0, a, 0, 5);
    expect(m.withdraw(0, a, 0, 0, w.prices)).toBe(false);
    expect(m.withdraw(0, a, 0, -1, w.prices)).toBe(false);
    expect(m.supplyOf(a, 0)).toBe(5);
    expect(eventRows(w.events, EventType.rejected).map((r) => r["size"])).toEqual([0, -1]);
  });
});

describe("pool liquidity once the indexes have grown", () => {
  it("USDC after a year: 1 M·(1 + 2.835 %) supplied less 900 000·(1 + r + r²/2 + r³/6) owed, r 3.5 %", () => {
    const { m } = aave();
    m.accrue(0);
    m.accrue(MS_PER_YEAR);
    const rb = 0.035; // at U_opt 90 %
    const supplyRate = rb * 0.9 * (1 - 0.1); // borrow rate × U × (1 − RF)
    const owed = 0.9e6 * (1 + rb + rb ** 2 / 2 + rb ** 3 / 6);
    expect(m.available(1)).toBeCloseTo(1e6 * (1 + supplyRate) - owed, 6);
  });
});

function comet(params: Record<string, unknown> = {}) {
  const w = world(["WETH", "USDC"]);
  const m = build(compoundV3Kind, { collaterals: { WETH: {} }, ...params }, w, "comet");
  const user = wallet(w, "user", { WETH: 10, USDC: 1e4 });
  const a = m.open("user", user);
  w.prices.set([2100, 1]);
  return { w, m, a, user };
}

describe("a Compound borrow of the base draws on the account's own supply first", () => {
  it("borrowing 500 with 1 000 supplied withdraws 500 and owes nothing", () => {
    const { w, m, a, user } = comet();
    m.deposit(0, a, 1, 1000);
    expect(m.borrow(0, a, 1, 500, w.prices)).toBe(true);
    expect([m.supplyOf(a, 1), m.debtOf(a, 1), w.ledger.balance(user, 1)]).toEqual([500, 0, 9500]);
  });
  it("when the pool cannot pay the own supply back, the borrow fails", () => {
    // pool 1 000 at U 80 %: 200 free, + 1 000 supplied by the user, then all 1 200 borrowed by b
    const { w, m, a, user } = comet({ marketSupply: 1000, utilization: 0.8 });
    m.deposit(0, a, 1, 1000);
    const b = m.open("b", user);
    m.deposit(0, b, 0, 5);
    expect(m.borrow(0, b, 1, 1200, w.prices)).toBe(true);
    expect(m.borrow(0, a, 1, 1500, w.prices)).toBe(false);
    expect([m.supplyOf(a, 1), m.debtOf(a, 1)]).toEqual([1000, 0]);
  });
});

describe("parameters", () => {
  const refused = (kind: typeof aaveV3Kind, params: Record<string, unknown>) => () =>
    build(kind, params, world(["WETH", "USDC"]), "v");
  it("Aave curve bounds: U_opt inside (0.01, 0.99), base and slope1 at most 10 a year", () => {
    expect(refused(aaveV3Kind, { assets: { USDC: { uOpt: 0.995 } } })).toThrow("v.assets.USDC.uOpt");
    expect(refused(aaveV3Kind, { assets: { USDC: { uOpt: 0.005 } } })).toThrow("v.assets.USDC.uOpt");
    expect(refused(aaveV3Kind, { assets: { USDC: { base: 11 } } })).toThrow("v.assets.USDC.base");
    expect(refused(aaveV3Kind, { assets: { USDC: { slope1: 11 } } })).toThrow("v.assets.USDC.slope1");
    // above a fraction's usual bound of 1 but within the spec's 10 a year: allowed
    expect(refused(aaveV3Kind, { assets: { USDC: { base: 5, slope1: 5 } } })).not.toThrow();
  });
  it("Compound's base pool must hold something: marketSupply 0 is refused", () => {
    expect(refused(compoundV3Kind, { collaterals: { WETH: {} }, marketSupply: 0 })).toThrow("v.marketSupply");
  });
  it("wstETH takes its REFERENCE row: LTV 78.5 %, LT 81 %, bonus 6 %, borrow 0.25 % at U 0", () => {
    const w = world(["wstETH", "USDC"]);
    const m = build(aaveV3Kind, { assets: { wstETH: {}, USDC: {} } }, w, "v");
    expect(m.cfg.reserves[0]).toMatchObject({ ltv: 0.785, lt: 0.81, bonus: 0.06, protocolFee: 0.1 });
    const r = { borrow: 0, supply: 0 };
    m.cfg.reserves[0]?.curve.rates(0, r);
    expect(r.borrow).toBeCloseTo(0.0025, 12);
  });
  it("an asset with no row pays and charges nothing; a base rate given is the borrow rate at U 0", () => {
    const { m } = aave({ WETH: { ltv: 0.5, lt: 0.6, bonus: 0.1, base: 0.01 }, USDC: {} });
    const w = world(["JUNK", "USDC"]);
    const junk = build(aaveV3Kind, { assets: { JUNK: { ltv: 0.5, lt: 0.6, bonus: 0.1 } } }, w, "j");
    expect(junk.cfg.reserves[0]).toMatchObject({ protocolFee: 0, reserveFactor: 0, utilization: 0.8 });
    expect(junk.rate[0]).toEqual({ borrow: 0, supply: 0 });
    const r = { borrow: 0, supply: 0 };
    m.cfg.reserves[0]?.curve.rates(0, r);
    expect(r.borrow).toBeCloseTo(0.01, 12);
  });
  it("the assets table's description lists every field with its own description", () => {
    const text = aaveV3Kind.params["assets"]?.description ?? "";
    const fields = Object.entries(AAVE_ASSET_SPECS).map(([k, spec]) => `${k} (${spec.description})`);
    expect(text.endsWith(`'preset': ${fields.join("; ")}`)).toBe(true);
  });
  it("without assets the market lists ETH and USDC at their REFERENCE rows", () => {
    const m = build(aaveV3Kind, {}, world(["ETH", "USDC"]), "v");
    expect(m.cfg.reserves.map((r) => [r.asset, r.lt])).toEqual([
      ["ETH", 0.83],
      ["USDC", 0.8],
    ]);
  });
  it("the effective tables fill each asset's row (an unknown asset: no interest, no fee), Compound's too", () => {
    expect(aaveV3Kind.effective?.({ assets: { USDC: {} } })["assets"]).toMatchObject({ USDC: { lt: 0.8 } });
    const junk = aaveV3Kind.effective?.({ assets: { JUNK: { ltv: 0.5, lt: 0.6, bonus: 0.1 } } });
    expect(junk?.["assets"]).toMatchObject({
      JUNK: { protocolFee: 0, reserveFactor: 0, uOpt: 0.8, base: 0, slope1: 0, slope2: 0 },
    });
    const comp = compoundV3Kind.effective?.({ collaterals: { WETH: {} } });
    expect(comp?.["collaterals"]).toMatchObject({ WETH: { liquidateCF: 0.895 } });
  });
});
