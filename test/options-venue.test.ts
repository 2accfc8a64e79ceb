/**
 * Options written on a margined venue, inside the loop (Deribit-style standard margin, linear
 * variant; engine/venues/options-*). Checked against closed forms and invariants:
 * - a path never liquidated ends with premium − qty·max(S_T − K, 0), the Black–Scholes premium
 *   computed here independently, settled against the oracle (ideal: the last market price);
 * - buy-backs at mark are fair (optional stopping: the mark is a martingale under the pricing
 *   measure), so margined and outright books differ on average only by the liquidation penalties;
 * - too little collateral for the initial margin: the venue refuses the sale, which is bad input.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../engine/errors.js";
import { EventType } from "../engine/events.js";
import { normCdf } from "../engine/pricing/normal.js";
import { mean, run, std } from "./helpers.js";

const T = 14 / 365;
const written = (extra: Record<string, unknown>) => ({
  kind: "option",
  underlying: "ETH",
  right: "call",
  strike: "atm",
  expiry: "14d",
  qty: -10,
  iv: 0.8,
  ...extra,
});
const scenario = (option: Record<string, unknown>, paths = 1500) => ({
  name: "venue-call",
  seed: 5,
  paths,
  clock: { start: "2024-01-01T00:00:00Z", horizon: "14d", step: "1h" },
  market: { assets: { ETH: { model: { kind: "gbm", spot: 3000, vol: 0.8 } } } },
  venues: { opt: { kind: "options-standard" } },
  book: [option],
  strategy: { kind: "hold" },
  report: { sampleSeries: 0, eventPaths: 0 },
});

describe("options on a margined venue", () => {
  const margined = run(scenario(written({ venue: "opt", collateral: 8000 })));
  const outright = run(scenario(written({})));
  const m = margined.metrics.columns;
  const o = outright.metrics.columns;
  const d1 = (0.8 * Math.sqrt(T)) / 2;
  const premium = 3000 * (normCdf(d1) - normCdf(-d1));

  it("settles unliquidated paths at premium − payoff against the oracle", () => {
    let checked = 0;
    for (let p = 0; p < m.pnl.length; p++) {
      if ((m.liquidations[p] as number) > 0) continue;
      const payoff = Math.max((m.finalPrice[p] as number) - 3000, 0);
      expect(m.optionPnl[p]).toBeCloseTo(10 * (premium - payoff), 6);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    const settlements = margined.events.type.filter((t) => t === EventType.settlement).length;
    expect(settlements).toBe(m.pnl.length);
  });

  it("liquidates some paths by buy-back, and costs on average only the penalties", () => {
    const liquidated = Array.from(m.liquidations).filter((x) => x > 0).length;
    expect(liquidated).toBeGreaterThan(50);
    const diff = m.pnl.map((x, i) => x - (o.pnl[i] as number));
    const se = std(diff) / Math.sqrt(diff.length);
    expect(Math.abs(mean(diff) + mean(m.optionsLiquidationPenalty))).toBeLessThan(4 * se);
    expect(mean(m.badDebt)).toBe(0);
  });

  it("settles on the time-weighted oracle reading over the window before expiry when the venue asks for a TWAP", () => {
    const twap = run({
      ...scenario(written({ venue: "opt", collateral: 20000 }), 6),
      venues: { opt: { kind: "options-standard", settlementWindow: "24h" } },
      report: { sampleSeries: 6, eventPaths: 6 },
    });
    const ev = twap.events;
    const se = twap.series;
    for (let p = 0; p < 6; p++) {
      const i = ev.type.findIndex((t, k) => t === EventType.settlement && ev.path[k] === p);
      expect(i).toBeGreaterThanOrEqual(0);
      // Ideal oracle: each hourly price holds for an hour, so over [T − 24 h, T] the mean is that of
      // the 24 hourly prices before expiry (the expiry's own reading holds for no time).
      const prices = se.values.price.filter((_, k) => se.path[k] === p);
      const window = prices.slice(-25, -1);
      expect(ev.price[i]).toBeCloseTo(window.reduce((a, b) => a + b, 0) / 24, 9);
    }
  });

  it("refuses the sale when collateral does not cover the initial margin (bad input, exit 2)", () => {
    // IM per short call (linear standard margin): max(0.15 − OTM/S, 0.10)·S + mark = 450 + 273.9 per unit,
    // so 10 calls need ≈ 7 239 of equity; 6 000 does not cover it.
    expect(() => run(scenario(written({ venue: "opt", collateral: 6000 }), 20))).toThrow(InputError);
    expect(() => run(scenario(written({ venue: "opt", collateral: 6000 }), 20))).toThrow(
      /book\[0\]\.collateral: venue "opt" refuses this option trade/,
    );
  });
});
