/**
 * `collateral-topup`: keep a loan's health factor above `trigger` from a reserve held in the
 * wallet (a `cash` book entry). Watching the health factor on every oracle update (the price the
 * venue sees), it supplies the `asset` that lifts HF back to `target`:
 * HF = Σ cᵢ·Pᵢ·LTᵢ / D, so x units of an asset with threshold LT at price P add x·P·LT and
 * x = (target·D − HF·D) / (P·LT) (Aave v3 health factor: REFERENCE "Lending"). With `with: repay`
 * it repays y = (D − HF·D/target) / P of the debt asset instead. A top-up in flight is not
 * repeated for `wait`; the timer re-checks every `every` in case one fell short. When the reserve runs out the
 * last top-up is what is left, the next is refused by the venue (a `rejected` event: the deposit
 * exceeds the wallet balance) and the strategy stops trying. With `from`, the reserve is supplied
 * at another lending venue and each top-up is a transfer on an `execution.transfers` route: it
 * backs nothing until it arrives, the route's delay later.
 */
import type { Params } from "../../engine/params.js";
import type { KindDef } from "../../engine/registry.js";
import type { IntentSink, Strategy, StrategyView } from "../../engine/strategy.js";
import { LENDING_KINDS, requireAsset, requireVenue, type StrategyContext } from "../types.js";

class CollateralTopup implements Strategy {
  private v = -1;
  private a = -1;
  private inFlightUntil = 0;
  private exhausted = false;

  constructor(
    private readonly venueName: string,
    private readonly assetName: string | undefined,
    private readonly repay: boolean,
    private readonly trigger: number,
    private readonly target: number,
    private readonly everyMs: number,
    private readonly waitMs: number,
    private readonly fromName: string | undefined,
  ) {}

  /** Venue the reserve is held at (−1: the wallet). */
  private from = -1;

  start(view: StrategyView, out: IntentSink): void {
    this.v = view.venueIndex(this.venueName);
    this.a = this.assetName === undefined ? this.defaultAsset(view) : view.assetIndex(this.assetName);
    this.inFlightUntil = 0;
    this.exhausted = false;
    this.from = this.fromName === undefined ? -1 : view.venueIndex(this.fromName);
    out.watchHealth(this.v, this.trigger);
    out.setTimer(this.everyMs);
  }

  /** Supply mode: the first asset the loan holds as collateral; repay mode: the first it owes. */
  private defaultAsset(view: StrategyView): number {
    for (let a = 0; a < view.assetNames.length; a++) {
      if (this.repay ? view.debt(this.v, a) > 0 : view.supplied(this.v, a) > 0) return a;
    }
    return 0;
  }

  onTimer(view: StrategyView, out: IntentSink): void {
    this.check(view, out);
    out.setTimer(this.everyMs);
  }

  onTrigger(view: StrategyView, out: IntentSink): void {
    this.check(view, out);
  }

  private check(view: StrategyView, out: IntentSink): void {
    if (view.refusals().length > 0) this.exhausted = true;
    const hf = view.healthFactor(this.v);
    if (this.exhausted || hf >= this.trigger || view.timeMs < this.inFlightUntil) return;
    const d = view.debtValue(this.v);
    const p = view.oraclePrice(this.a);
    const need = this.repay
      ? Math.min((d - (hf * d) / this.target) / p, view.debt(this.v, this.a))
      : ((this.target - hf) * d) / (p * view.liquidationThreshold(this.v, this.a));
    if (!(need > 0) || !Number.isFinite(need)) return;
    const reserve = this.from >= 0 ? view.supplied(this.from, this.a) : view.cash(this.a);
    const amount = reserve > 0 && reserve < need ? reserve : need;
    if (this.repay) out.repay(this.v, this.a, amount);
    else if (this.from >= 0) out.transfer(this.from, this.v, this.a, amount);
    else out.supply(this.v, this.a, amount);
    this.inFlightUntil = view.timeMs + this.waitMs;
  }
}

export const collateralTopup: KindDef<Strategy, StrategyContext> = {
  kind: "collateral-topup",
  summary: "Keep a loan's health factor above a trigger by supplying (or repaying) from a wallet reserve.",
  source: "Aave v3 health factor Σ value·LT / debt (REFERENCE: Lending)",
  params: {
    venue: {
      type: "string",
      optional: true,
      description: "lending venue (default: the first aave-v3/compound-v3)",
    },
    asset: {
      type: "string",
      optional: true,
      description:
        "asset to supply or repay (default: the loan's first collateral, or first debt with: repay)",
    },
    with: {
      type: "enum",
      values: ["supply", "repay"],
      default: "supply",
      description: "top up collateral or repay debt",
    },
    trigger: {
      type: "number",
      default: 1.2,
      min: 1,
      description: "act when the health factor falls below this",
    },
    target: { type: "number", default: 1.5, min: 1, description: "health factor restored by a top-up" },
    every: {
      type: "duration",
      default: "1h",
      min: 1,
      description: "re-check interval besides the oracle trigger",
    },
    wait: {
      type: "duration",
      default: "5m",
      min: 0,
      description: "no second top-up this soon after one (in flight; cover a transfer's delay)",
    },
    from: {
      type: "string",
      optional: true,
      description: "lending venue holding the reserve, moved by a transfer (default: the wallet)",
    },
  },
  check: (p, path, issues) => {
    if (p["from"] !== undefined && p["with"] === "repay")
      issues.push({
        code: "bad_combination",
        path: `${path}.from`,
        message: "a transfer tops up collateral; allowed: from with with: supply",
      });
    if ((p["target"] as number) <= (p["trigger"] as number)) {
      issues.push({
        code: "out_of_range",
        path: `${path}.target`,
        message: `found ${p["target"]}; allowed: a target above trigger (${p["trigger"]})`,
      });
    }
  },
  create: (p: Params, ctx) =>
    new CollateralTopup(
      requireVenue(ctx, p["venue"], LENDING_KINDS),
      requireAsset(ctx, p["asset"], "asset"),
      p["with"] === "repay",
      p["trigger"] as number,
      p["target"] as number,
      p["every"] as number,
      p["wait"] as number,
      p["from"] === undefined ? undefined : requireVenue(ctx, p["from"], LENDING_KINDS, "from"),
    ),
};
