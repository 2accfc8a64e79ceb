/**
 * Compound v3 liquidation of a LendingMarket account (compound-finance/comet Comet.sol `absorb`,
 * `buyCollateral`, `quoteCollateral`; REFERENCE "Lending: Compound v3"): absorb seizes all collateral
 * into the protocol and credits `Σ coll·P·liquidationFactor`, floored at 0 — the reserves absorb any
 * shortfall, booked as bad debt (Reason.badDebt from `#reserve`, EventType.badDebt); the caller then
 * buys absorbed collateral at the storefront price while reserves are below target.
 */
import { EventType } from "../events.js";
import { Reason } from "../ledger.js";
import { absorb, canBuyCollateral, newAbsorption, storefrontPrice } from "./compound-v3.js";
import type { LendingMarket } from "./lending-market.js";
import { LiqCode, type LiquidationOutcome } from "./liquidation-outcome.js";
import type { PriceVector } from "./types.js";

const absorption = newAbsorption();

export function compoundLiquidate(
  m: LendingMarket,
  t: number,
  a: number,
  rc: number,
  cover: number,
  prices: PriceVector,
  liq: number,
  apply: boolean,
  o: LiquidationOutcome,
): LiquidationOutcome {
  const pb = prices[m.assetOf[0] as number] as number;
  const debt = m.debtAt(a, 0);
  let valueLf = 0;
  for (let r = 1; r < m.nR; r++) {
    valueLf +=
      m.supplyAt(a, r) *
      (prices[m.assetOf[r] as number] as number) *
      (m.cfg.reserves[r]?.liquidationFactor ?? 1);
  }
  const abs = absorb(debt, valueLf, pb, absorption);
  const cc = rc >= 1 ? m.cfg.reserves[rc] : undefined;
  const fromUser = cc === undefined ? 0 : m.supplyAt(a, rc);
  const available = cc === undefined ? 0 : (m.inventory[rc] as number) + fromUser;
  const reservesAfter = m.reserves - debt - abs.newBalance;
  o.code = LiqCode.done;
  o.debtRepaid = debt;
  o.seized = fromUser;
  o.badDebtQuote = abs.shortfall * pb;
  o.hfAfter = Number.POSITIVE_INFINITY;
  if (apply) applyAbsorb(m, t, a, pb, prices);
  if (cc === undefined || !(available > 0) || !canBuyCollateral(reservesAfter, m.cfg.targetReserves))
    return o;
  const pc = prices[m.assetOf[rc] as number] as number;
  o.price = storefrontPrice(pc, m.cfg.storeFront, cc.liquidationFactor);
  o.toLiquidator = Math.min(available, (cover * pb) / o.price);
  o.paid = (o.toLiquidator * o.price) / pb;
  o.bonusQuote = o.toLiquidator * (pc - o.price);
  if (apply) applyBuy(m, rc, liq, o);
  return o;
}

/** Comet `absorb`: all collateral to the protocol, base balance −debt + credit floored at 0. */
function applyAbsorb(m: LendingMarket, t: number, a: number, pb: number, prices: PriceVector): void {
  const acct = m.acct[a] as number;
  const base = m.assetOf[0] as number;
  const debt = m.debtAt(a, 0);
  const abs = absorption;
  let seizedValue = 0;
  for (let r = 1; r < m.nR; r++) {
    const q = m.supplyAt(a, r);
    if (!(q > 0)) continue;
    seizedValue += q * (prices[m.assetOf[r] as number] as number);
    m.ledger.transfer(acct, m.reserveAcct, m.assetOf[r] as number, q, Reason.liquidation);
    m.inventory[r] = (m.inventory[r] as number) + q;
    m.addSupply(a, r, -q);
  }
  const credited = Math.min(abs.credit, debt + abs.newBalance);
  m.ledger.transfer(m.reserveAcct, acct, base, credited, Reason.liquidation);
  if (abs.shortfall > 0) m.ledger.transfer(m.reserveAcct, acct, base, abs.shortfall, Reason.badDebt);
  m.addDebt(a, 0, -debt);
  if (abs.newBalance > 0) m.addSupply(a, 0, abs.newBalance);
  m.reserves -= debt + abs.newBalance;
  m.updateRates(0);
  m.refresh(a);
  absorbEvents(m, t, a, debt, pb, seizedValue);
}

/**
 * The absorb event: size = −(value of all collateral seized, in quote), price 1; bonus = the
 * borrower's penalty, seized value − credit (the (1 − liquidationFactor) discount).
 */
function absorbEvents(
  m: LendingMarket,
  t: number,
  a: number,
  debt: number,
  pb: number,
  seizedValue: number,
): void {
  const abs = absorption;
  const who = m.owners[a] ?? "";
  const asset = m.ledger.assets[m.assetOf[0] as number] ?? "";
  m.events.push(t, EventType.liquidation, {
    account: who,
    asset,
    size: -seizedValue,
    price: 1,
    venue: m.name,
    liquidator: m.ledger.accounts[m.reserveAcct]?.name ?? "",
    debtRepaid: debt * pb,
    collateralSeized: seizedValue,
    bonus: seizedValue - abs.credit * pb,
    healthFactorBefore: m.outcome.hfBefore,
    badDebt: abs.shortfall * pb,
    detail: `${m.name} compound-v3 absorb: debt ${debt}, credit ${abs.credit}, left to user ${abs.newBalance}`,
  });
  if (abs.shortfall > 0) {
    m.events.push(t, EventType.badDebt, {
      account: who,
      asset,
      size: abs.shortfall,
      price: pb,
      venue: m.name,
      badDebt: abs.shortfall * pb,
      detail: `${m.name}: absorb shortfall taken by reserves`,
    });
  }
}

/** Comet `buyCollateral` at the storefront price. */
function applyBuy(m: LendingMarket, rc: number, liq: number, o: LiquidationOutcome): void {
  m.ledger.transfer(liq, m.reserveAcct, m.assetOf[0] as number, o.paid, Reason.liquidation);
  m.ledger.transfer(m.reserveAcct, liq, m.assetOf[rc] as number, o.toLiquidator, Reason.liquidation);
  m.inventory[rc] = (m.inventory[rc] as number) - o.toLiquidator;
  m.reserves += o.paid;
}
