/**
 * `collateral-rebalance`: hold a loan's collateral at a target mix by value (`target`, asset →
 * share, summing to 1). Every `every` it reads the shares wᵢ = cᵢ·Pᵢ / Σ cⱼ·Pⱼ at oracle prices;
 * when one has drifted more than `band` from its target it rebalances in one round of four legs,
 * `step` apart, each an intent through the execution model and the venue's rules:
 * withdraw the overweight assets' excess (wᵢ − tᵢ)·V/Pᵢ, capped by what the LTV gate allows
 * (Aave v3 ValidationLogic: Σ value·LTV ≥ debt after; free collateral / P, LTV ≤ 1), sell it for
 * the quote, buy the underweight assets with the proceeds in proportion to their shortfall, and
 * supply what was bought. The band is the classic tolerance-band rebalancing rule (Masters 2003,
 * "Rebalancing", Journal of Portfolio Management; Donohue & Yip 2003): trading only outside it
 * bounds the turnover a fixed calendar would spend on small drifts.
 */
import { InputError } from "../../engine/errors.js";
import type { Params } from "../../engine/params.js";
import type { KindDef } from "../../engine/registry.js";
import { Instrument, type IntentSink, type Strategy, type StrategyView } from "../../engine/strategy.js";
import { LENDING_KINDS, requireAsset, requireVenue, type StrategyContext } from "../types.js";

/** Share of the sale proceeds spent on buying (the rest pays fees and impact). */
const SPEND = 0.99;
const CHECK = 0;
const LEG = 1;

class CollateralRebalance implements Strategy {
  private v = -1;
  private q = -1;
  private assets: number[] = [];
  private phase = 0;
  private sold: number[] = [];
  /** Wallet quote before the round; wallet balances before the buys; quote to supply. */
  private quote0 = 0;
  private mark: number[] = [];
  private quoteIn: number[] = [];

  constructor(
    private readonly venueName: string,
    private readonly target: readonly [string, number][],
    private readonly band: number,
    private readonly everyMs: number,
    private readonly stepMs: number,
  ) {}

  start(view: StrategyView, out: IntentSink): void {
    this.v = view.venueIndex(this.venueName);
    this.q = view.assetNames.length - 1;
    this.assets = this.target.map(([name]) => view.assetIndex(name));
    this.phase = 0;
    out.setTimer(this.everyMs, CHECK);
  }

  onTimer(view: StrategyView, out: IntentSink, tag: number): void {
    if (tag === CHECK) {
      if (this.phase === 0) this.check(view, out);
      out.setTimer(this.everyMs, CHECK);
      return;
    }
    if (this.phase === 1) this.sell(view, out);
    else if (this.phase === 2) this.buy(view, out);
    else if (this.phase === 3) this.supply(view, out);
  }

  /** The collateral's value at oracle prices and each asset's excess over its target (quote). */
  private excess(view: StrategyView): number[] {
    const values = this.assets.map((a) => view.supplied(this.v, a) * view.oraclePrice(a));
    const total = values.reduce((s, x) => s + x, 0);
    return values.map((x, i) => x - (this.target[i]?.[1] as number) * total);
  }

  private check(view: StrategyView, out: IntentSink): void {
    if (!this.assets.every((a) => view.oracleUsable(a))) return;
    const ex = this.excess(view);
    const total = this.assets.reduce((s, a) => s + view.supplied(this.v, a) * view.oraclePrice(a), 0);
    if (!(total > 0) || !ex.some((e) => Math.abs(e) > this.band * total)) return;
    this.sold = this.assets.map(() => 0);
    this.quote0 = view.cash(this.q);
    let room = Math.max(0, view.freeCollateral(this.v)) * 0.99;
    for (const [i, a] of this.assets.entries()) {
      const e = ex[i] as number;
      if (!(e > 0) || !(room > 0)) continue;
      const value = Math.min(e, room);
      room -= value;
      this.sold[i] = Math.min(value / view.oraclePrice(a), view.supplied(this.v, a));
      out.withdraw(this.v, a, this.sold[i] as number);
    }
    if (this.sold.every((x) => x === 0)) return; // the LTV gate leaves no room: nothing to do
    this.next(out, 1);
  }

  /** Sells what was withdrawn (the quote, when overweight, needs no sale). */
  private sell(view: StrategyView, out: IntentSink): void {
    for (const [i, a] of this.assets.entries()) {
      const units = Math.min(this.sold[i] as number, view.cash(a));
      if (a !== this.q && units > 0) out.trade(Instrument.spot, a, -units);
    }
    this.next(out, 2);
  }

  /** Buys the underweight assets with the round's quote, in proportion to their shortfall. */
  private buy(view: StrategyView, out: IntentSink): void {
    const proceeds = (view.cash(this.q) - this.quote0) * SPEND;
    const short = this.excess(view).map((e) => Math.max(0, -e));
    const sum = short.reduce((s, x) => s + x, 0);
    this.mark = this.assets.map((a) => view.cash(a));
    this.quoteIn = this.assets.map(() => 0);
    if (proceeds > 0 && sum > 0) {
      for (const [i, a] of this.assets.entries()) {
        const value = (proceeds * (short[i] as number)) / sum;
        if (a === this.q) this.quoteIn[i] = value;
        else if (value > 0) out.trade(Instrument.spot, a, value / view.oraclePrice(a));
      }
    }
    this.next(out, 3);
  }

  private supply(view: StrategyView, out: IntentSink): void {
    for (const [i, a] of this.assets.entries()) {
      const bought = a === this.q ? (this.quoteIn[i] as number) : view.cash(a) - (this.mark[i] as number);
      if (bought > 0) out.supply(this.v, a, bought);
    }
    this.phase = 0;
  }

  private next(out: IntentSink, phase: number): void {
    this.phase = phase;
    out.setTimer(this.stepMs, LEG);
  }
}

/** The target mix: known assets, shares ≥ 0 summing to 1. @throws InputError naming strategy.target. */
function targetOf(raw: unknown, ctx: StrategyContext): [string, number][] {
  const entries = Object.entries(raw as Record<string, unknown>);
  const bad = (message: string): never => {
    throw new InputError([{ code: "bad_target", path: "strategy.target", message }]);
  };
  for (const [name, share] of entries) {
    requireAsset(ctx, name, `target.${name}`);
    if (typeof share !== "number" || !(share >= 0 && share <= 1))
      bad(`share of ${name} is ${JSON.stringify(share)}; allowed: a number from 0 to 1`);
  }
  const sum = entries.reduce((s, [, x]) => s + (x as number), 0);
  if (entries.length < 2 || Math.abs(sum - 1) > 1e-9)
    bad(
      `shares ${entries.map(([k, x]) => `${k} ${x}`).join(", ")} sum to ${sum}; allowed: two or more assets whose shares sum to 1`,
    );
  return entries as [string, number][];
}

export const collateralRebalance: KindDef<Strategy, StrategyContext> = {
  kind: "collateral-rebalance",
  summary: "Hold a loan's collateral at a target mix by value, rebalancing when a share leaves a band.",
  source: "tolerance-band rebalancing (Masters 2003); Aave v3 LTV gate on withdrawals",
  params: {
    target: { type: "record", description: "asset → share of the collateral's value (shares sum to 1)" },
    band: {
      type: "number",
      default: 0.05,
      min: 0,
      max: 1,
      description: "largest drift of a share from its target before rebalancing (0.05 = 5 points)",
    },
    every: { type: "duration", default: "1d", min: 1, description: "interval between checks" },
    step: { type: "duration", default: "1m", min: 1, description: "time between the legs of a round" },
    venue: { type: "string", optional: true, description: "lending venue (default: the first)" },
  },
  create: (p: Params, ctx) =>
    new CollateralRebalance(
      requireVenue(ctx, p["venue"], LENDING_KINDS),
      targetOf(p["target"], ctx),
      p["band"] as number,
      p["every"] as number,
      p["step"] as number,
    ),
};
