/**
 * The ledger's bookkeeping beyond conservation: account registration, the per-reason `flow` and
 * the tracked accounts' `paid` totals of multi-leg postings, the gross volume behind the tolerance,
 * the postings counter (a run's measure of work), and the exact edges of the 1e-9 tolerances.
 */
import { describe, expect, it } from "vitest";
import { InternalError } from "./errors.js";
import { Ledger, Reason } from "./ledger.js";

function stray(l: Ledger, account: number, asset: number, amount: number): void {
  const balances = (l as unknown as { balances: Float64Array }).balances;
  balances[account * l.assets.length + asset]! += amount;
}

describe("accounts", () => {
  it("lists accounts in registration order from index 0, internal unless said external", () => {
    const l = new Ledger(["USD"]);
    expect(l.account("a")).toBe(0);
    expect(l.account("m", true)).toBe(1);
    expect(l.accounts).toEqual([
      { name: "a", external: false },
      { name: "m", external: true },
    ]);
  });

  it("names an unknown asset", () => {
    const l = new Ledger(["USD", "ETH"]);
    expect(l.asset("ETH")).toBe(1);
    expect(() => l.asset("BTC")).toThrow(InternalError);
    expect(() => l.asset("BTC")).toThrow("ledger: unknown asset BTC");
  });

  it("sums balances over every account, also at exactly the allocated capacity (8 accounts)", () => {
    const l = new Ledger(["USD", "ETH"]);
    const ids = Array.from({ length: 8 }, (_, k) => l.account(`x${k}`));
    l.transfer(ids[0]!, ids[7]!, 1, 3, Reason.trade);
    expect(l.imbalance(0)).toBe(0);
    expect(l.imbalance(1)).toBe(0);
    expect(l.balance(ids[7]!, 1)).toBe(3);
    stray(l, ids[7]!, 1, 2);
    expect(l.imbalance(1)).toBe(2);
  });
});

describe("multi-leg postings", () => {
  it("moves each leg into its account and asset, counting the positive legs as the amount moved", () => {
    const l = new Ledger(["USD", "ETH"]);
    const trader = l.account("trader");
    l.track(trader);
    const liq = l.account("liq");
    const fees = l.account("fees", true);
    l.post(1, Reason.liquidation, [trader, liq, fees], [-2, 1.9, 0.1]);
    expect([l.balance(trader, 1), l.balance(liq, 1), l.balance(fees, 1)]).toEqual([-2, 1.9, 0.1]);
    expect([l.balance(trader, 0), l.balance(liq, 0)]).toEqual([0, 0]);
    expect(l.flow(Reason.liquidation, 1)).toBeCloseTo(2, 15);
    expect(l.flow(Reason.liquidation, 0)).toBe(0);
    expect(l.paid(Reason.liquidation, 1)).toBe(2);
    expect(l.paid(Reason.fee, 1)).toBe(0);
  });

  it("accepts legs off by rounding within 1e-9 of their gross, not beyond", () => {
    const l = new Ledger(["USD"]);
    const a = l.account("a");
    const b = l.account("b");
    // Sum 1 against a gross of 2e10: 5e-11 relative, accepted; an absolute 1e-9 bound would refuse.
    expect(() => l.post(0, Reason.trade, [a, b], [1e10, -1e10 + 1])).not.toThrow();
    expect(() => l.post(0, Reason.trade, [a, b], [1e10, -1e10 + 100])).toThrow(/legs sum to 100/);
    // The bound itself is accepted: |sum| = 1e-9 with a gross below 1.
    expect(() => l.post(0, Reason.fee, [a], [1e-9])).not.toThrow();
    expect(() => l.post(0, Reason.fee, [a, b], [-10, 10])).not.toThrow();
  });

  it("widens the conservation tolerance by the posting's gross volume", () => {
    const l = new Ledger(["USD"]);
    const a = l.account("a");
    const b = l.account("b");
    l.post(0, Reason.trade, [a, b], [-1e9, 1e9]); // gross 2e9: tolerance 2
    stray(l, a, 0, 1.5);
    expect(() => l.check("x")).not.toThrow();
  });

  it("accepts an imbalance of exactly the tolerance (1e-9 when little was posted)", () => {
    const l = new Ledger(["USD"]);
    stray(l, l.account("a"), 0, 1e-9);
    expect(() => l.check("x")).not.toThrow();
  });
});

describe("transfers", () => {
  it("counts what a tracked account pays and, negatively, what it receives", () => {
    const l = new Ledger(["USD"]);
    const trader = l.account("trader");
    const sink = l.account("sink", true);
    l.track(trader);
    l.transfer(trader, sink, 0, 10, Reason.funding);
    l.transfer(sink, trader, 0, 25, Reason.funding);
    expect(l.paid(Reason.funding, 0)).toBe(-15);
    expect(l.flow(Reason.funding, 0)).toBe(35);
    // Between two tracked accounts nothing leaves: paid is unchanged.
    const other = l.account("trader2");
    l.track(other);
    l.transfer(trader, other, 0, 7, Reason.funding);
    expect(l.paid(Reason.funding, 0)).toBe(-15);
  });

  it("adds |amount| to the gross volume for negative amounts too", () => {
    const l = new Ledger(["USD"]);
    const a = l.account("a");
    const b = l.account("b");
    l.transfer(a, b, 0, -1e12, Reason.trade);
    expect(l.balance(b, 0)).toBe(-1e12);
    // A stray 1 on an empty account (so it is not lost in a 1e12 balance's rounding) is within
    // 1e-9 × 1e12 = 1 000; 2 000 more is not.
    const c = l.account("c");
    stray(l, c, 0, 1);
    expect(l.imbalance(0)).toBe(1);
    expect(() => l.check("x")).not.toThrow();
    stray(l, c, 0, 2000);
    expect(() => l.check("x")).toThrow(/USD/);
  });

  it("counts postings: one per transfer or multi-leg posting, none for a zero transfer", () => {
    const l = new Ledger(["USD"]);
    const a = l.account("a");
    const b = l.account("b");
    l.transfer(a, b, 0, 0, Reason.trade);
    expect(l.postings).toBe(0);
    expect(l.flow(Reason.trade, 0)).toBe(0);
    l.transfer(a, b, 0, 1, Reason.trade);
    l.post(0, Reason.fee, [a, b], [-1, 1]);
    expect(l.postings).toBe(2);
  });
});
