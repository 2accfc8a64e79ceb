/** Every calibrator's snippet is valid YAML that the price-model registry accepts as is. */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Issue } from "../../engine/errors.js";
import { MS_PER_HOUR } from "../../engine/units.js";
import { priceModelKinds } from "../models/registry.js";
import { buildModel, simulate } from "../models/test-util.js";
import { CALIBRATORS, type CalibratedKind, toScenarioSnippet } from "./index.js";
import { formatNumber } from "./snippet.js";

describe("toScenarioSnippet round trip", () => {
  const grid = { startMs: 0, stepMs: MS_PER_HOUR, steps: 24 * 200 };
  const model = buildModel({ kind: "garch", spot: 2000, vol: 0.9, alpha: 0.08, beta: 0.88 });
  const { price } = simulate(model, grid, "snippet");

  it.each(Object.keys(CALIBRATORS) as CalibratedKind[])("%s snippet passes the registry", (kind) => {
    const fit = CALIBRATORS[kind](price, MS_PER_HOUR);
    const doc = parse(toScenarioSnippet("ETH", kind, fit.params)) as { ETH: { model: unknown } };
    const issues: Issue[] = [];
    const c = priceModelKinds.read(doc.ETH.model, "ETH.model", issues);
    expect(issues).toEqual([]);
    expect(c?.def.kind).toBe(kind);
    for (const [k, v] of Object.entries(fit.params)) {
      expect(Math.abs((c?.params[k] as number) - v)).toBeLessThanOrEqual(Math.abs(v) * 1e-5);
    }
  });

  it("formats numbers with six significant digits", () => {
    expect(formatNumber(0.123456789)).toBe("0.123457");
    expect(formatNumber(-3.0e-7)).toBe("-3e-7");
    expect(formatNumber(1234567.89)).toBe("1234570");
  });
});
