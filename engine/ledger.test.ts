/** The double-entry ledger: balanced postings, reason totals, and a checker that catches imbalance. */
import { describe, expect, it } from "vitest";
import { InternalError } from "./errors.js";
import { Ledger, Reason } from "./ledger.js";

describe("Ledger", () => {
  it("keeps every asset's balances summing to zero through transfers and multi-leg postings", () => {
    const l = new Ledger(["USD", "ETH"]);
    const trader = l.account("trader");
    l.track(trader);
    const market = l.account("market", true);
    const fees = l.account("fees", true);
    l.transfer(trader, market, 0, 3000, Reason.trade);
    l.transfer(market, trader, 1, 1, Reason.trade);
    l.transfer(trader, fees, 0, 1.5, Reason.fee);
    l.post(0, Reason.liquidation, [trader, market, fees], [-100, 95, 5]);
    expect(l.balance(trader, 0)).toBe(-3101.5);
    expect(l.balance(trader, 1)).toBe(1);
    expect(l.imbalance(0)).toBe(0);
    expect(l.imbalance(1)).toBe(0);
    expect(() => l.check("test")).not.toThrow();
    expect(l.flow(Reason.fee, 0)).toBe(1.5);
    expect(l.paid(Reason.fee, 0)).toBe(1.5);
    // Postings between untracked accounts count in flow, not in paid; the leg the trader paid does.
    l.transfer(market, fees, 0, 7, Reason.fee);
    expect(l.flow(Reason.fee, 0)).toBe(8.5);
    expect(l.paid(Reason.fee, 0)).toBe(1.5);
    expect(l.paid(Reason.liquidation, 0)).toBe(100);
  });

  it("refuses an unbalanced multi-leg posting", () => {
    const l = new Ledger(["USD"]);
    const a = l.account("a");
    const b = l.account("b");
    expect(() => l.post(0, Reason.fee, [a, b], [-10, 9])).toThrow(InternalError);
    expect(() => l.post(0, Reason.fee, [a, b], [-10, 9])).toThrow(/unbalanced fee posting in USD/);
  });

  it("registers accounts idempotently and grows balances", () => {
    const l = new Ledger(["USD"]);
    const a = l.account("a");
    l.transfer(a, l.account("b"), 0, 5, Reason.trade);
    expect(l.account("a")).toBe(a);
    for (let i = 0; i < 20; i++) l.account(`x${i}`);
    expect(l.balance(a, 0)).toBe(-5);
    expect(l.snapshot(l.account("b"))).toEqual({ USD: 5 });
  });
});
