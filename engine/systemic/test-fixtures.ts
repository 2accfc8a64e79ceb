/** Builders for the systemic tests: a two-asset (ETH collateral, USDC debt) set-up with one venue. */

import type { ExoPath } from "./cascade.js";
import type { ChainSpec, LiquidatorSpec, PoolSpec, SystemicConfig } from "./config.js";
import { allocPopulation, type Population } from "./population.js";

export const ASSETS = ["ETH", "USDC"] as const;
export const ETH = 0;
export const USDC = 1;

/** A population of ETH-collateral, USDC-debt accounts: [eth, usdc] pairs. */
export function ethLoans(rows: readonly (readonly [number, number])[]): Population {
  const p = allocPopulation(rows.length, ASSETS, ["lend"]);
  rows.forEach(([c, d], a) => {
    p.coll[a * 2 + ETH] = c;
    p.debt[a * 2 + USDC] = d;
  });
  return p;
}

/** Clipper ETH-A (REFERENCE) and flip.sol's defaults. */
export const MAKER_ETH_A = {
  buf: 1.2,
  tailMs: 140 * 60_000,
  cusp: 0.4,
  stepMs: 90_000,
  cut: 0.99,
  chip: 0.001,
  tip: 300,
  beg: 0.05,
  ttlMs: 3 * 3_600_000,
  tauMs: 2 * 86_400_000,
};

export const NO_GAS: ChainSpec = {
  gasUnits: 0,
  baseGwei: 0,
  gasAsset: -1,
  inclusionMs: 0,
  gasPerMove: 0,
  gasPerPending: 0,
  delayPerShortGweiMs: 0,
};

export const EAGER: LiquidatorSpec = {
  name: "eager",
  latencyMs: 0,
  capital: 1e12,
  gasBidGwei: 0,
  minProfit: -1e12,
};

export interface TestSetup {
  readonly lt?: number;
  readonly bonus?: number;
  readonly closeFactor?: number;
  readonly protocolFee?: number;
  readonly pool?: PoolSpec;
  readonly liquidators?: readonly LiquidatorSpec[];
  readonly chain?: ChainSpec;
  readonly reserve?: number;
}

export function testConfig(o: TestSetup = {}): SystemicConfig {
  const pair = (eth: number, usdc: number) => Float64Array.of(eth, usdc);
  return {
    assets: ASSETS,
    quote: USDC,
    venues: ["lend"],
    risk: {
      lt: pair(o.lt ?? 0.8, 0),
      bonus: pair(o.bonus ?? 0.1, 0.05),
      protocolFee: pair(o.protocolFee ?? 0, 0),
      closeFactor: pair(1, o.closeFactor ?? 1),
    },
    rule: "fixed-bonus",
    auction: MAKER_ETH_A,
    pools: [o.pool ?? { depthQuote: 100_000, fee: 0, halfLifeMs: Number.POSITIVE_INFINITY }, null],
    oracle: { kind: "ideal", delayMs: 0, deviation: 0, heartbeatMs: 3_600_000 },
    liquidators: o.liquidators ?? [EAGER],
    chain: o.chain ?? NO_GAS,
    reserve: o.reserve ?? 0,
    recheckMs: 0,
    profileBucketMs: 60_000,
    checkConservation: true,
  };
}

/** An ETH path on a one-minute grid from `prices`; USDC at 1. */
export function ethPath(prices: readonly number[]): ExoPath {
  return {
    grid: { startMs: 0, stepMs: 60_000, steps: prices.length - 1 },
    price: [Float64Array.from(prices), null],
  };
}
