/**
 * Liquidation and bankruptcy of a PerpVenue account (documented choices).
 *
 * Trigger: equity < Σ MM at mark (Binance: margin balance ≤ maintenance margin; dYdX: total net
 * collateral < Σ MM).
 * Partial target (Ballast choice, in the spirit of dYdX's partial liquidations): close the same
 * fraction φ of every position so that afterwards equity ≥ Σ IM, i.e. the account is back above
 * initial margin, not just maintenance. With C = Σ|q|·mark·(s + (1 ∓ s)·fee) the cost of closing
 * everything (s the impact of the full close; the fee is paid on the impacted price, − for longs
 * selling, + for shorts buying back), φ = (IM − E)/(IM − C); φ = 1 (close all) when that is ≥ 1,
 * when IM ≤ C, when the equity is ≤ 0, or when `partial` is off. IM of the reduced book is
 * ≤ (1 − φ)·IM because tier rates are non-decreasing in notional, and a partial close costs no
 * more per unit than the full close: s + (1 ∓ s)·fee grows with s (fee < 1) and impact models
 * never decrease with size. So the target holds.
 * Fills: at mark moved by the market's ImpactModel when one is set (the venue's liquidation engine
 * trades into the book), else at mark.
 * Fee: `liquidationFee × closed notional` to the insurance fund, capped at the equity left.
 * Bankruptcy (equity < 0 after a full close): the insurance fund pays the shortfall
 * (EventType.insuranceDraw); what it cannot pay is either socialised — booked as bad debt against
 * the venue's `#market` (EventType.badDebt) — or, with `bankruptcy: adl`, taken from profitable
 * simulated accounts on the opposite side, ranked by PnL% × effective leverage (Binance ADL
 * queue, exact wording UNVERIFIED): each closes up to the bankrupt size at the bankruptcy price, i.e.
 * at mark less a concession of shortfall/size per unit (EventType.deleverage); any rest is socialised.
 */
import { EventType } from "../events.js";
import { Reason } from "../ledger.js";
import { type MarginTiers, maintenanceMargin, tieredLiquidationPrice } from "./perp-rules.js";
import type { PerpVenue } from "./perp-venue.js";
import { covers } from "./tolerance.js";
import type { PriceVector } from "./types.js";

/** Closes 1e-9 more than the exact fraction so rounding never leaves the account on its boundary. */
const OVERSHOOT = 1 + 1e-9;

/** Liquidates account a if liquidatable. @returns true when positions were closed. */
export function liquidatePerp(v: PerpVenue, t: number, a: number, prices: PriceVector): boolean {
  const eq = v.equity(a, prices);
  const mm = v.requirement(a, prices, 0);
  if (covers(eq, mm)) return false;
  const im = v.requirement(a, prices, 1);
  const q = v.qty[a] as number[];
  let cost = 0;
  let big = -1;
  let bigNotional = 0;
  for (let m = 0; m < q.length; m++) {
    const size = q[m] as number;
    if (size === 0) continue;
    const mark = v.mark(m, prices);
    // Per unit closed: the impact, plus the fee on the impacted price (a short's closing buy
    // pays it on mark·(1 + s), above the mark).
    const s = slip(v, m, -size, mark, t);
    cost += Math.abs(size) * mark * (s + (1 - Math.sign(size) * s) * v.cfg.liquidationFee);
    if (Math.abs(size) * mark > bigNotional) {
      bigNotional = Math.abs(size) * mark;
      big = m;
    }
  }
  const phi =
    !v.cfg.partial || eq <= 0 || im <= cost ? 1 : Math.min(1, ((im - eq) / (im - cost)) * OVERSHOOT);
  const bigSize = big < 0 ? 0 : (q[big] as number);
  closeFraction(v, t, a, phi, prices, v.marginRatio(a, prices));
  if (phi === 1 && v.cash(a) < 0) bankrupt(v, t, a, -v.cash(a), big, bigSize, prices);
  v.refresh(a);
  return true;
}

function slip(v: PerpVenue, m: number, qty: number, mark: number, t: number): number {
  const model = v.impact[m];
  return model === undefined ? 0 : model.impact(qty, mark, t);
}

/**
 * Closes φ of every position at its impact-adjusted mark, then charges the fee, capped at the
 * equity left; each position's event carries its share of the fee actually charged.
 */
function closeFraction(
  v: PerpVenue,
  t: number,
  a: number,
  phi: number,
  prices: PriceVector,
  ratioBefore: number,
): void {
  const q = v.qty[a] as number[];
  const closed: [number, number, number][] = []; // market, size, price (liquidations are rare)
  let fee = 0;
  for (let m = 0; m < q.length; m++) {
    const size = q[m] as number;
    if (size === 0) continue;
    const dq = phi === 1 ? -size : -size * phi;
    const mark = v.mark(m, prices);
    const price = mark * (1 + Math.sign(dq) * slip(v, m, dq, mark, t));
    v.impact[m]?.onFill(dq, mark, t);
    v.fill(a, m, dq, price);
    fee += Math.abs(dq) * price * v.cfg.liquidationFee;
    closed.push([m, dq, price]);
  }
  const room = v.equity(a, prices);
  const charged = Math.min(fee, Math.max(room, 0));
  if (charged > 0)
    v.ledger.transfer(v.acct[a] as number, v.insuranceAcct, v.quote, charged, Reason.liquidation);
  const ratioAfter = v.marginRatio(a, prices);
  const balanceAfter = v.equity(a, prices);
  const liquidator = v.ledger.accounts[v.insuranceAcct]?.name ?? v.name;
  for (const [m, dq, price] of closed) {
    const share = fee > 0 ? (Math.abs(dq) * price * v.cfg.liquidationFee) / fee : 0;
    v.events.push(t, EventType.liquidation, {
      account: v.owners[a] ?? "",
      asset: v.ledger.assets[v.markets[m] as number] ?? "",
      size: dq,
      price,
      venue: v.name,
      liquidator,
      // What the liquidation cost beyond closing at mark: the fee charged and the price concession.
      fee: charged * share,
      slippage: Math.abs(dq) * Math.abs(price - v.mark(m, prices)),
      marginRatioBefore: ratioBefore,
      marginRatioAfter: ratioAfter,
      marginBalanceAfter: balanceAfter,
      detail: `${v.name} perp liquidation, fraction ${phi}`,
    });
  }
}

/** Covers a negative wallet balance: insurance fund, then ADL or socialised loss. */
function bankrupt(
  v: PerpVenue,
  t: number,
  a: number,
  shortfall: number,
  m: number,
  size: number,
  prices: PriceVector,
): void {
  const fund = v.ledger.balance(v.insuranceAcct, v.quote);
  const draw = Math.min(shortfall, Math.max(fund, 0));
  const who = v.owners[a] ?? "";
  const quote = v.ledger.assets[v.quote] ?? "";
  if (draw > 0) {
    v.ledger.transfer(v.insuranceAcct, v.acct[a] as number, v.quote, draw, Reason.insurance);
    v.events.push(t, EventType.insuranceDraw, {
      account: who,
      asset: quote,
      size: draw,
      price: 1,
      venue: v.name,
      insuranceDraw: draw,
      detail: `${v.name} insurance fund covers a bankrupt account`,
    });
  }
  let rest = shortfall - draw;
  if (rest > 0 && v.cfg.bankruptcy === "adl" && m >= 0) rest = deleverage(v, t, a, rest, m, size, prices);
  if (rest > 0) {
    v.ledger.transfer(v.marketAcct, v.acct[a] as number, v.quote, rest, Reason.badDebt);
    v.events.push(t, EventType.badDebt, {
      account: who,
      asset: quote,
      size: rest,
      price: 1,
      venue: v.name,
      badDebt: rest,
      detail: `${v.name} loss socialised: insurance fund empty`,
    });
  }
}

/**
 * Profitable simulated positions opposite to `size` in market m, ranked by PnL% × effective
 * leverage (notional / equity), highest first, ties by account index.
 */
function adlQueue(v: PerpVenue, a: number, m: number, size: number, prices: PriceVector): number[] {
  const mark = v.mark(m, prices);
  const ranked: number[] = [];
  const score: number[] = [];
  for (let j = 0; j < v.owners.length; j++) {
    const qj = (v.qty[j] as number[])[m] as number;
    const ej = (v.entry[j] as number[])[m] as number;
    const eq = v.equity(j, prices);
    if (j === a || qj * size >= 0 || !(qj * (mark - ej) > 0) || !(eq > 0)) continue;
    ranked.push(j);
    score[j] = ((mark - ej) / ej) * Math.sign(qj) * ((Math.abs(qj) * mark) / eq);
  }
  return ranked.sort((x, y) => (score[y] as number) - (score[x] as number) || x - y);
}

/** ADL of profitable opposite simulated positions in market m. @returns the shortfall left. */
function deleverage(
  v: PerpVenue,
  t: number,
  a: number,
  shortfall: number,
  m: number,
  size: number,
  prices: PriceVector,
): number {
  const mark = v.mark(m, prices);
  const perUnit = shortfall / Math.abs(size);
  let left = Math.abs(size);
  for (const j of adlQueue(v, a, m, size, prices)) {
    if (left <= 0) break;
    const qj = (v.qty[j] as number[])[m] as number;
    const c = Math.min(Math.abs(qj), left);
    const dq = -Math.sign(qj) * c;
    v.fill(j, m, dq, mark);
    v.ledger.transfer(v.acct[j] as number, v.acct[a] as number, v.quote, c * perUnit, Reason.liquidation);
    v.events.push(t, EventType.deleverage, {
      account: v.owners[j] ?? "",
      asset: v.ledger.assets[v.markets[m] as number] ?? "",
      size: dq,
      price: mark - Math.sign(qj) * perUnit,
      venue: v.name,
      cash: -c * perUnit,
      detail: `${v.name} ADL against bankrupt ${v.owners[a] ?? ""}`,
    });
    v.refresh(j);
    left -= c;
  }
  return left * perUnit;
}

/**
 * Binance one-way liquidation price of market m in a cross account, the other positions held at
 * their current marks: `LP = (WB − TMM₁ + UPNL₁ + cum − side·Q·EP) / (Q·MMR − side·Q)`, tier-consistent.
 * @returns NaN without a position in m.
 */
export function crossLiquidationPrice(v: PerpVenue, a: number, m: number, prices: PriceVector): number {
  const q = v.qty[a] as number[];
  const e = v.entry[a] as number[];
  const size = q[m] as number;
  if (size === 0) return Number.NaN;
  let others = v.cash(a);
  for (let k = 0; k < q.length; k++) {
    const qk = q[k] as number;
    if (k === m || qk === 0) continue;
    const mark = v.mark(k, prices);
    others +=
      qk * (mark - (e[k] as number)) - maintenanceMargin(v.tiers[k] as MarginTiers, Math.abs(qk) * mark);
  }
  const tiers = v.tiers[m] as MarginTiers;
  return tieredLiquidationPrice(tiers, others, size > 0 ? 1 : -1, Math.abs(size), e[m] as number);
}
