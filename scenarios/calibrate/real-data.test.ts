/**
 * Sensible figures on real data: Binance ETHUSDT hourly closes, 2020-01-01 → 2022-04-11
 * (../shared/data, see its README). The series has 14 real gaps of 1–6 hours; they are treated as
 * ordinary steps here (≈ 0.3 % of the returns), which the loose bounds absorb.
 * Skipped, with this reason, when the shared data folder is not present.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MS_PER_HOUR } from "../../engine/units.js";
import { calibrateGarch } from "./garch.js";
import { calibrateGbm } from "./gbm.js";
import { calibrateHeston } from "./heston.js";
import { calibrateMerton } from "./merton.js";

const file = join(dirname(fileURLToPath(import.meta.url)), "../../../shared/data/eth-usdt-2020-2022-1h.csv");
const present = existsSync(file);

function closes(): Float64Array {
  const lines = readFileSync(file, "utf8").trim().split("\n");
  const col = lines[0]!.split(",").indexOf("close");
  return Float64Array.from(lines.slice(1), (l) => Number(l.split(",")[col]));
}

describe.skipIf(!present)("calibration on ETH hourly 2020–2022", () => {
  const prices = present ? closes() : new Float64Array();

  it("GBM vol is between 0.5 and 1.5 a year", () => {
    const fit = calibrateGbm(prices, MS_PER_HOUR);
    expect(fit.n).toBe(19_918);
    expect(fit.params["vol"]).toBeGreaterThan(0.5);
    expect(fit.params["vol"]).toBeLessThan(1.5);
  });

  it("GARCH persistence α + β is between 0.8 and 1, with α > 0", () => {
    const fit = calibrateGarch(prices, MS_PER_HOUR);
    expect(fit.extra["persistence"]).toBeGreaterThan(0.8);
    expect(fit.extra["persistence"]).toBeLessThan(1);
    expect(fit.params["alpha"]).toBeGreaterThan(0);
    expect(fit.params["vol"]).toBeGreaterThan(0.5);
    expect(fit.params["vol"]).toBeLessThan(1.5);
  });

  it("Merton captures the fat tails: better likelihood than GBM, diffusive vol below GBM's, and says so", () => {
    // GBM is Merton with λ = 0, so the MLE can never do worse; hourly ETH is far from normal.
    const fit = calibrateMerton(prices, MS_PER_HOUR);
    const gbm = calibrateGbm(prices, MS_PER_HOUR);
    expect(fit.params["lambda"]).toBeGreaterThan(1);
    expect(fit.params["vol"]).toBeLessThan(gbm.params["vol"] as number);
    expect(fit.logLikelihood).toBeGreaterThan((gbm.logLikelihood as number) + 100);
    expect(fit.notes.join(" ")).toMatch(/fat tails/);
  });

  it("Heston: long-run vol √θ between 0.5 and 1.5, κ > 0, ξ > 0", () => {
    const fit = calibrateHeston(prices, MS_PER_HOUR);
    expect(Math.sqrt(fit.params["theta"] as number)).toBeGreaterThan(0.5);
    expect(Math.sqrt(fit.params["theta"] as number)).toBeLessThan(1.5);
    expect(fit.params["kappa"]).toBeGreaterThan(0);
    expect(fit.params["xi"]).toBeGreaterThan(0);
  });
});
