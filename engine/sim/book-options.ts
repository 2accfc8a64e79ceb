/**
 * Options held outright in the book (no venue, no margin): written or bought at the path's start
 * at their Black-76 mark (at their own `iv`, or on the asset's implied-vol surface), the premium posted, and cash-settled at expiry against the oracle price
 * (the settlement price a venue would use; the market's when there is no reading yet).
 */
import { EventType } from "../events.js";
import type { OptionSpec } from "./config.js";
import type { PathRunner } from "./path-runner.js";
import { payPremium, settleOption } from "./trading.js";

/** Opens option i of the book at the start price (ATM strike: that price). */
export function openBookOption(r: PathRunner, o: OptionSpec, i: number): void {
  const b = r.book;
  const s0 = r.prices[o.asset] as number;
  b.optAsset[i] = o.asset;
  b.optCall[i] = o.isCall ? 1 : 0;
  b.optStrike[i] = o.strike ?? s0;
  b.optExpiryMs[i] = r.t + o.expiryMs;
  b.optQty[i] = o.qty;
  const iv = o.iv ?? r.ivs.volAt(o.asset, b.optStrike[i] as number, b.optExpiryMs[i] as number, s0);
  b.optIv[i] = iv;
  b.optLive[i] = 1;
  const price = b.markOption(i, s0, r.t, iv).price;
  payPremium(b, i, price);
  r.optionCash -= o.qty * price;
}

/** Settles option i at its expiry and logs the settlement. */
export function expireBookOption(r: PathRunner, i: number): void {
  const b = r.book;
  const a = b.optAsset[i] as number;
  const s = r.oracle.price[a] as number;
  const settle = s > 0 ? s : (r.prices[a] as number);
  const payoff = settleOption(b, i, settle);
  r.optionCash += (b.optQty[i] as number) * payoff;
  r.log.push(r.t, EventType.settlement, {
    account: "trader",
    asset: r.cfg.assets[a] as string,
    size: b.optQty[i] as number,
    price: settle,
    detail: `option ${i} payoff ${payoff}`,
  });
}
