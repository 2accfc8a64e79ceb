/**
 * Gas kinds: the quote-currency cost of one transaction.
 * cost = units × price(gwei) × 10⁻⁹ × gas-asset price; e.g. Aave v3 `liquidationCall` 393 192 gas ×
 * 200 gwei × 150 USD ≈ 11.8 USD (REFERENCE: Execution costs, Gas; aave-dao/aave-v3-origin
 * `snapshots/Pool.Operations.json`).
 */
import type { GasModel } from "./types.js";

const GWEI = 1e-9;

export class NoGas implements GasModel {
  readonly usesStress = false;
  costQuote(): number {
    return 0;
  }
}

export class FixedGas implements GasModel {
  readonly usesStress = false;
  private readonly perUnitPrice: number;
  constructor(
    readonly units: number,
    readonly priceGwei: number,
  ) {
    this.perUnitPrice = units * priceGwei * GWEI;
  }
  costQuote(_t: number, gasAssetPrice: number): number {
    return this.perUnitPrice * gasAssetPrice;
  }
}

/**
 * Gas price rising with market stress: price = min(base·(1 + sensitivity·stress), cap) gwei.
 * Calibration points (REFERENCE: Execution costs, Gas; Stress events): 12–13 Mar 2020 ≈ 80–100 gwei
 * average, 3–5× normal, at stress ≈ 0.2 (sensitivity ≈ 10–20); 19 May 2021 ≈ 700 gwei average,
 * peaks above 1 000 (the default cap).
 */
export class CongestedGas implements GasModel {
  readonly usesStress = true;
  constructor(
    readonly units: number,
    readonly baseGwei: number,
    readonly sensitivity: number,
    readonly capGwei: number,
  ) {}
  /** Gas price in gwei at the given stress. */
  priceGwei(stress: number): number {
    return Math.min(this.baseGwei * (1 + this.sensitivity * Math.max(0, stress)), this.capGwei);
  }
  costQuote(_t: number, gasAssetPrice: number, stress: number): number {
    return this.units * this.priceGwei(stress) * GWEI * gasAssetPrice;
  }
}
