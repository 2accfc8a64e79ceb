/**
 * Margin tiers per market (./perp-markets.ts) on Binance's own cross-margin example, FAQ "How to
 * Calculate Liquidation Price of USDⓈ-M Futures Contracts": wallet balance 1 535 443.01 USDT, long
 * 109.488 BTCUSDT at 32 481.98 (mark 31 967.27, MMR 2.5 %, cum 16 300) and long 3 683.979 ETHUSDT at
 * 1 456.84 (mark 1 335.18, MMR 10 %, cum 135 365) ⇒ liquidation prices 26 316.89 (BTC) and
 * 1 153.26 (ETH); ETH's maintenance margin 356 512.508.
 *
 * Provenance: the Binance page's text (formula, tier notes) was read; its worked example is an
 * image, so the positions' figures and expected prices were confirmed from the copy in freqtrade's
 * tests (tests/exchange/test_binance.py, `test_liquidation_price_binance`, marked "From calc
 * example"), not from Binance directly. BTCUSDT tiers: REFERENCE (March 2021). ETHUSDT tiers: only
 * the 2–5 M row (10 %, cum 135 365) is confirmed by the example; the rows below it (0.5/0.65/1/2/5 %
 * at 0/10 k/100 k/500 k/1 M) are UNVERIFIED, chosen because Binance's recursion
 * cumₙ = cumₙ₋₁ + floorₙ·ΔMMR gives exactly 135 365 from them; both ETH notionals of the example
 * (4.92 M at mark, 4.25 M at the liquidation price) fall in that row.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import { Registry } from "../registry.js";
import { perpLinearKind } from "./kinds.js";
import { build, wallet, world } from "./test-fixtures.js";

const BTCUSDT = {
  tierFloors: [0, 50e3, 250e3, 1e6, 10e6, 20e6],
  tierMmr: [0.004, 0.005, 0.01, 0.025, 0.05, 0.1],
  tierImf: [1 / 125, 1 / 100, 1 / 50, 1 / 20, 1 / 10, 1 / 5],
};
const ETHUSDT = {
  tierFloors: [0, 10e3, 100e3, 500e3, 1e6, 2e6],
  tierMmr: [0.005, 0.0065, 0.01, 0.02, 0.05, 0.1],
  tierImf: [1 / 100, 1 / 75, 1 / 50, 1 / 25, 1 / 10, 1 / 5],
};
const WB = 1535443.01;

function binanceExample(params: Record<string, unknown>) {
  const w = world(["USDT", "BTC", "ETH"]);
  const v = build(perpLinearKind, { quote: "USDT", ...params }, w, "perp");
  const btc = v.addMarket(1);
  const eth = v.addMarket(2);
  const a = v.open("trader", wallet(w, "trader", { USDT: WB }), "cross");
  v.deposit(0, a, WB);
  v.fill(a, btc, 109.488, 32481.98);
  v.fill(a, eth, 3683.979, 1456.84);
  v.refresh(a); // fill books without checks; refresh arms the account's trigger
  w.prices.set([1, 31967.27, 1335.18]);
  return { w, v, a, btc, eth };
}

describe("perp margin tiers per market: Binance's cross-margin example", () => {
  it("BTC on BTCUSDT's tiers and ETH on ETHUSDT's give 26 316.89 and 1 153.26", () => {
    const { w, v, a, btc, eth } = binanceExample({ ...BTCUSDT, markets: { ETH: ETHUSDT } });
    // MM: BTC 109.488·31 967.27·2.5 % − 16 300 = 71 200.81; ETH 3 683.979·1 335.18·10 % − 135 365.
    expect(v.requirement(a, w.prices, 0)).toBeCloseTo(71200.811444 + 356512.508122, 5);
    expect(v.liquidationPriceIn(a, btc, w.prices)).toBeCloseTo(26316.89, 2);
    expect(v.liquidationPriceIn(a, eth, w.prices)).toBeCloseTo(1153.26, 2);
    // The maintenance check at the example's liquidation price of ETH, BTC held at its mark.
    w.prices[2] = 1153.27;
    expect(v.isLiquidatable(a, w.prices)).toBe(false);
    w.prices[2] = 1153.25;
    expect(v.isLiquidatable(a, w.prices)).toBe(true);
    w.ledger.check("binance cross example");
  });
  it("with one venue-wide table ETH is margined on BTC's tiers (the defect): MM 106 669", () => {
    const { w, v, a, eth } = binanceExample(BTCUSDT);
    expect(v.requirement(a, w.prices, 0)).toBeCloseTo(71200.811444 + 106669.377031, 5);
    expect(v.liquidationPriceIn(a, eth, w.prices)).not.toBeCloseTo(1153.26, 0);
  });
});

describe("per-market IMF in the initial-margin gate", () => {
  function venue(markets: Record<string, unknown>) {
    const w = world(["USDC", "BTC", "ETH"]);
    const v = build(perpLinearKind, { imf: 0.05, mmf: 0.03, markets }, w, "perp");
    const btc = v.addMarket(1);
    const eth = v.addMarket(2);
    const a = v.open("u", wallet(w, "u", { USDC: 1000 }), "cross");
    v.deposit(0, a, 1000);
    w.prices.set([1, 60000, 3000]);
    return { w, v, a, btc, eth };
  }
  it("ETH at imf 0.2 (5×) refuses a 10× order that BTC at the venue's 0.05 takes", () => {
    const { w, v, a, btc, eth } = venue({ ETH: { imf: 0.2, mmf: 0.1 } });
    expect(v.trade(0, a, eth, 10000 / 3000, 3000, w.prices)).toBe(false); // IM 2 000 > 1 000
    expect(v.trade(0, a, eth, 5000 / 3000, 3000, w.prices)).toBe(true); // IM 1 000
    expect(v.requirement(a, w.prices, 1)).toBeCloseTo(1000, 9);
    expect(v.requirement(a, w.prices, 0)).toBeCloseTo(500, 9); // ETH's own mmf 0.1
    expect(v.trade(0, a, btc, 0.001, 60000, w.prices)).toBe(false); // +3 IM over full equity
    const b = venue({ ETH: { imf: 0.2, mmf: 0.1 } });
    expect(b.v.trade(0, b.a, b.btc, 10000 / 60000, 60000, b.w.prices)).toBe(true); // IM 500
  });
  it("a market entry with neither tiers nor imf/mmf takes the venue's; a missing mmf the venue's", () => {
    const { w, v, a, eth } = venue({ ETH: { imf: 0.1 } });
    v.fill(a, eth, 1, 3000);
    expect(v.requirement(a, w.prices, 1)).toBeCloseTo(300, 9);
    expect(v.requirement(a, w.prices, 0)).toBeCloseTo(90, 9); // venue mmf 0.03
  });
});

describe("validation of markets", () => {
  const read = (raw: Record<string, unknown>) => {
    const issues: Issue[] = [];
    new Registry("venue", [perpLinearKind]).read({ kind: "perp-linear", ...raw }, "perp", issues);
    return issues.map((i) => `${i.path}: ${i.message}`);
  };
  it("names the market and the key: mmf ≥ imf, tiers not together, unknown keys", () => {
    expect(read({ markets: { ETH: { imf: 0.02 } } })).toEqual([
      "perp.markets.ETH: found mmf 0.03 ≥ imf 0.02; allowed: mmf < imf",
    ]);
    expect(read({ markets: { ETH: { tierFloors: [0] } } })[0]).toMatch(/^perp\.markets\.ETH: tierFloors/);
    expect(read({ markets: { ETH: { imff: 0.1 } } })[0]).toMatch(/^perp\.markets\.ETH\.imff: .*imf/);
    expect(read({ markets: { ETH: 5 } })[0]).toMatch(/^perp\.markets\.ETH: found a non-mapping/);
  });
  it("a market on an asset the scenario lacks is bad input naming it", () => {
    const w = world(["USDC", "BTC"]);
    expect(() => build(perpLinearKind, { markets: { ETH: { imf: 0.1 } } }, w, "perp")).toThrow(
      /venues\.perp\.markets\.ETH: found a market on "ETH"; allowed: an asset of the market \(BTC\)/,
    );
  });
});
