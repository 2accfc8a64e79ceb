/**
 * Perp liquidation, bankruptcy and ADL, worked by hand (./perp-liquidation.ts; REFERENCE "Perpetual
 * futures": dYdX IMF 5 % / MMF 3 %, liquidation fee 0.5 % to the insurance fund; Binance's ADL queue
 * ranked by PnL% × effective leverage, its exact wording UNVERIFIED): what each event carries, and
 * who is deleveraged first.
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import { perpLinearKind } from "./kinds.js";
import { build, eventRows, wallet, world } from "./test-fixtures.js";

function setup(params: Record<string, unknown> = {}) {
  const w = world(["BTC", "USDC"]);
  const v = build(perpLinearKind, params, w, "perp");
  const m = v.addMarket(0);
  const user = wallet(w, "user", { USDC: 1e7 });
  w.prices.set([60000, 1]);
  return { w, v, m, user };
}

/** Opens `owner` with `margin` and `size` BTC at `price` (the mark then). */
function position(
  s: ReturnType<typeof setup>,
  owner: string,
  margin: number,
  size: number,
  price: number,
): number {
  const a = s.v.open(owner, s.user);
  s.v.deposit(0, a, margin);
  s.w.prices[0] = price;
  expect(s.v.trade(0, a, s.m, size, price, s.w.prices)).toBe(true);
  return a;
}

describe("the liquidation event", () => {
  it("long 1 at 60 000 on 5 000, mark 56 500: φ = 1 325/2 542.5 at mark, its fee, ratios before and after", () => {
    const s = setup();
    const a = position(s, "u", 5000, 1, 60000);
    s.w.prices[0] = 56500; // equity 1 500, MM 1 695, IM 2 825, cost of closing all 282.5
    expect(s.v.liquidate(9, a, s.w.prices)).toBe(true);
    const phi = ((2825 - 1500) / (2825 - 282.5)) * (1 + 1e-9);
    const fee = phi * 56500 * 0.005;
    const [ev] = eventRows(s.w.events, EventType.liquidation);
    expect(ev).toMatchObject({ t: 9, account: "u", asset: "BTC", price: 56500, venue: "perp" });
    expect(ev?.["liquidator"]).toBe("perp#insurance");
    expect(ev?.["size"]).toBeCloseTo(-phi, 12);
    expect(ev?.["fee"]).toBeCloseTo(fee, 9);
    expect(ev?.["slippage"]).toBe(0);
    expect(ev?.["marginRatioBefore"]).toBeCloseTo(1695 / 1500, 12);
    const mmAfter = (1 - phi) * 56500 * 0.03;
    expect(ev?.["marginRatioAfter"]).toBeCloseTo(mmAfter / (1500 - fee), 9);
    expect(ev?.["marginBalanceAfter"]).toBeCloseTo(1500 - fee, 9);
    expect(ev?.["detail"]).toBe(`perp perp liquidation, fraction ${phi}`);
    s.w.ledger.check("event");
  });

  it("with partial off, everything is closed (φ = 1) and the fee is capped at the equity left", () => {
    const s = setup({ partial: false });
    const a = position(s, "u", 5000, 1, 60000);
    s.w.prices[0] = 56500;
    s.v.liquidate(1, a, s.w.prices);
    expect(s.v.qty[a]?.[s.m]).toBe(0);
    expect(s.v.cash(a)).toBeCloseTo(1500 - 282.5, 9); // 0.5 % of 56 500 < 1 500: charged in full
    const [ev] = eventRows(s.w.events, EventType.liquidation);
    expect(ev?.["detail"]).toBe("perp perp liquidation, fraction 1");
    expect(ev?.["fee"]).toBeCloseTo(282.5, 9);
  });
});

describe("bankruptcy events", () => {
  it("a 2 000 fund pays 2 000 of the 5 000 shortfall, 3 000 is socialised", () => {
    const s = setup({ insuranceFund: 2000 });
    const a = position(s, "u", 5000, 1, 60000);
    s.w.prices[0] = 50000;
    s.v.liquidate(1, a, s.w.prices);
    expect(eventRows(s.w.events, EventType.insuranceDraw)).toEqual([
      expect.objectContaining({
        account: "u",
        asset: "USDC",
        size: 2000,
        price: 1,
        venue: "perp",
        insuranceDraw: 2000,
        detail: "perp insurance fund covers a bankrupt account",
      }),
    ]);
    const bad = eventRows(s.w.events, EventType.badDebt);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ account: "u", asset: "USDC", price: 1, venue: "perp" });
    expect(bad[0]?.["size"]).toBeCloseTo(3000, 9);
    expect(bad[0]?.["badDebt"]).toBeCloseTo(3000, 9);
    expect(bad[0]?.["detail"]).toBe("perp loss socialised: insurance fund empty");
    s.w.ledger.check("socialised");
  });
});

describe("ADL (fund empty): who pays the 5 000 shortfall of a long 1 BTC bankrupt at 50 000", () => {
  function adl() {
    const s = setup({ insuranceFund: 0, bankruptcy: "adl" });
    const a = position(s, "u", 5000, 1, 60000);
    return { ...s, a };
  }
  it("the short with the highest PnL% × leverage first, at the bankruptcy price 55 000", () => {
    const s = adl();
    const b = position(s, "b", 20000, -0.5, 60000); // at 50 000: PnL 16.7 %, leverage 25 000/25 000
    const c = position(s, "c", 20000, -2, 60000); // PnL 16.7 %, leverage 100 000/40 000
    s.w.prices[0] = 50000;
    s.v.liquidate(1, s.a, s.w.prices);
    expect([s.v.qty[b]?.[s.m], s.v.qty[c]?.[s.m]]).toEqual([-0.5, -1]);
    expect(s.v.cash(c)).toBeCloseTo(20000 + 5000, 9);
    expect(eventRows(s.w.events, EventType.deleverage)).toEqual([
      {
        t: 1,
        account: "c",
        asset: "BTC",
        size: 1,
        price: 55000,
        venue: "perp",
        cash: -5000,
        detail: "perp ADL against bankrupt u",
      },
    ]);
    s.w.ledger.check("adl rank");
  });
  it("equal scores go by account index; losing shorts and longs are skipped; a small short passes the rest on", () => {
    const s = adl();
    const loser = position(s, "loser", 20000, -1, 45000); // short from 45 000: losing at 50 000
    const long = position(s, "long", 20000, 1, 45000);
    const b = position(s, "b", 20000, -0.25, 60000);
    const c = position(s, "c", 20000, -0.25, 60000);
    s.w.prices[0] = 50000;
    s.v.liquidate(1, s.a, s.w.prices);
    expect([s.v.qty[loser]?.[s.m], s.v.qty[long]?.[s.m]]).toEqual([-1, 1]);
    expect([s.v.qty[b]?.[s.m], s.v.qty[c]?.[s.m]]).toEqual([0, 0]);
    const rows = eventRows(s.w.events, EventType.deleverage);
    expect(rows.map((r) => r["account"])).toEqual(["b", "c"]);
    // 0.5 of the bankrupt size found: the other 2 500 is socialised
    expect(eventRows(s.w.events, EventType.badDebt)[0]?.["badDebt"]).toBeCloseTo(2500, 9);
    s.w.ledger.check("adl ties");
  });
});

describe("cross liquidation price", () => {
  it("is NaN for a market the account holds no position in", () => {
    const s = setup();
    const eth = s.v.addMarket(1);
    const a = position(s, "u", 5000, 1, 60000);
    expect(Number.isNaN(s.v.liquidationPriceIn(a, eth, s.w.prices))).toBe(true);
  });
});
