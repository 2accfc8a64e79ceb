/**
 * Perp mode of `forecast-deleverage`: the position size whose liquidation is a given move away.
 *
 * One linear perp position of |q| units at price P on an account with equity E (notional N = |q|·P,
 * maintenance rate m): the account is liquidated when E + q(P′ − P) = m·|q|·P′ (Binance USDⓈ-M
 * maintenance margin; REFERENCE "Perpetual futures"), i.e. at P′/P = (1 − E/N)/(1 − m) for a long
 * and (1 + E/N)/(1 + m) for a short, so the relative distance is d = (E/N − m)/(1 ∓ m). The view
 * gives d (`liquidationDistance`) and N/E (`ltv`), hence m = (E/N − d)/(1 ∓ d); the notional at
 * which the distance is `need` is N* = E / (need·(1 ∓ m) + m). Fees and funding are ignored; with
 * several positions on the account the figure is approximate.
 */
import { Instrument, type IntentSink, type StrategyView } from "../../engine/strategy.js";

/** |qty| (units) at which the perp position on asset `a` is liquidated `need` (relative) away. */
export function perpAllowedQty(view: StrategyView, v: number, a: number, qty: number, need: number): number {
  const lev = view.ltv(v);
  const d = view.liquidationDistance(v, a);
  if (!(lev > 0 && Number.isFinite(lev)) || !Number.isFinite(d) || qty === 0) return Math.abs(qty);
  const s = qty > 0 ? 1 : -1;
  const en = 1 / lev;
  const m = (en - d) / (1 - s * d);
  return (en * Math.abs(qty)) / (need * (1 - s * m) + m);
}

/**
 * Risk-off: cut the position to the size whose liquidation survives a fall (long) or rise (short)
 * of `move` in log price; risk-on with `restore`: grow it back towards `startQty` within that size.
 * Trades under 1 % of the starting size are skipped.
 */
export function perpStep(
  view: StrategyView,
  out: IntentSink,
  at: { readonly v: number; readonly a: number; readonly startQty: number },
  move: number,
  riskOff: boolean,
  restore: boolean,
): void {
  const qty = view.perpQty(at.a) + view.pendingQty(Instrument.perp, at.a);
  if (qty === 0 || Math.sign(qty) !== Math.sign(at.startQty)) return;
  const need = qty > 0 ? 1 - Math.exp(-move) : Math.exp(move) - 1;
  const allowed = perpAllowedQty(view, at.v, at.a, qty, need);
  const target = riskOff
    ? Math.min(Math.abs(qty), allowed)
    : restore
      ? Math.min(Math.abs(at.startQty), allowed)
      : Math.abs(qty);
  const change = target - Math.abs(qty);
  if (Math.abs(change) > 0.01 * Math.abs(at.startQty))
    out.trade(Instrument.perp, at.a, Math.sign(qty) * change);
}
