/**
 * A sweep folder's report.html opened in headless Chromium (test/chromium.ts): with two numeric
 * grid parameters (the Aave LTV example over starting LTV × volatility, 2 × 3 points), every headline metric is drawn against
 * each parameter as a line with its band and over both as a heatmap of one cell per point. Every
 * chart must render an SVG with marks and the console must show no error; each heatmap's cell
 * labels must be the metric's values read back from points.parquet.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readParquet } from "../reports/store.js";
import { renderPages } from "./chromium.js";
import { ballast, ROOT } from "./cli-harness.js";

const LTV = "book[0].debt.ltv";
const VOL = "market.assets.ETH.model.vol";
const out = mkdtempSync(join(tmpdir(), "ballast-sweep-html-out-"));
let dir = "";

beforeAll(async () => {
  // The Aave LTV example, its grid replaced by starting LTV × volatility, 20 paths a point.
  const file = join(ROOT, "scenarios/examples/aave-eth-ltv.yaml");
  const grid = ["--grid", `${LTV}=0.6,0.75`, "--grid", `${VOL}=0.4,0.8,1.2`];
  const r = await ballast("sweep", file, ...grid, "--paths", "20", "--out", out, "--quiet", "--workers", "1");
  expect(r.code, r.err).toBe(0);
  dir = r.out.split("\n")[0] as string;
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("a sweep's report.html", () => {
  test("draws lines and a heatmap per headline metric, all rendered, cells labelled with the points' values", async () => {
    const [page] = await renderPages(out, [join(dir, "report.html")]);
    if (page === undefined) throw new Error("no page");
    expect(page.errors).toEqual([]);
    expect(page.requests).toEqual([]);
    for (const c of page.charts) {
      expect(c.svg, c.id).toBe(1);
      expect(c.marks, c.id).toBeGreaterThan(0);
    }
    const ids = page.charts.map((c) => c.id);
    const heatmaps = page.charts.filter((c) => c.id.endsWith(`--${LTV}--${VOL}`));
    const metrics = heatmaps.map((c) => c.id.slice(0, -`--${LTV}--${VOL}`.length));
    expect(metrics).toEqual(expect.arrayContaining(["liquidations.probability", "pnl.mean"]));
    for (const m of metrics) expect(ids).toEqual(expect.arrayContaining([`${m}--${LTV}`, `${m}--${VOL}`]));
    const points = await readParquet(join(dir, "points.parquet"));
    expect(points).toHaveLength(6);
    for (const h of heatmaps) {
      expect(h.rects, h.id).toBe(6);
      const m = h.id.slice(0, -`--${LTV}--${VOL}`.length);
      const labels = h.labels.map((s) => Number(s.replaceAll(",", ""))).sort((a, b) => a - b);
      const values = points.map((p) => Number(p[m])).sort((a, b) => a - b);
      expect(labels, h.id).toHaveLength(6);
      labels.forEach((l, i) => {
        const v = values[i] as number;
        expect(Math.abs(l - v), `${h.id}: ${l} vs ${v}`).toBeLessThanOrEqual(
          Math.max(5e-4, 5e-3 * Math.abs(v)),
        );
      });
    }
  }, 120_000);
});
