/**
 * The textbook replication (Black & Scholes 1973; Hull ch. 19): a written call, delta-hedged with
 * spot bought on credit, the cash account earning (and paying) the risk-free rate
 * (`market.cashRate` = `market.rate`). The premium received at the Black–Scholes price then pays
 * for the hedge on average whatever the drift: mean P&L ≈ 0 at expiry, to within the discrete
 * hedging noise. Without the cash rate the hedge's borrowing (Δ·S − premium, ≈ 1 400 here) costs
 * nothing while the premium priced it at r, so the hedger keeps ≈ r·(Δ·S − premium)·T — the test
 * tells the two apart.
 */
import { describe, expect, it } from "vitest";
import { normCdf } from "../../engine/pricing/normal.js";
import { mean, run, std } from "../helpers.js";

const R = 0.1;
const S0 = 3000;
const SIGMA = 0.6;
const T = 90 / 365;

const textbook = (cashRate: number) =>
  run({
    name: "textbook",
    seed: 17,
    paths: 200,
    clock: { start: "2024-01-01T00:00:00Z", horizon: "90d", step: "1h" },
    market: {
      rate: R,
      cashRate,
      assets: { ETH: { model: { kind: "gbm", spot: S0, drift: 0.25, vol: SIGMA } } },
    },
    book: [
      { kind: "option", underlying: "ETH", right: "call", strike: "atm", expiry: "90d", qty: -1, iv: SIGMA },
    ],
    strategy: { kind: "delta-hedge", every: "1h", with: "spot" },
    report: { sampleSeries: 0, eventPaths: 0 },
  }).metrics.columns.pnl;

describe("textbook hedge with cash at the risk-free rate", () => {
  const d1 = ((R + SIGMA ** 2 / 2) * Math.sqrt(T)) / SIGMA;
  const premium = S0 * normCdf(d1) - S0 * Math.exp(-R * T) * normCdf(d1 - SIGMA * Math.sqrt(T));

  it("reproduces the Black–Scholes premium's hedging cost on average", () => {
    const pnl = textbook(R);
    const se = std(pnl) / Math.sqrt(pnl.length);
    expect(Math.abs(mean(pnl))).toBeLessThan(4 * se + 0.005 * premium);
    expect(std(pnl)).toBeLessThan(0.1 * premium); // hourly re-hedging: a tight replication
  });

  it("keeps the hedge's financing when the cash account pays no interest", () => {
    const pnl = textbook(0);
    const se = std(pnl) / Math.sqrt(pnl.length);
    // The start's borrowing, N(d1)·S0 − premium, carried at r over T: the order of the gain.
    const financing = R * T * (S0 * normCdf(d1) - premium);
    expect(mean(pnl)).toBeGreaterThan(6 * se);
    expect(Math.abs(mean(pnl) / financing - 1)).toBeLessThan(0.5);
  });
});
