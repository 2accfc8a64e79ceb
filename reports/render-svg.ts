/**
 * Vega-Lite spec → SVG text, in Node: `vega-lite` compiles the spec to Vega, `vega` renders it
 * headless (no canvas, no DOM) to an SVG string that report.html embeds, so the file needs no
 * script and no network to show its charts.
 */
import { parse, View } from "vega";
import { compile } from "vega-lite";
import type { Spec } from "./charts.js";

/** Renders one chart; the SVG is deterministic for the same spec and data. */
export async function renderSvg(spec: Spec): Promise<string> {
  const vg = compile(spec as unknown as Parameters<typeof compile>[0]).spec;
  const view = new View(parse(vg), { renderer: "none", logLevel: 0 });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
