/**
 * Runs a generated scenario path by path through the engine's own PathRunner while watching every
 * liquidation and every option settlement from outside: the venues' `liquidate` and `settle`
 * methods are wrapped for the run, and each call is judged against the rule recomputed here from
 * the venue's raw state (balances, sizes, entry prices) and the rule parameters drawn by the
 * generator — never from the engine's own health factor, margin or event text.
 */
import { EventLog, EventType } from "../../engine/events.js";
import { Reason } from "../../engine/ledger.js";
import { normCdf } from "../../engine/pricing/normal.js";
import { PathMetrics } from "../../engine/sim/path-metrics.js";
import { PathRunner } from "../../engine/sim/path-runner.js";
import { SeriesLog } from "../../engine/sim/series.js";
import { MS_PER_YEAR } from "../../engine/units.js";
import { LendingMarket } from "../../engine/venues/lending-market.js";
import { OptionsVenue } from "../../engine/venues/options-venue.js";
import { PerpVenue } from "../../engine/venues/perp-venue.js";
import type { PriceVector } from "../../engine/venues/types.js";
import { configOf } from "../helpers.js";
import type { Case } from "./arbitraries.js";

/** One liquidation that fired, judged from outside. */
export interface LiquidationSeen {
  readonly venue: "lending" | "perp" | "options";
  /** Health recomputed here before the call: < 1 (lending HF) or equity/MM < 1 (perp, options). */
  readonly healthBefore: number;
  /** Whether the prices it was judged on are the runner's oracle prices (not the market's). */
  readonly onOracle: boolean;
  /** Smallest collateral left afterwards (lending: units supplied; perp/options: equity), quote. */
  readonly collateralAfter: number;
  /** Health recomputed here after the call, at the same prices. */
  readonly healthAfter: number;
}

export interface SettlementSeen {
  readonly price: number;
  readonly oracle: number;
  readonly strike: number;
  readonly isCall: boolean;
  /** Σ qty over accounts holding the instrument, and the settlement amount they received. */
  readonly qty: number;
  readonly paid: number;
}

export interface PathSeen {
  readonly badDebtEvents: number[];
  /** Ledger total posted as bad debt in the quote asset on this path. */
  readonly badDebtLedger: number;
  /** The path's badDebt metric (the trader's accounts). */
  readonly badDebtMetric: number;
  readonly badDebtTrader: number;
}

export interface Observed {
  readonly liquidations: LiquidationSeen[];
  readonly settlements: SettlementSeen[];
  readonly paths: PathSeen[];
}

/** Black–Scholes value at rate 0 (the options venue's default), recomputed here. */
function bs(isCall: boolean, s: number, k: number, years: number, vol: number): number {
  if (!(years > 0) || !(vol > 0)) return Math.max(isCall ? s - k : k - s, 0);
  const sd = vol * Math.sqrt(years);
  const d1 = (Math.log(s / k) + 0.5 * sd * sd) / sd;
  const d2 = d1 - sd;
  return isCall ? s * normCdf(d1) - k * normCdf(d2) : k * normCdf(-d2) - s * normCdf(-d1);
}

/** Lending HF = collateral·P·LT / debt·P for the generator's one-collateral, one-debt loans. */
function lendingHealth(m: LendingMarket, a: number, prices: PriceVector, lt: number): number {
  const eth = m.ledger.asset("ETH");
  const usdc = m.ledger.asset("USDC");
  const debt = m.debtOf(a, usdc) * (prices[usdc] as number);
  return debt > 0 ? (m.supplyOf(a, eth) * (prices[eth] as number) * lt) / debt : Infinity;
}

/** Perp equity = WB + Σ q·(mark − entry) and MM = Σ |q|·mark·mmf (flat fractions). */
function perpState(v: PerpVenue, a: number, prices: PriceVector, mmf: number): { eq: number; mm: number } {
  const q = v.qty[a] as number[];
  let eq = v.ledger.balance(v.acct[a] as number, v.quote);
  let mm = 0;
  for (let m = 0; m < q.length; m++) {
    const n = q[m] as number;
    const mark = prices[v.markets[m] as number] as number;
    eq += n * (mark - (v.entry[a] as number[])[m]!);
    mm += Math.abs(n) * mark * mmf;
  }
  return { eq, mm };
}

/** Linear standard margin: equity = cash + Σ n·mark; short MM call 0.10·S + mark, put max(0.10·S, 0.10·mark) + mark. */
function optionsState(v: OptionsVenue, a: number, t: number, prices: PriceVector) {
  let eq = v.ledger.balance(v.acct[a] as number, v.marginAsset[a] as number);
  let mm = 0;
  v.instruments.forEach((ins, i) => {
    const n = v.position(a, i);
    if (n === 0) return;
    const s = prices[ins.underlying] as number;
    const mark = bs(ins.isCall, s, ins.strike, Math.max(0, (ins.expiryMs - t) / MS_PER_YEAR), ins.vol);
    eq += n * mark;
    if (n < 0) mm += -n * ((ins.isCall ? 0.1 * s : Math.max(0.1 * s, 0.1 * mark)) + mark);
  });
  return { eq, mm };
}

/** Equity over maintenance margin (∞ without a requirement). */
function ratio(s: { eq: number; mm: number }): number {
  return s.mm > 0 ? s.eq / s.mm : Infinity;
}

type Patch = [object, string, (orig: (...args: never[]) => unknown) => (...args: never[]) => unknown];

function withPatches<T>(patches: Patch[], body: () => T): T {
  const saved = patches.map(([proto, name]) => (proto as Record<string, unknown>)[name]);
  patches.forEach(([proto, name, wrap], k) => {
    (proto as Record<string, unknown>)[name] = wrap(saved[k] as (...args: never[]) => unknown);
  });
  try {
    return body();
  } finally {
    patches.forEach(([proto, name], k) => {
      (proto as Record<string, unknown>)[name] = saved[k];
    });
  }
}

export function observe(c: Case): Observed {
  const cfg = configOf(c.scenario);
  const events = new EventLog();
  const metrics = new PathMetrics(cfg.paths);
  const runner = new PathRunner(cfg, metrics, events, new SeriesLog());
  const liquidations: LiquidationSeen[] = [];
  const settlements: SettlementSeen[] = [];
  const r = c.rule;
  const lending = (orig: (...args: never[]) => unknown) =>
    function (this: LendingMarket, ...args: unknown[]) {
      const a = args[1] as number;
      const prices = args[5] as PriceVector;
      const healthBefore = lendingHealth(this, a, prices, r["lt"] as number);
      const out = orig.apply(this, args as never[]);
      const eth = this.ledger.asset("ETH");
      const left = Math.min(this.supplyOf(a, eth), this.ledger.balance(this.acct[a] as number, eth));
      liquidations.push({
        venue: "lending",
        healthBefore,
        onOracle: prices === runner.oracleL,
        collateralAfter: left,
        healthAfter: lendingHealth(this, a, prices, r["lt"] as number),
      });
      return out;
    };
  const selfLiquidating = <V extends PerpVenue | OptionsVenue>(
    venue: "perp" | "options",
    state: (v: V, a: number, t: number, p: PriceVector) => { eq: number; mm: number },
  ) =>
    ((orig: (...args: never[]) => unknown) =>
      function (this: V, t: number, a: number, prices: PriceVector) {
        const before = state(this, a, t, prices);
        const fired = orig.call(this, t as never, a as never, prices as never);
        if (fired) {
          const after = state(this, a, t, prices);
          liquidations.push({
            venue,
            healthBefore: ratio(before),
            onOracle: prices === runner.oracleL,
            collateralAfter: after.eq,
            healthAfter: ratio(after),
          });
        }
        return fired;
      }) as Patch[2];
  const settle = (orig: (...args: never[]) => unknown) =>
    function (this: OptionsVenue, t: number, i: number, s: number, prices: PriceVector) {
      const ins = this.instruments[i]!;
      let qty = 0;
      for (let a = 0; a < this.owners.length; a++) qty += this.position(a, i);
      const flow = () => this.ledger.flow(Reason.settlement, this.quote);
      const before = flow();
      const out = orig.call(this, t as never, i as never, s as never, prices as never);
      const oracle = runner.oracleL[ins.underlying] as number;
      settlements.push({
        price: s,
        oracle,
        strike: ins.strike,
        isCall: ins.isCall,
        qty,
        paid: flow() - before,
      });
      return out;
    };
  const patches: Patch[] = [
    [LendingMarket.prototype, "liquidate", lending as Patch[2]],
    [
      PerpVenue.prototype,
      "liquidate",
      selfLiquidating<PerpVenue>("perp", (v, a, _t, p) => perpState(v, a, p, r["mmf"] ?? 0)),
    ],
    [OptionsVenue.prototype, "liquidate", selfLiquidating<OptionsVenue>("options", optionsState)],
    [OptionsVenue.prototype, "settle", settle as Patch[2]],
  ];
  const paths: PathSeen[] = [];
  withPatches(patches, () => {
    for (let p = 0; p < cfg.paths; p++) {
      const from = events.length;
      runner.run(p, false, p);
      const l = runner.book.ledger;
      const badDebtEvents: number[] = [];
      let badDebtTrader = 0;
      for (let k = from; k < events.length; k++) {
        if (events.type[k] !== EventType.badDebt) continue;
        badDebtEvents.push(events.amounts.badDebt[k] as number);
        if (events.account[k] === "trader") badDebtTrader += events.amounts.badDebt[k] as number;
      }
      paths.push({
        badDebtEvents,
        badDebtLedger: l.flow(Reason.badDebt, l.asset("USDC")),
        badDebtMetric: metrics.columns.badDebt[p] as number,
        badDebtTrader,
      });
    }
  });
  return { liquidations, settlements, paths };
}
