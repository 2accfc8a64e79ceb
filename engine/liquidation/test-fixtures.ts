/**
 * Markets shared by the liquidation tests. `wethDebtMarket`: an Aave market whose account borrows
 * a non-quote asset, 10 WETH at 2 000 against 30 000 USDC supplied (LT 0.78); at ETH 2 400 its
 * HF is 23 400 / 24 000 < 1. `perpLong`: a linear perp venue whose account is long 1 BTC at
 * 60 000 on 5 000 USDC of margin, and an engine screening it.
 */
import { perpLinearKind } from "../venues/kinds.js";
import { aaveV3Kind } from "../venues/lending-kinds.js";
import type { LendingMarket } from "../venues/lending-market.js";
import { build, type World, wallet, world } from "../venues/test-fixtures.js";
import { LiquidationEngine } from "./liquidation-engine.js";

export function wethDebtMarket(): { w: World; m: LendingMarket; a: number } {
  const w = world(["WETH", "USDC"]);
  const m = build(
    aaveV3Kind,
    {
      assets: {
        WETH: { ltv: 0.8, lt: 0.825, marketSupply: 1e15 },
        USDC: { ltv: 0.75, lt: 0.78, marketSupply: 1e15 },
      },
    },
    w,
    "aave",
  );
  w.prices.set([2000, 1]);
  const a = m.open("user", wallet(w, "user", { USDC: 30_000 }));
  m.deposit(0, a, 1, 30_000);
  if (!m.borrow(0, a, 0, 10, w.prices)) throw new Error("wethDebtMarket: the borrow was refused");
  return { w, m, a };
}

export function perpLong() {
  const w = world(["BTC", "USDC"]);
  const v = build(perpLinearKind, {}, w, "perp");
  const mk = v.addMarket(0);
  const a = v.open("u", wallet(w, "user", { USDC: 5000 }));
  v.deposit(0, a, 5000);
  w.prices.set([60000, 1]);
  v.trade(0, a, mk, 1, 60000, w.prices);
  const engine = new LiquidationEngine(w.ledger, w.events, 1);
  engine.addVenue(v);
  return { w, v, a, engine };
}
