/**
 * Resolves the margin rule of a population run (engine/systemic/portfolio-margin.ts): the
 * unified rule's scenario grid from `cascade.portfolio`, and the perp legs' venue rule from the
 * scenario's `perp-linear` venue (its maintenance tiers per market, liquidation fee and insurance
 * fund). `rule` overrides `cascade.margin` (the comparison runs the other rule too).
 */
import { type GridKind, scenarioGrid } from "../../engine/systemic/margin-grid.js";
import type { MarginRule, MarginSpec, PerpLegSpec } from "../../engine/systemic/portfolio-margin.js";
import { perpConfig } from "../../engine/venues/perp-config.js";
import type { SystemicSpec } from "../../scenarios/schema/systemic.js";
import type { Scenario } from "../../scenarios/schema/types.js";

/** Deribit S:PM's `mm_factor` (REFERENCE); SPAN's scanning risk is the requirement itself. */
const DEFAULT_MM_FACTOR: Readonly<Record<GridKind, number>> = { span: 1, "deribit-pm": 0.8 };

export function marginSpec(
  s: Scenario,
  spec: SystemicSpec,
  assets: readonly string[],
  rule = spec.cascade["margin"] as MarginRule,
): MarginSpec {
  const p = spec.margin.portfolio;
  const kind = p["grid"] as GridKind;
  return {
    rule,
    grid: scenarioGrid(kind, {
      priceScan: p["priceScan"] as number,
      volUp: p["volUp"] as number,
      volDown: p["volDown"] as number,
      extremeMove: p["extremeMove"] as number,
      extremeFraction: p["extremeFraction"] as number,
    }),
    mmFactor: (p["mmFactor"] as number | undefined) ?? DEFAULT_MM_FACTOR[kind],
    contingency: p["contingency"] as number,
    perp: perpLeg(s, spec, assets),
  };
}

function perpLeg(s: Scenario, spec: SystemicSpec, assets: readonly string[]): PerpLegSpec | null {
  const name = spec.margin.perpVenue;
  if (name === undefined) return null;
  const cfg = perpConfig((s.venues[name] as { params: Record<string, unknown> }).params);
  return {
    tiers: assets.map((a, k) => (k === 0 ? null : (cfg.markets[a] ?? cfg.tiers))),
    liquidationFee: cfg.liquidationFee,
    insuranceFund: cfg.insuranceFund,
  };
}

/** The other rule, for `compareMargin`. */
export function otherRule(rule: MarginRule): MarginRule {
  return rule === "siloed" ? "unified" : "siloed";
}
