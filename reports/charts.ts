/**
 * Vega-Lite specifications of report.html's charts: plain data in, a spec out (rendered to SVG by
 * reports/render-svg.ts). No chart draws anything by hand.
 */
import type { Row } from "./store.js";

/** A Vega-Lite spec (JSON). */
export type Spec = Record<string, unknown>;

const WIDTH = 640;
const HEIGHT = 220;

/** Schema, title, size and data of a single-data chart. */
function frame(title: string, rows: readonly Row[]): Spec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title,
    width: WIDTH,
    height: HEIGHT,
    data: { values: rows },
  };
}

/** Quantile bands over time: 5–95 % and 25–75 % areas and the median line (rows from chart-data `bands`). */
export function bandChart(title: string, rows: readonly Row[], yTitle: string): Spec {
  const x = { field: "t", type: "temporal", title: "time (UTC)" };
  const area = (lo: string, hi: string, opacity: number) => ({
    mark: { type: "area", opacity, color: "#4c78a8" },
    encoding: {
      x,
      y: { field: lo, type: "quantitative", title: yTitle, scale: { zero: false } },
      y2: { field: hi },
    },
  });
  return {
    ...frame(title, rows),
    layer: [
      area("q0", "q4", 0.2),
      area("q1", "q3", 0.35),
      { mark: { type: "line", color: "#1f3b5a" }, encoding: { x, y: { field: "q2", type: "quantitative" } } },
    ],
  };
}

/** PnL histogram with −VaR and −ES at 95 % marked as rules. */
export function pnlHistogramChart(rows: readonly Row[], var95: number | null, es95: number | null): Spec {
  const marks = [
    ...(var95 === null ? [] : [{ label: "VaR 95 %", pnl: -var95 }]),
    ...(es95 === null ? [] : [{ label: "ES 95 %", pnl: -es95 }]),
  ];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: "PnL per path (VaR and ES at 95 % marked)",
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: rows },
        mark: { type: "bar", color: "#4c78a8" },
        encoding: {
          x: { field: "x0", type: "quantitative", title: "PnL (quote)", bin: { binned: true } },
          x2: { field: "x1" },
          y: { field: "paths", type: "quantitative", title: "paths" },
        },
      },
      {
        data: { values: marks },
        mark: { type: "rule", strokeWidth: 2 },
        encoding: {
          x: { field: "pnl", type: "quantitative" },
          color: { field: "label", type: "nominal", title: null, scale: { range: ["#e45756", "#b279a2"] } },
        },
      },
    ],
  };
}

/** Liquidations per hour, stacked by venue. */
export function liquidationTimelineChart(rows: readonly Row[]): Spec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: "Liquidations of the trader's accounts per hour (all paths)",
    width: WIDTH,
    height: HEIGHT,
    data: { values: rows },
    mark: { type: "bar" },
    encoding: {
      x: { field: "hour", type: "temporal", title: "time (UTC)" },
      y: { field: "liquidations", type: "quantitative", title: "liquidations" },
      color: { field: "venue", type: "nominal" },
    },
  };
}

/** Horizontal bars of mean per path with ±1.96 SE error bars. */
export function meanBarChart(
  title: string,
  rows: readonly { label: string; mean: number; se: number }[],
): Spec {
  const values = rows.map((r) => ({ ...r, lo: r.mean - 1.96 * r.se, hi: r.mean + 1.96 * r.se }));
  const y = { field: "label", type: "nominal", title: null, sort: null };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title,
    width: WIDTH,
    data: { values },
    layer: [
      {
        mark: { type: "bar", color: "#4c78a8" },
        encoding: { y, x: { field: "mean", type: "quantitative", title: "mean per path (quote), ±1.96 SE" } },
      },
      {
        mark: { type: "rule", color: "#222" },
        encoding: { y, x: { field: "lo", type: "quantitative" }, x2: { field: "hi" } },
      },
    ],
  };
}

/**
 * A metric against one grid parameter, with its 95 % interval as a band (sweep folders). Rows hold
 * `x`, `value`, `lower`, `upper` and, when the sweep has a second parameter, `series` (one line
 * and band per value of it); the axis titles carry the real names, which may contain dots.
 */
export function gridLineChart(
  title: string,
  rows: readonly Row[],
  param: string,
  metric: string,
  series?: string,
): Spec {
  const x = { field: "x", type: "quantitative", title: param, scale: { zero: false } };
  const color = series === undefined ? {} : { color: { field: "series", type: "nominal", title: series } };
  return {
    ...frame(title, rows),
    layer: [
      {
        mark: { type: "area", opacity: 0.2, ...(series === undefined ? { color: "#4c78a8" } : {}) },
        encoding: {
          x,
          y: { field: "lower", type: "quantitative", title: metric },
          y2: { field: "upper" },
          ...color,
        },
      },
      {
        mark: { type: "line", point: true, ...(series === undefined ? { color: "#1f3b5a" } : {}) },
        encoding: { x, y: { field: "value", type: "quantitative" }, ...color },
      },
    ],
  };
}

/**
 * A metric over two grid parameters (sweep folders): one cell per point, coloured by the metric's
 * value on a perceptually uniform scale and labelled with it. Rows hold `x`, `y`, `value`, `label`
 * and `ink` (the label's colour, chosen against the cell's).
 */
export function gridHeatmapChart(
  title: string,
  rows: readonly Row[],
  px: string,
  py: string,
  metric: string,
): Spec {
  const x = { field: "x", type: "ordinal", title: px, sort: "ascending", axis: { labelAngle: 0 } };
  const y = { field: "y", type: "ordinal", title: py, sort: "descending" };
  return {
    ...frame(title, rows),
    layer: [
      {
        mark: { type: "rect" },
        encoding: {
          x,
          y,
          color: { field: "value", type: "quantitative", title: metric, scale: { scheme: "viridis" } },
        },
      },
      {
        mark: { type: "text", fontSize: 10 },
        encoding: {
          x,
          y,
          text: { field: "label" },
          color: { condition: { test: "datum.ink === 'white'", value: "white" }, value: "black" },
        },
      },
    ],
  };
}
