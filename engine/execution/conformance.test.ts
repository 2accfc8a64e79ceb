/**
 * Conformance suite for every impact kind (STYLE 5), through `quoteFill`:
 * zero size costs zero; slippage and fee are never negative; the slippage cost and the fractional
 * impact never decrease with |size|, on both sides; fills never exceed the order.
 * Every registered kind must have variants below (a missing one fails the coverage test).
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import { FillQuote, quoteFill } from "./quote.js";
import { type ImpactKind, impactKinds } from "./registry.js";
import type { ImpactModel } from "./types.js";

const T0 = 1_704_067_200_000;
const MID = 2000;
const FEES = { maker: 0.0002, taker: 0.0005 };

const VARIANTS: { readonly [K in ImpactKind]: readonly Record<string, unknown>[] } = {
  none: [{}],
  fixed: [{}, { bps: 0 }, { bps: 30 }],
  linear: [{}, { coefficient: 0.2, dailyVolume: 1e6 }],
  sqrt: [{}, { coefficient: 1, dailyVol: 0.1, dailyVolume: 1e6 }],
  amm: [{}, { reserveQuote: 2e6, fee: 0.003, maxPriceMove: 0.5 }, { fee: 0, maxPriceMove: 5 }],
  depth: [{}, { levelsBps: [10, 30], depthQuote: [1e5, 3e5] }],
};

function makeImpact(raw: Record<string, unknown>): ImpactModel {
  const issues: Issue[] = [];
  const c = impactKinds.read(raw, "impact", issues);
  expect(issues).toEqual([]);
  const m = c!.def.create(c!.params);
  m.reset(MID, T0);
  return m;
}

/** Order sizes in base units, from 1e-4 to 1e5, log-spaced. */
const SIZES = Array.from({ length: 91 }, (_, k) => 10 ** (-4 + k / 10));

const cases = Object.entries(VARIANTS).flatMap(([kind, vs]) =>
  vs.map((params, v) => ({ name: `${kind}#${v}`, kind, params })),
);

describe("impact conformance", () => {
  it("covers every registered kind", () => {
    expect(impactKinds.kinds().sort()).toEqual(Object.keys(VARIANTS).sort());
  });

  describe.each(cases)("$name", ({ kind, params }) => {
    const model = makeImpact({ kind, ...params });

    it("zero size costs zero", () => {
      expect(model.impact(0, MID, T0)).toBe(0);
      const q = quoteFill(0, MID, T0, model, FEES);
      expect([q.filledQty, q.slippageQuote, q.feeQuote, q.rejected, q.avgPrice]).toEqual([
        0,
        0,
        0,
        false,
        MID,
      ]);
    });

    it.each([1, -1])("side %i: cost ≥ 0 and non-decreasing in |size|, fills ≤ the order", (side) => {
      const q = new FillQuote();
      const errors: string[] = [];
      let prevCost = 0;
      let prevImpact = 0;
      let prevFilled = 0;
      for (const size of SIZES) {
        quoteFill(side * size, MID, T0, model, FEES, false, q);
        const impact = Math.abs(q.avgPrice / MID - 1);
        const filled = Math.abs(q.filledQty);
        if (!(q.slippageQuote >= 0 && q.feeQuote >= 0)) errors.push(`${size}: negative cost`);
        if (Math.sign(q.filledQty) !== side && !q.rejected) errors.push(`${size}: wrong side`);
        if (filled > size * (1 + 1e-12)) errors.push(`${size}: overfilled ${filled}`);
        if (q.slippageQuote < prevCost * (1 - 1e-12))
          errors.push(`${size}: cost fell ${prevCost} → ${q.slippageQuote}`);
        if (filled >= prevFilled && impact < prevImpact * (1 - 1e-12)) errors.push(`${size}: impact fell`);
        if (Math.abs(q.slippageQuote - filled * Math.abs(q.avgPrice - MID)) > 1e-9 * (1 + q.slippageQuote)) {
          errors.push(`${size}: slippage ≠ |filled|·|avg − mid|`);
        }
        prevCost = q.slippageQuote;
        prevImpact = impact;
        prevFilled = filled;
      }
      expect(errors).toEqual([]);
    });

    it("quoting does not move the model", () => {
      const before = quoteFill(-3, MID, T0, model, FEES).avgPrice;
      quoteFill(500, MID, T0, model, FEES);
      expect(quoteFill(-3, MID, T0, model, FEES).avgPrice).toBe(before);
    });
  });
});
