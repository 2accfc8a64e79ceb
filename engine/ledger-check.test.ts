/**
 * `Ledger.check()` is the conservation oracle that the runner calls after every event under test:
 * each asset's balances, summed over all accounts, must be zero within 1e-9 of the gross amount
 * posted in that asset. These tests make it throw, for every asset position of ledgers of one to
 * five assets (the last included), so a checker that skips an asset, or compares against the wrong
 * tolerance, fails here rather than silently passing the conservation checks everywhere else.
 *
 * A real posting cannot unbalance the ledger (post() refuses unbalanced legs, transfer() moves an
 * amount both ways), so the tests write a stray amount straight into the balance table: the state a
 * venue would leave by forgetting one leg of a posting.
 */
import { describe, expect, it } from "vitest";
import { InternalError } from "./errors.js";
import { Ledger, Reason } from "./ledger.js";

/** Adds `amount` to one account's balance of one asset without a counter-leg. */
function forgetLeg(l: Ledger, account: number, asset: number, amount: number): void {
  const balances = (l as unknown as { balances: Float64Array }).balances;
  balances[account * l.assets.length + asset]! += amount;
}

function busyLedger(nAssets: number): { l: Ledger; trader: number } {
  const l = new Ledger(Array.from({ length: nAssets }, (_, k) => `A${k}`));
  const trader = l.account("trader");
  const market = l.account("market", true);
  const fees = l.account("fees", true);
  for (let k = 0; k < nAssets; k++) {
    l.transfer(market, trader, k, 1000 * (k + 1), Reason.deposit);
    l.post(k, Reason.fee, [trader, fees, market], [-3, 2, 1]);
  }
  return { l, trader };
}

describe("Ledger.check", () => {
  for (let n = 1; n <= 5; n++) {
    for (let k = 0; k < n; k++) {
      it(`throws when asset ${k + 1} of ${n} is out of balance, naming it and the place`, () => {
        const { l, trader } = busyLedger(n);
        expect(() => l.check("before")).not.toThrow();
        forgetLeg(l, trader, k, 0.5);
        expect(l.imbalance(k)).toBeCloseTo(0.5, 12);
        for (let j = 0; j < n; j++) if (j !== k) expect(l.imbalance(j)).toBe(0);
        expect(() => l.check("after event 7")).toThrow(InternalError);
        expect(() => l.check("after event 7")).toThrow(
          `ledger not conserved at after event 7: A${k} balances sum to`,
        );
      });
    }
  }

  it("throws on a negative imbalance as on a positive one", () => {
    const { l, trader } = busyLedger(3);
    forgetLeg(l, trader, 2, -0.01);
    expect(() => l.check("x")).toThrow(/A2 balances sum to -0.01/);
  });

  it("tolerates rounding up to 1e-9 of the gross volume posted in the asset, and not more", () => {
    // Gross in A0: deposit 1 000 + fee posting |−3|+2+1 = 1 006.
    const { l, trader } = busyLedger(2);
    forgetLeg(l, trader, 0, 0.9e-9 * 1006);
    expect(() => l.check("x")).not.toThrow();
    forgetLeg(l, trader, 0, 0.2e-9 * 1006);
    expect(() => l.check("x")).toThrow(/A0/);
  });

  it("uses an absolute floor of 1e-9 when little has been posted", () => {
    const l = new Ledger(["USD", "ETH"]);
    const a = l.account("a");
    forgetLeg(l, a, 1, 0.5e-9);
    expect(() => l.check("x")).not.toThrow();
    forgetLeg(l, a, 1, 1e-9);
    expect(() => l.check("x")).toThrow(/ETH balances sum to/);
  });

  it("scales the tolerance per asset: a large volume in one asset does not excuse another", () => {
    const l = new Ledger(["USD", "ETH"]);
    const a = l.account("a");
    const b = l.account("b", true);
    l.transfer(b, a, 0, 1e12, Reason.trade);
    l.transfer(b, a, 1, 1, Reason.trade);
    forgetLeg(l, a, 1, 1e-6);
    expect(() => l.check("x")).toThrow(/ETH balances sum to/);
  });
});
