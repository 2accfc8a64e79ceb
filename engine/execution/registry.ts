/**
 * The execution kinds (DESIGN: extension points): impact, latency and gas, each a typed registry.
 * Fee schedules are read by `readFeeSchedule` (fees.ts). Mapped types make a forgotten kind a
 * compile error (STYLE 4). Impact models are stateful (AMM): create one per path or `reset` it.
 */
import type { Issue } from "../errors.js";
import { join, type Params } from "../params.js";
import { type KindDef, Registry } from "../registry.js";
import { AmmImpact } from "./amm.js";
import { DepthImpact } from "./depth.js";
import { CongestedGas, FixedGas, NoGas } from "./gas.js";
import { dailyVolFromAnnual, FixedImpact, LinearImpact, NoImpact, SqrtImpact } from "./impact-basic.js";
import { BlocksLatency, CongestedLatency, FixedLatency } from "./latency.js";
import type { GasModel, ImpactModel, LatencyModel } from "./types.js";

const dailyVolume = {
  type: "number",
  description: "daily traded volume V, in quote (Q = |qty·mid| is compared with it)",
  default: 5e8,
  min: 0,
  exclusiveMin: true,
} as const;

const gasUnits = {
  type: "integer",
  description: "gas units per transaction",
  default: 180000,
  min: 0,
} as const;

export type ImpactKind = "none" | "fixed" | "linear" | "sqrt" | "amm" | "depth";

const IMPACT: { readonly [K in ImpactKind]: KindDef<ImpactModel> } = {
  none: { kind: "none", summary: "no price impact", params: {}, create: () => new NoImpact() },
  fixed: {
    kind: "fixed",
    summary: "a constant concession in bps on any non-zero size",
    params: { bps: { type: "number", description: "concession in bps", default: 5, min: 0 } },
    create: (p) => new FixedImpact(p["bps"] as number),
  },
  linear: {
    kind: "linear",
    summary: "I = coefficient · |qty·mid| / dailyVolume (coefficient 1: 1 % of volume costs 1 %)",
    source: "small-size limit of the square-root law (REFERENCE: Execution costs)",
    params: {
      coefficient: { type: "number", description: "concession per unit of Q/V", default: 1, min: 0 },
      dailyVolume,
    },
    create: (p) => new LinearImpact(p["coefficient"] as number, p["dailyVolume"] as number),
  },
  sqrt: {
    kind: "sqrt",
    summary: "square-root law I = Y · σ_daily · √(Q/V)",
    source: "Tóth et al., PRX 1, 021006 (2011); Bouchaud et al., Trades, Quotes and Prices (2018), ch. 12",
    params: {
      coefficient: { type: "number", description: "Y, of order one (0.5–1 typical)", default: 0.7, min: 0 },
      annualVol: {
        type: "number",
        description: "annualised volatility; σ_daily = annualVol/√365",
        default: 0.8,
        min: 0,
      },
      dailyVol: {
        type: "number",
        description: "σ_daily directly (overrides annualVol)",
        optional: true,
        min: 0,
      },
      dailyVolume,
    },
    create: (p) =>
      new SqrtImpact(
        p["coefficient"] as number,
        p["dailyVol"] !== undefined
          ? (p["dailyVol"] as number)
          : dailyVolFromAnnual(p["annualVol"] as number),
        p["dailyVolume"] as number,
      ),
  },
  amm: {
    kind: "amm",
    summary: "constant-product pool x·y = k with fee; reserves move with fills and recover (half-life)",
    source: "Uniswap v2 getAmountOut; REFERENCE: Execution costs, constant-product AMM",
    params: {
      reserveQuote: {
        type: "number",
        description: "quote reserve y₀ at reset (x₀ = y₀/mid)",
        default: 1e7,
        min: 0,
        exclusiveMin: true,
      },
      fee: {
        type: "number",
        description: "pool fee f (Uniswap v2: 0.003)",
        default: 0.003,
        min: 0,
        max: 0.5,
      },
      halfLife: {
        type: "duration",
        description: "arbitrage halves the reserves' displacement every halfLife (0: at once)",
        default: "12s",
        min: 0,
      },
      maxPriceMove: {
        type: "number",
        description: "largest pool price move one fill may cause (router price limit)",
        default: 0.1,
        min: 0,
        exclusiveMin: true,
      },
    },
    create: (p) =>
      new AmmImpact(
        p["reserveQuote"] as number,
        p["fee"] as number,
        p["halfLife"] as number,
        p["maxPriceMove"] as number,
      ),
  },
  depth: {
    kind: "depth",
    summary: "piecewise-linear cumulative book depth vs distance from mid; partial fills beyond it",
    params: {
      levelsBps: {
        type: "numbers",
        description: "price distances of the levels, bps, increasing (illustrative default)",
        default: [5, 20, 50, 100],
        min: 0,
        exclusiveMin: true,
      },
      depthQuote: {
        type: "numbers",
        description: "cumulative depth at each level, quote, increasing (illustrative default)",
        default: [1e5, 1e6, 5e6, 1e7],
        min: 0,
        exclusiveMin: true,
      },
    },
    check: checkDepth,
    create: (p) => new DepthImpact(p["levelsBps"] as number[], p["depthQuote"] as number[]),
  },
};

function checkDepth(p: Params, path: string, issues: Issue[]): void {
  const bps = p["levelsBps"] as number[];
  const depth = p["depthQuote"] as number[];
  if (bps.length !== depth.length || bps.length === 0) {
    issues.push({
      code: "wrong_length",
      path: join(path, "depthQuote"),
      message: `found ${depth.length} depths for ${bps.length} levels; allowed: one depth per level, at least one`,
    });
    return;
  }
  for (const [key, list] of [
    ["levelsBps", bps],
    ["depthQuote", depth],
  ] as const) {
    for (let k = 1; k < list.length; k++) {
      if ((list[k] as number) <= (list[k - 1] as number)) {
        issues.push({
          code: "out_of_range",
          path: join(join(path, key), k),
          message: `found ${list[k]} after ${list[k - 1]}; allowed: strictly increasing values`,
        });
      }
    }
  }
}

export type LatencyKind = "fixed" | "blocks" | "congested";

const LATENCY: { readonly [K in LatencyKind]: KindDef<LatencyModel> } = {
  fixed: {
    kind: "fixed",
    summary: "a constant delay",
    params: { delay: { type: "duration", description: "delay to inclusion", default: "12s", min: 0 } },
    create: (p) => new FixedLatency(p["delay"] as number),
  },
  blocks: {
    kind: "blocks",
    summary: "n blocks of blockMs",
    params: {
      blocks: { type: "integer", description: "blocks to inclusion", default: 1, min: 0 },
      blockMs: { type: "duration", description: "block time (Ethereum: 12s)", default: "12s", min: 0 },
    },
    create: (p) => new BlocksLatency(p["blocks"] as number, p["blockMs"] as number),
  },
  congested: {
    kind: "congested",
    summary: "min(base + slope·stress, max) + uniform jitter",
    params: {
      base: { type: "duration", description: "delay in a calm market", default: "12s", min: 0 },
      slope: {
        type: "number",
        description: "extra ms per unit of stress (|log return| per √hour)",
        default: 600000,
        min: 0,
      },
      max: { type: "duration", description: "cap on the stressed delay", default: "10m", min: 0 },
      jitter: { type: "duration", description: "extra delay, uniform on [0, jitter)", default: "0s", min: 0 },
    },
    create: (p) =>
      new CongestedLatency(
        p["base"] as number,
        p["slope"] as number,
        p["max"] as number,
        p["jitter"] as number,
      ),
  },
};

export type GasKind = "none" | "fixed" | "congested";

const GAS: { readonly [K in GasKind]: KindDef<GasModel> } = {
  none: { kind: "none", summary: "no gas cost (off-chain venue)", params: {}, create: () => new NoGas() },
  fixed: {
    kind: "fixed",
    summary: "units × priceGwei × 1e−9 × gas-asset price",
    source: "REFERENCE: Execution costs, Gas",
    params: {
      units: gasUnits,
      priceGwei: { type: "number", description: "gas price, gwei", default: 20, min: 0 },
    },
    create: (p) => new FixedGas(p["units"] as number, p["priceGwei"] as number),
  },
  congested: {
    kind: "congested",
    summary: "gas price min(priceGwei·(1 + sensitivity·stress), capGwei)",
    source: "12 Mar 2020 ≈ 80–100 gwei (3–5×), 19 May 2021 ≈ 700 gwei, peaks > 1 000 (REFERENCE)",
    params: {
      units: gasUnits,
      priceGwei: { type: "number", description: "gas price in a calm market, gwei", default: 20, min: 0 },
      sensitivity: { type: "number", description: "k in ×(1 + k·stress)", default: 15, min: 0 },
      capGwei: { type: "number", description: "gas price cap, gwei", default: 1000, min: 0 },
    },
    create: (p) =>
      new CongestedGas(
        p["units"] as number,
        p["priceGwei"] as number,
        p["sensitivity"] as number,
        p["capGwei"] as number,
      ),
  },
};

export const impactKinds = new Registry<ImpactModel>("impact model", Object.values(IMPACT));
export const latencyKinds = new Registry<LatencyModel>("latency model", Object.values(LATENCY));
export const gasKinds = new Registry<GasModel>("gas model", Object.values(GAS));
