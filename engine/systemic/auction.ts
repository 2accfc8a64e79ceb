/**
 * MakerDAO's auctions as liquidation rules of a cascade (REFERENCE "Lending: MakerDAO Liquidations
 * 2.0"; makerdao/dss `dog.sol`, `clip.sol`, `abaci.sol`, and the 2020 `flip.sol`).
 *
 * `bark` (dog.sol): an unsafe account's largest collateral goes into a lot, with
 * `tab = debt·chop` (chop = 1 + the venue's bonus); the keeper that barks earns `tip + tab·chip`
 * from the protocol. Keepers are the cascade's liquidators; one is *stalled* at a grid point when
 * its latency plus the chain's inclusion delay for its gas bid exceed the grid step.
 *
 * Clipper (Dutch): price `top·cut^⌊(t − tic)/step⌋` from `top = oracle·buf` (StairstepExponential
 * Decrease); the auction needs a reset (`redo`, same incentive) when `t − tic > tail` or
 * `price/top < cusp`, and takes nothing until then. A keeper takes when selling what it buys into the
 * market clears its gas and profit threshold: `slice = min(lot, tab/price, capital/price)`.
 *
 * Flipper (English, 2020): `tend` raises the quote bid for the whole lot by at least `beg` (any
 * first bid is accepted — with no competitor online, a lone keeper's first bid of 0 wins), up to
 * `tab`; then `dent` lowers the lot for `tab`. Within a grid point the bidding among online keepers
 * ends where the second-best valuation (quote from selling the lot now, less gas and threshold)
 * stops, capped at `tab`. The auction deals `ttl` after the last bid or `tau` after its start; with
 * no bid by `tau` it restarts. Defaults (REFERENCE, flip.sol): beg 5 %, ttl 3 h, tau 2 d; the ETH
 * flipper on 12 March 2020 ran with beg 3 %, ttl 10 min, tau 6 h (**UNVERIFIED**: cited from
 * post-mortems, not from the chain).
 *
 * Proceeds repay the account's debt first; the penalty part is protocol revenue. A lot exhausted
 * with debt left writes the rest off; a tab paid in full returns what is left of the lot.
 */
import { gasCostQuote, inclusionDelayMs } from "./chain.js";
import { writeOff } from "./fixed-bonus.js";
import type { CascadeState } from "./state.js";

/** Whether keeper l gets a transaction in within this grid step. */
function online(s: CascadeState, l: number): boolean {
  const spec = s.cfg.liquidators[l];
  if (spec === undefined || !((s.capital[l] as number) > 0)) return false;
  return spec.latencyMs + inclusionDelayMs(s.cfg.chain, spec, s.gasGwei) <= s.stepMs;
}

function gas(s: CascadeState, l: number): number {
  const c = s.cfg.chain;
  const spec = s.cfg.liquidators[l];
  if (spec === undefined) return 0;
  return gasCostQuote(c, spec, s.gasGwei, c.gasAsset >= 0 ? (s.oracle.price[c.gasAsset] as number) : 0);
}

function firstOnline(s: CascadeState): number {
  for (let l = 0; l < s.cfg.liquidators.length; l++) if (online(s, l)) return l;
  return -1;
}

/** Pays keeper l the protocol's incentive `tip + tab·chip` (dog.bark, clip.redo). */
function reward(s: CascadeState, l: number, tab: number): void {
  const quote = s.cfg.auction.tip + tab * s.cfg.auction.chip;
  s.books.incentive(quote);
  s.capital[l] = (s.capital[l] as number) + quote;
  s.out.liquidatorProfit += quote;
  s.out.incentives += quote;
}

/** Starts an auction on unsafe account a; false when no keeper is online to bark. */
export function bark(s: CascadeState, a: number): boolean {
  const l = firstOnline(s);
  if (l < 0) return false;
  const p = s.pop;
  const A = p.assets.length;
  const o = s.oracle.price;
  let i = -1;
  let best = 0;
  for (let k = 0; k < A; k++) {
    const v = (p.coll[a * A + k] as number) * (o[k] as number);
    if (v > best) {
      best = v;
      i = k;
    }
  }
  if (i < 0) return false;
  const lot = p.coll[a * A + i] as number;
  p.coll[a * A + i] = 0;
  s.books.seize(i, lot, 0, true);
  const debt = debtQuote(s, a);
  const tab = debt * (1 + (s.cfg.risk.bonus[(p.venue[a] as number) * A + i] as number));
  s.auctions.open(a, i, lot, tab, (o[i] as number) * s.cfg.auction.buf, s.t);
  s.unindex(a);
  s.noteLiquidation(a, lot * (o[i] as number));
  s.out.collateralSeized += lot * (o[i] as number);
  reward(s, l, tab);
  return true;
}

function debtQuote(s: CascadeState, a: number): number {
  const A = s.pop.assets.length;
  return (s.pop.debt[a * A + s.cfg.quote] as number) || 0;
}

/** Runs every live auction one grid point. */
export function stepAuctions(s: CascadeState): void {
  for (let x = 0; x < s.auctions.count; ) {
    const a = s.auctions.live[x] as number;
    const before = s.auctions.count;
    if (s.cfg.rule === "clipper") stepClipper(s, a);
    else stepFlipper(s, a);
    if (s.auctions.count === before) x++;
  }
}

/** Keeper l buys `q` units at `price` (quote each) and sells them into the market at once. */
function buy(s: CascadeState, a: number, l: number, q: number, paid: number): void {
  const au = s.auctions;
  const i = au.asset[a] as number;
  const A = s.pop.assets.length;
  const debtIdx = a * A + s.cfg.quote;
  const repaid = Math.min(paid, s.pop.debt[debtIdx] as number);
  s.pop.debt[debtIdx] = (s.pop.debt[debtIdx] as number) - repaid;
  s.books.auctionSale(i, q, paid, repaid, s.cfg.quote);
  const pool = s.pools[i];
  const proceeds = pool ? pool.sell(q) : q * (s.oracle.price[i] as number);
  const g = gas(s, l);
  s.books.sell(i, q, proceeds);
  s.books.gas(g);
  const profit = proceeds - paid - g;
  s.capital[l] = (s.capital[l] as number) + profit;
  const out = s.out;
  out.liquidations++;
  out.debtRepaid += repaid;
  out.protocolFees += paid - repaid;
  out.liquidatorProfit += profit;
  out.gasPaid += g;
  out.soldUnits[i] = (out.soldUnits[i] as number) + q;
  out.proceeds[i] = (out.proceeds[i] as number) + proceeds;
  if (pool) s.marketMoved(i, pool.price());
  au.lot[a] = (au.lot[a] as number) - q;
  au.tab[a] = (au.tab[a] as number) - paid;
}

/** Ends the auction of account a: a leftover lot goes back; debt the lot did not repay is written off. */
function finish(s: CascadeState, a: number): void {
  const au = s.auctions;
  const i = au.asset[a] as number;
  const left = au.lot[a] as number;
  const A = s.pop.assets.length;
  if (left > 0) {
    s.books.returnLot(i, left);
    s.pop.coll[a * A + i] = (s.pop.coll[a * A + i] as number) + left;
  }
  au.close(a);
  if (debtQuote(s, a) > 0) writeOff(s, a);
  s.indexAccount(a);
}

/** abaci.sol StairstepExponentialDecrease: `top·cut^⌊elapsed/step⌋`. */
export function clipperPrice(top: number, elapsedMs: number, cut: number, stepMs: number): number {
  return top * cut ** Math.floor(elapsedMs / stepMs);
}

function stepClipper(s: CascadeState, a: number): void {
  const c = s.cfg.auction;
  const au = s.auctions;
  const i = au.asset[a] as number;
  const elapsed = s.t - (au.ticMs[a] as number);
  let price = clipperPrice(au.top[a] as number, elapsed, c.cut, c.stepMs);
  if (elapsed > c.tailMs || price / (au.top[a] as number) < c.cusp) {
    const l = firstOnline(s);
    if (l < 0) return;
    au.top[a] = (s.oracle.price[i] as number) * c.buf;
    au.ticMs[a] = s.t;
    price = au.top[a] as number;
    reward(s, l, au.tab[a] as number);
  }
  for (let l = 0; l < s.cfg.liquidators.length; l++) {
    if (!online(s, l)) continue;
    const p = takePrice(s, a, l, price);
    if (!(p > 0)) continue;
    const q = Math.min(au.lot[a] as number, (au.tab[a] as number) / p, (s.capital[l] as number) / p);
    buy(s, a, l, q, q * p);
    if ((au.tab[a] as number) <= TAB_EPS * (1 + price) || (au.lot[a] as number) <= 0) {
      finish(s, a);
      return;
    }
  }
}

/**
 * The price keeper l takes at, or 0: the market is constant between grid points, so a keeper that
 * watches the auction takes at the first price step at or below its break-even price (quote per
 * unit from selling the slice now, less gas and threshold), which may lie above the grid point's
 * price `now`; never above the auction's top.
 */
function takePrice(s: CascadeState, a: number, l: number, now: number): number {
  const au = s.auctions;
  const i = au.asset[a] as number;
  const c = s.cfg.auction;
  const q = Math.min(au.lot[a] as number, (au.tab[a] as number) / now, (s.capital[l] as number) / now);
  if (!(q > 0)) return 0;
  const pool = s.pools[i];
  const got = pool ? pool.quoteSell(q) : q * (s.oracle.price[i] as number);
  const even = (got - gas(s, l) - (s.cfg.liquidators[l]?.minProfit ?? 0)) / q;
  if (!(even >= now)) return 0;
  const top = au.top[a] as number;
  if (even >= top) return top;
  const steps = Math.ceil(Math.log(even / top) / Math.log(c.cut) - 1e-12);
  return Math.max(now, top * c.cut ** steps);
}

/** A tab below this (relative to the price) counts as paid. */
const TAB_EPS = 1e-9;

function stepFlipper(s: CascadeState, a: number): void {
  const c = s.cfg.auction;
  const au = s.auctions;
  const t = s.t;
  const w = au.winner[a] as number;
  if (w >= 0 && (t - (au.lastBidMs[a] as number) >= c.ttlMs || t - (au.startMs[a] as number) >= c.tauMs)) {
    const won = au.wonLot[a] as number;
    buy(s, a, w, won, au.bid[a] as number);
    finish(s, a);
    return;
  }
  if (w < 0 && t - (au.startMs[a] as number) >= c.tauMs) au.startMs[a] = t; // tick: restart unbid
  const [l1, v1, v2] = valuations(s, a);
  if (l1 < 0) return;
  const tab = au.tab[a] as number;
  const bid = au.bid[a] as number;
  if (bid < tab) {
    const next = Math.min(tab, Math.max(v2, bid > 0 ? bid * (1 + c.beg) : 0));
    if ((l1 !== w || next > bid) && next <= v1) {
      au.bid[a] = next;
      au.winner[a] = l1;
      au.lastBidMs[a] = t;
    }
    return;
  }
  const lot = au.lot[a] as number;
  const dent = v2 > tab ? (lot * tab) / v2 : (au.wonLot[a] as number);
  if (dent * (1 + c.beg) <= (au.wonLot[a] as number)) {
    au.wonLot[a] = dent;
    au.winner[a] = l1;
    au.lastBidMs[a] = t;
  }
}

/** The best online keeper for a's lot, its valuation and the second-best valuation (−Infinity: none). */
function valuations(s: CascadeState, a: number): [number, number, number] {
  const au = s.auctions;
  const i = au.asset[a] as number;
  const lot = au.lot[a] as number;
  const pool = s.pools[i];
  const got = pool ? pool.quoteSell(lot) : lot * (s.oracle.price[i] as number);
  let l1 = -1;
  let v1 = Number.NEGATIVE_INFINITY;
  let v2 = Number.NEGATIVE_INFINITY;
  for (let l = 0; l < s.cfg.liquidators.length; l++) {
    if (!online(s, l)) continue;
    const v = Math.min(got - gas(s, l) - (s.cfg.liquidators[l]?.minProfit ?? 0), s.capital[l] as number);
    if (!(v >= 0)) continue;
    if (v > v1) {
      v2 = v1;
      v1 = v;
      l1 = l;
    } else if (v > v2) v2 = v;
  }
  return [l1, v1, v2];
}
