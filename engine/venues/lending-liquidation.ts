/**
 * Liquidation of a LendingMarket account under its rule set (see ./aave-v3.ts, ./compound-v3.ts for
 * the rules and sources). One entry point, `liquidateLending`, computes the outcome and — when
 * `apply` — posts it to the ledger and the event log; with `apply` false it is a preview.
 *
 * Compound's path is ./compound-liquidation.ts. Bad debt is never silently absorbed: Aave v3.3+
 * burns the debt left on an account whose collateral is all gone and books it as the reserve's deficit (LiquidationLogic `_burnBadDebt`,
 * `DeficitCreated`); Ballast applies that booking under the v3.0 close-factor rule too (v3.0 left
 * such debt on an account nobody would repay — same loss, made visible). Compound's absorb floors the
 * account at 0 and the reserves absorb the rest. Both post Reason.badDebt from `${venue}#reserve`
 * and push EventType.badDebt with the shortfall in USD.
 */
import { EventType } from "../events.js";
import { Reason } from "../ledger.js";
import { leavesDust, maxLiquidatableDebt, newSeizure, seizure } from "./aave-v3.js";
import { compoundLiquidate } from "./compound-liquidation.js";
import type { LendingMarket } from "./lending-market.js";
import { LiqCode, type LiquidationOutcome, resetOutcome } from "./liquidation-outcome.js";
import type { PriceVector } from "./types.js";

export { LiqCode, type LiquidationOutcome, newOutcome } from "./liquidation-outcome.js";

const seized = newSeizure();

/** Dispatches to the market's rule set. */
export function liquidateLending(
  m: LendingMarket,
  t: number,
  a: number,
  debtAsset: number,
  collAsset: number,
  debtToCover: number,
  prices: PriceVector,
  liquidator: number,
  apply: boolean,
): LiquidationOutcome {
  const o = resetOutcome(m.outcome, m.healthFactor(a, prices));
  if (!m.isLiquidatable(a, prices)) return o;
  if (m.cfg.rules === "compound-v3")
    return compoundLiquidate(m, t, a, m.slot(collAsset), debtToCover, prices, liquidator, apply, o);
  if (liquidator === m.wallet[a]) {
    o.code = LiqCode.self;
    return o;
  }
  return aaveLiquidate(
    m,
    t,
    a,
    m.slot(debtAsset),
    m.slot(collAsset),
    debtToCover,
    prices,
    liquidator,
    apply,
    o,
  );
}

function aaveLiquidate(
  m: LendingMarket,
  t: number,
  a: number,
  rd: number,
  rc: number,
  cover: number,
  prices: PriceVector,
  liq: number,
  apply: boolean,
  o: LiquidationOutcome,
): LiquidationOutcome {
  const cfg = m.cfg;
  const cc = cfg.reserves[rc];
  const debt = rd < 0 ? 0 : m.debtAt(a, rd);
  const coll = cc === undefined || !(cc.lt > 0) ? 0 : m.supplyAt(a, rc);
  if (cc === undefined || !(debt > 0) || !(coll > 0)) {
    o.code = LiqCode.empty;
    if (apply && m.collateralValue(a, prices, 2) === 0 && m.debtValue(a, prices) > 0)
      o.badDebtQuote = burnBadDebt(m, t, a, prices);
    return o;
  }
  const pd = prices[m.assetOf[rd] as number] as number;
  const pc = prices[m.assetOf[rc] as number] as number;
  const debtValue = m.debtValue(a, prices);
  const max = maxLiquidatableDebt(
    cfg.closeFactorRule,
    o.hfBefore,
    debt,
    pd,
    debtValue,
    coll * pc,
    cfg.closeFactorThresholdUsd,
  );
  const s = seizure(Math.min(cover, max), pd, pc, coll, cc.bonus, cc.protocolFee, seized);
  if (cfg.closeFactorRule === "v3.3" && leavesDust(s, debt, pd, coll, pc, cfg.minLeftoverUsd)) {
    o.code = LiqCode.dust;
    return o;
  }
  o.code = LiqCode.done;
  o.debtRepaid = o.paid = s.debtRepaid;
  o.seized = s.seized;
  o.toLiquidator = s.toLiquidator;
  o.fee = s.fee;
  o.price = pc;
  // What the borrower loses beyond the debt repaid: the whole bonus, the protocol's share included.
  o.bonusQuote = s.seized * pc - s.debtRepaid * pd;
  o.hfAfter = (m.collateralValue(a, prices, 2) - s.seized * pc * cc.lt) / (debtValue - s.debtRepaid * pd);
  if (apply) applyAave(m, t, a, rd, rc, liq, prices, o);
  return o;
}

function applyAave(
  m: LendingMarket,
  t: number,
  a: number,
  rd: number,
  rc: number,
  liq: number,
  prices: PriceVector,
  o: LiquidationOutcome,
): void {
  const acct = m.acct[a] as number;
  const da = m.assetOf[rd] as number;
  const ca = m.assetOf[rc] as number;
  m.ledger.transfer(liq, acct, da, o.debtRepaid, Reason.liquidation);
  m.addDebt(a, rd, -o.debtRepaid);
  m.ledger.transfer(acct, liq, ca, o.toLiquidator, Reason.liquidation);
  // The protocol's share of the bonus is a liquidation cost, not a trading fee (path metrics: hedgeCost).
  m.ledger.transfer(acct, m.reserveAcct, ca, o.fee, Reason.liquidation);
  m.addSupply(a, rc, -o.seized);
  m.poolSupply[rc] = (m.poolSupply[rc] as number) + o.fee / (m.supplyIndex[rc] as number); // treasury keeps the fee supplied
  m.updateRates(rd);
  m.updateRates(rc);
  if (m.collateralValue(a, prices, 2) === 0 && m.debtValue(a, prices) > 0)
    o.badDebtQuote = burnBadDebt(m, t, a, prices);
  m.refresh(a);
  o.hfAfter = m.healthFactor(a, prices);
  const pd = prices[da] as number;
  m.events.push(t, EventType.liquidation, {
    account: m.owners[a] ?? "",
    asset: m.ledger.assets[ca] ?? "",
    size: -o.seized,
    price: o.price,
    venue: m.name,
    liquidator: m.ledger.accounts[liq]?.name ?? "",
    debtRepaid: o.debtRepaid * pd,
    collateralSeized: o.seized * o.price,
    bonus: o.bonusQuote,
    protocolFee: o.fee * o.price,
    healthFactorBefore: o.hfBefore,
    healthFactorAfter: o.hfAfter,
    badDebt: o.badDebtQuote,
    detail: `${m.name} aave-v3: repaid ${o.debtRepaid} ${m.ledger.assets[da]}, protocol fee ${o.fee}, HF ${o.hfBefore} → ${o.hfAfter}`,
  });
}

/** Aave v3.3 deficit: burns every debt of an account with no collateral left. @returns USD burned. */
export function burnBadDebt(m: LendingMarket, t: number, a: number, prices: PriceVector): number {
  let total = 0;
  for (let r = 0; r < m.nR; r++) {
    const d = m.debtAt(a, r);
    if (!(d > 0)) continue;
    const asset = m.assetOf[r] as number;
    const p = prices[asset] as number;
    m.ledger.transfer(m.reserveAcct, m.acct[a] as number, asset, d, Reason.badDebt);
    m.addDebt(a, r, -d);
    m.updateRates(r);
    total += d * p;
    m.events.push(t, EventType.badDebt, {
      account: m.owners[a] ?? "",
      asset: m.ledger.assets[asset] ?? "",
      size: d,
      price: p,
      venue: m.name,
      badDebt: d * p,
      detail: `${m.name}: debt with no collateral left written off as the reserve's deficit`,
    });
  }
  m.refresh(a);
  return total;
}
