/**
 * Scenario grids of a portfolio (unified) margin (REFERENCE "Portfolio (unified) margin:
 * scenario-grid rules"): the requirement is the worst loss of the account over a grid of price and
 * volatility moves, so offsetting positions net.
 *
 * - **SPAN** (CME "Risk Arrays"; the standard SPAN tables of Euronext and NSE): 16 scenarios, price
 *   moves in multiples of the price scan range and vol moves of ± the volatility scan range —
 *   1–2: price 0, vol ±1; 3–6: price ±1/3, vol ±1; 7–10: ±2/3; 11–14: ±1 (each with vol up and
 *   down); 15–16: price ±`extremeMove` (2 in REFERENCE) scan ranges, vol unchanged, of which only
 *   `extremeFraction` (35 %) of the loss counts.
 * - **Deribit S:PM** (support article "Portfolio Margin"; `private/pme/simulate` model parameters,
 *   BTC 2024): price moves over ±`price_range` (0.16) in 9 evenly spaced buckets including 0, each
 *   with three vol scenarios (up `volatility_range_up` 0.5, same, down `volatility_range_down`
 *   0.25); an extended table of large moves (−66 %, −33 %, +50 %, +100 % … +500 %) on vol-up only,
 *   counted at a fraction. Maintenance = `mm_factor` (0.8) × the worst loss (applied by the caller).
 *
 * Vol moves are recorded for completeness: a population's positions (loans, perps) are linear, so
 * their loss depends on the price move only.
 */

export type GridKind = "span" | "deribit-pm";

/** One row per scenario: relative price move, vol move, and the share of the loss that counts. */
export interface ScenarioGrid {
  readonly kind: GridKind;
  readonly price: Float64Array;
  readonly vol: Float64Array;
  readonly weight: Float64Array;
}

export interface GridParams {
  /** SPAN's price scan range, or Deribit's `price_range` (relative move, e.g. 0.16). */
  readonly priceScan: number;
  /** SPAN's volatility scan range (vol moves ±1 of it); Deribit: `volatility_range_up`. */
  readonly volUp: number;
  /** Deribit `volatility_range_down`; SPAN uses `volUp` both ways. */
  readonly volDown: number;
  /** SPAN's extreme move in scan ranges (REFERENCE: 2). */
  readonly extremeMove: number;
  /** Share of an extreme (SPAN) or extended (Deribit) move's loss that counts (SPAN: 0.35). */
  readonly extremeFraction: number;
}

/** Deribit's extended table of large moves (REFERENCE; "… +500 %" read as steps of 100 %). */
export const DERIBIT_EXTENDED_MOVES: readonly number[] = [-0.66, -0.33, 0.5, 1, 2, 3, 4, 5];

/** SPAN's 16 risk scenarios in the standard order (scenario i is row i − 1). */
export function spanGrid(g: GridParams): ScenarioGrid {
  const price: number[] = [];
  const vol: number[] = [];
  const weight: number[] = [];
  const add = (p: number, v: number, w: number) => {
    price.push(p * g.priceScan);
    vol.push(v * g.volUp);
    weight.push(w);
  };
  add(0, 1, 1);
  add(0, -1, 1);
  for (const third of [1, 2, 3]) {
    for (const sign of [1, -1]) {
      add((sign * third) / 3, 1, 1);
      add((sign * third) / 3, -1, 1);
    }
  }
  add(g.extremeMove, 0, g.extremeFraction);
  add(-g.extremeMove, 0, g.extremeFraction);
  return {
    kind: "span",
    price: Float64Array.from(price),
    vol: Float64Array.from(vol),
    weight: Float64Array.from(weight),
  };
}

/** Deribit S:PM: 9 buckets × 3 vol scenarios, then the extended moves on vol-up. */
export function deribitGrid(g: GridParams): ScenarioGrid {
  const price: number[] = [];
  const vol: number[] = [];
  const weight: number[] = [];
  for (let b = 0; b < 9; b++) {
    const p = g.priceScan * (-1 + b / 4);
    for (const v of [g.volUp, 0, -g.volDown]) {
      price.push(p);
      vol.push(v);
      weight.push(1);
    }
  }
  for (const p of DERIBIT_EXTENDED_MOVES) {
    price.push(p);
    vol.push(g.volUp);
    weight.push(g.extremeFraction);
  }
  return {
    kind: "deribit-pm",
    price: Float64Array.from(price),
    vol: Float64Array.from(vol),
    weight: Float64Array.from(weight),
  };
}

export function scenarioGrid(kind: GridKind, g: GridParams): ScenarioGrid {
  return kind === "span" ? spanGrid(g) : deribitGrid(g);
}

/**
 * Worst counted loss of a linear exposure `x` (quote value of a net long position; negative: net
 * short) over the grid: `max(0, maxₛ −x·moveₛ·weightₛ)`. For a long this is x times the largest
 * weighted fall, for a short |x| times the largest weighted rise.
 */
export function worstLoss(grid: ScenarioGrid, x: number): number {
  let worst = 0;
  const n = grid.price.length;
  for (let s = 0; s < n; s++) {
    const loss = -x * (grid.price[s] as number) * (grid.weight[s] as number);
    if (loss > worst) worst = loss;
  }
  return worst;
}

/** The largest weighted fall and rise of the grid: `worstLoss(x) = x·fall` (x > 0) or `|x|·rise`. */
export function gridSpan(grid: ScenarioGrid): { fall: number; rise: number } {
  return { fall: worstLoss(grid, 1), rise: worstLoss(grid, -1) };
}
