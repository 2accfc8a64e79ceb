/**
 * An option overlay on a holding, rolled: write calls over it (`covered-call`) or buy puts under
 * it (`protective-put`) on an options venue, `qty` contracts at a strike `otm` away from the
 * oracle price (or at a target `delta`), expiring `tenor` later; when one expires (the venue
 * settles it against the oracle), the next is opened. Margin for the venue account is posted from
 * the wallet at the start (`margin`, quote).
 */
import type { ParamSpecs, Params } from "../engine/params.js";
import type { IntentSink, Strategy, StrategyView } from "../engine/strategy.js";
import { requireAsset, requireVenue, type StrategyContext } from "./types.js";

export interface OverlaySpec {
  readonly isCall: boolean;
  /** Written (−1) or bought (+1). */
  readonly side: -1 | 1;
}

class Overlay implements Strategy {
  private v = -1;
  private a = -1;

  constructor(
    private readonly spec: OverlaySpec,
    private readonly venueName: string,
    private readonly assetName: string,
    private readonly p: Params,
  ) {}

  start(view: StrategyView, out: IntentSink): void {
    this.v = view.venueIndex(this.venueName);
    this.a = view.assetIndex(this.assetName);
    const margin = this.p["margin"] as number;
    if (margin > 0) out.addMargin(this.v, margin);
    this.open(view, out);
  }

  onTimer(view: StrategyView, out: IntentSink): void {
    this.open(view, out);
  }

  /** Opens the next option and wakes up just after its expiry to roll. */
  private open(view: StrategyView, out: IntentSink): void {
    const tenor = this.p["tenor"] as number;
    const expiryMs = view.timeMs + tenor;
    const s = view.oraclePrice(this.a);
    const otm = this.p["otm"] as number;
    const delta = this.p["delta"] as number | undefined;
    const strike = delta === undefined ? s * (this.spec.isCall ? 1 + otm : 1 - otm) : undefined;
    out.tradeOption(
      this.v,
      {
        asset: this.a,
        isCall: this.spec.isCall,
        expiryMs,
        ...(strike !== undefined
          ? { strike }
          : { delta: this.spec.isCall ? (delta as number) : -(delta as number) }),
        iv: this.p["iv"] as number,
      },
      this.spec.side * (this.p["qty"] as number),
    );
    if (expiryMs < view.endMs) out.setTimer(tenor + 1);
  }
}

export const OVERLAY_PARAMS: ParamSpecs = {
  qty: { type: "number", default: 1, min: 0, exclusiveMin: true, description: "contracts per roll" },
  otm: {
    type: "number",
    default: 0.1,
    min: 0,
    description: "strike distance from the oracle price (0.1 = 10 % out of the money)",
  },
  delta: { type: "number", optional: true, min: 0, max: 1, description: "target |delta| instead of otm" },
  tenor: {
    type: "duration",
    default: "7d",
    min: 1,
    description: "time to expiry of each option; rolled at expiry",
  },
  iv: {
    type: "number",
    default: 0.8,
    min: 0,
    exclusiveMin: true,
    description: "implied vol the options are listed at",
  },
  margin: {
    type: "number",
    default: 0,
    min: 0,
    description: "quote moved from the wallet to the venue account at the start",
  },
  venue: {
    type: "string",
    optional: true,
    description: "options venue (default: the first options-standard)",
  },
  asset: { type: "string", optional: true, description: "underlying (default: the first asset)" },
};

export function createOverlay(spec: OverlaySpec, p: Params, ctx: StrategyContext): Strategy {
  const venue = requireVenue(ctx, p["venue"], ["options-standard"]);
  return new Overlay(spec, venue, requireAsset(ctx, p["asset"], "asset") ?? (ctx.assets[0] as string), p);
}
