/**
 * PerpVenue trades, fills and liquidations at the edges the earlier tests left open, worked by hand
 * (REFERENCE "Perpetual futures": dYdX IMF 5 % / MMF 3 %, liquidation fee 0.5 %, insurance fund
 * 1 M by default): the margin test of a fill away from the mark, adding at another price, closing an
 * underwater short, the entry recorded, a partial liquidation of an account whose wallet is
 * negative, and the events and errors that name markets.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { EventType } from "../events.js";
import { perpLinearKind } from "./kinds.js";
import { build, eventRows, wallet, world } from "./test-fixtures.js";

function setup() {
  const w = world(["BTC", "ETH", "USDC"]);
  const v = build(perpLinearKind, {}, w, "perp");
  const btc = v.addMarket(0);
  const eth = v.addMarket(1);
  const user = wallet(w, "user", { USDC: 1e7 });
  w.prices.set([60000, 3000, 1]);
  return { w, v, btc, eth, user };
}

function account(s: ReturnType<typeof setup>, margin: number): number {
  const a = s.v.open("u", s.user, "cross");
  s.v.deposit(0, a, margin);
  return a;
}

describe("trades", () => {
  it("a buy at 62 000 with the mark at 60 000 on 4 000: equity 4 000 − 2 000 below IM 3 000 at mark", () => {
    const s = setup();
    const a = account(s, 4000);
    expect(s.v.trade(0, a, s.btc, 1, 62000, s.w.prices)).toBe(false);
    expect(eventRows(s.w.events, EventType.rejected)[0]).toMatchObject({
      asset: "BTC",
      detail: "perp: equity 2000 below initial margin 3000",
    });
  });
  it("adding 1 at 62 000 to 1 from 60 000 realises nothing and averages the entry to 61 000", () => {
    const s = setup();
    const a = account(s, 10000);
    expect(s.v.trade(0, a, s.btc, 1, 60000, s.w.prices)).toBe(true);
    s.w.prices[0] = 62000;
    expect(s.v.trade(0, a, s.btc, 1, 62000, s.w.prices)).toBe(true);
    expect(s.v.cash(a)).toBe(10000);
    expect(s.v.entry[a]?.[s.btc]).toBe(61000);
  });
  it("an underwater short (equity 3 000 − 4 000) may still close in full, realising −4 000", () => {
    const s = setup();
    const a = account(s, 3000);
    expect(s.v.trade(0, a, s.btc, -1, 60000, s.w.prices)).toBe(true);
    s.w.prices[0] = 64000;
    expect(s.v.trade(0, a, s.btc, 1, 64000, s.w.prices)).toBe(true);
    expect([s.v.qty[a]?.[s.btc], s.v.entry[a]?.[s.btc], s.v.cash(a)]).toEqual([0, 0, -1000]);
  });
  it("opening 0.1 at 59 992 records the entry 59 992 exactly (0.1·59 992/0.1 is one ulp above)", () => {
    const s = setup();
    const a = account(s, 1e4);
    s.w.prices[0] = 59992;
    expect(s.v.trade(0, a, s.btc, 0.1, 59992, s.w.prices)).toBe(true);
    expect(s.v.entry[a]?.[s.btc]).toBe(59992);
  });
});

describe("liquidation", () => {
  it("of a BTC position in a venue listing BTC and ETH: one event, for BTC", () => {
    const s = setup();
    const a = account(s, 5000);
    s.v.trade(0, a, s.btc, 1, 60000, s.w.prices);
    s.w.prices[0] = 56500;
    expect(s.v.liquidate(1, a, s.w.prices)).toBe(true);
    expect(eventRows(s.w.events, EventType.liquidation).map((r) => r["asset"])).toEqual(["BTC"]);
  });
  it("partial with the wallet negative: no bankruptcy while a position is left", () => {
    const s = setup();
    const a = account(s, 5000);
    s.v.trade(0, a, s.btc, 1, 60000, s.w.prices); // IM 3 000
    s.v.trade(0, a, s.eth, 10, 3000, s.w.prices); // IM 1 500
    s.w.prices.set([52000, 4000, 1]);
    expect(s.v.trade(0, a, s.btc, -1, 52000, s.w.prices)).toBe(true); // realises −8 000: wallet −3 000
    s.w.prices[1] = 3350; // equity −3 000 + 3 500 = 500 < MM 1 005; IM 1 675, closing cost 167.5
    expect(s.v.liquidate(1, a, s.w.prices)).toBe(true);
    const phi = (1175 / 1507.5) * (1 + 1e-9);
    expect(s.v.qty[a]?.[s.eth]).toBeCloseTo(10 * (1 - phi), 9);
    expect(s.v.cash(a)).toBeCloseTo(-3000 + phi * (3500 - 167.5), 6); // still negative
    expect(s.w.events.count(EventType.insuranceDraw)).toBe(0);
    expect(s.w.events.count(EventType.badDebt)).toBe(0);
    s.w.ledger.check("partial, wallet negative");
  });
});

describe("markets", () => {
  for (const asset of ["DOGE", "USDC"]) {
    it(`a market on ${asset} (not in the ledger, or the quote) is refused, naming it and the assets allowed`, () => {
      let err: unknown;
      try {
        build(perpLinearKind, { markets: { [asset]: {} } }, world(["BTC", "ETH", "USDC"]), "perp");
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).issues).toEqual([
        {
          code: "unknown_asset",
          path: `venues.perp.markets.${asset}`,
          message: `found a market on "${asset}"; allowed: an asset of the market (BTC, ETH)`,
        },
      ]);
    });
  }
});
