/**
 * PerpVenue bookkeeping (./perp-venue.ts): its own ledger accounts, markets listed after accounts
 * exist, margin ratio (Binance: MM / margin balance), withdrawals up to min(WB, equity − IM), and
 * refusals naming the asset at stake. Figures by hand at dYdX's IMF 5 % / MMF 3 % (REFERENCE).
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../events.js";
import { Reason } from "../ledger.js";
import { perpLinearKind } from "./kinds.js";
import { build, eventRows, wallet, world } from "./test-fixtures.js";

function setup(params: Record<string, unknown> = {}) {
  const w = world(["BTC", "ETH", "USDC"]);
  const v = build(perpLinearKind, params, w, "perp");
  const user = wallet(w, "user", { USDC: 1e7 });
  w.prices.set([60000, 3000, 1]);
  return { w, v, user };
}

describe("accounts and markets", () => {
  it("names its accounts, seeds the insurance fund from #market, and lists markets late", () => {
    const { w, v, user } = setup({ insuranceFund: 777 });
    expect(w.ledger.accounts[v.marketAcct]).toEqual({ name: "perp#market", external: true });
    expect(w.ledger.accounts[v.insuranceAcct]).toEqual({ name: "perp#insurance", external: false });
    expect(w.ledger.accounts[v.feesAcct]).toEqual({ name: "perp#fees", external: true });
    expect(w.ledger.balance(v.insuranceAcct, 2)).toBe(777);
    expect(w.ledger.flow(Reason.deposit, 2)).toBeGreaterThanOrEqual(777);
    const a = v.open("u", user);
    expect(v.accountCount).toBe(1);
    expect(v.addMarket(0)).toBe(0);
    expect(v.addMarket(1)).toBe(1);
    expect(v.qty[a]).toEqual([0, 0]);
    expect(v.entry[a]).toEqual([0, 0]);
    expect([v.market(1), v.market(2)]).toEqual([1, -1]);
  });
  it("new accounts take the venue's default margin mode", () => {
    const iso = setup({ margin: "isolated" });
    expect(iso.v.isolated[iso.v.open("a", iso.user)]).toBe(true);
    expect(iso.v.isolated[iso.v.open("b", iso.user, "cross")]).toBe(false);
    const cross = setup();
    expect(cross.v.isolated[cross.v.open("c", cross.user)]).toBe(false);
  });
});

describe("margin ratio and requirements", () => {
  it("MM / equity; 0 without positions; ∞ once equity is gone", () => {
    const { w, v, user } = setup();
    const btc = v.addMarket(0);
    const a = v.open("u", user);
    v.deposit(0, a, 5000);
    expect(v.marginRatio(a, w.prices)).toBe(0);
    v.trade(0, a, btc, 1, 60000, w.prices);
    expect(v.marginRatio(a, w.prices)).toBeCloseTo(1800 / 5000, 12);
    expect(v.requirement(a, w.prices, 1)).toBeCloseTo(3000, 9);
    w.prices[0] = 55000; // equity 0
    expect(v.marginRatio(a, w.prices)).toBe(Number.POSITIVE_INFINITY);
  });
  it("an account without positions is never liquidatable, whatever its cash", () => {
    const { w, v, user } = setup();
    v.addMarket(0);
    const a = v.open("u", user);
    expect(v.isLiquidatable(a, w.prices)).toBe(false);
  });
});

describe("withdrawals and refusals", () => {
  it("free margin is min(WB, equity − IM): 1 BTC long on 5 000 frees 2 000, less after a loss", () => {
    const { w, v, user } = setup();
    const btc = v.addMarket(0);
    const a = v.open("u", user);
    v.deposit(0, a, 5000);
    v.trade(0, a, btc, 1, 60000, w.prices);
    expect(v.withdraw(0, a, 2000.01, w.prices)).toBe(false);
    expect(v.withdraw(0, a, 0, w.prices)).toBe(false);
    expect(v.withdraw(0, a, 2000, w.prices)).toBe(true);
    expect(v.cash(a)).toBe(3000);
    w.prices[0] = 66000; // equity 9 000, IM 3 300: 5 700 free in equity but only 3 000 in cash
    expect(v.withdraw(0, a, 3000.01, w.prices)).toBe(false);
    const rows = eventRows(w.events, EventType.rejected);
    expect(rows.map((r) => [r["account"], r["asset"], r["size"], r["price"]])).toEqual([
      ["u", "USDC", 2000.01, 0],
      ["u", "USDC", 0, 0],
      ["u", "USDC", 3000.01, 0],
    ]);
    expect(rows[0]?.["detail"]).toBe("perp: withdrawal above the free margin 2000");
    expect(rows[2]?.["detail"]).toBe("perp: withdrawal above the free margin 3000");
    w.ledger.check("withdraw");
  });
  it("an isolated account refuses a second market, naming that market's asset", () => {
    const { w, v, user } = setup();
    const btc = v.addMarket(0);
    const eth = v.addMarket(1);
    const a = v.open("iso", user, "isolated");
    v.deposit(0, a, 10000);
    v.trade(0, a, btc, 0.1, 60000, w.prices);
    expect(v.trade(0, a, eth, 1, 3000, w.prices)).toBe(false);
    expect(eventRows(w.events, EventType.rejected)[0]).toMatchObject({
      account: "iso",
      asset: "ETH",
      size: 1,
      detail: "perp: an isolated account holds one market",
    });
  });
});
