/**
 * Threshold recommendations on Black Thursday (scenarios/examples/black-thursday-recommend.yaml):
 * the real 12–13 March 2020 hours and a Monte-Carlo crash of the same shape, over LT × bonus ×
 * auction. Checked against an independent recomputation of the rule from the points' own
 * summaries (one-sided Wilson bound written out here), with the English auction and stalled
 * keepers leaving more loss on the replay than the Dutch one at every LT and bonus. 2 000
 * accounts and 8 paths keep it quick; the 100 000-account figure is measured by hand (README).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/cli/bin.js");
const SCENARIO = join(ROOT, "scenarios/examples/black-thursday-recommend.yaml");
const SMALL = ["--set", "population.generate.accounts=2000", "--paths", "8", "--quiet"];
const LT = "venues.maker.assets.ETH.lt";
const BONUS = "venues.maker.assets.ETH.bonus";

function ballast(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
}

interface Point {
  params: Record<string, unknown>;
  loss: number;
  k: number;
  n: number;
  sampled: boolean;
}

/** One-sided Wilson upper bound at z (Wilson 1927), written out independently of reports/. */
function wilsonUpper(k: number, n: number, z: number): number {
  const p = k / n;
  const d = 1 + (z * z) / n;
  return Math.min(
    1,
    (p + (z * z) / (2 * n)) / d + (z / d) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n)),
  );
}

describe("recommending liquidation thresholds on Black Thursday", () => {
  const out = mkdtempSync(join(tmpdir(), "ballast-recommend-"));
  const r = ballast(["sweep", SCENARIO, "--grid", `${LT}=0.7,0.75`, "--out", out, ...SMALL]);
  const dir = r.stdout.trim().split("\n")[0] as string;

  it("writes the table, the heatmaps and the rows the table is built from", () => {
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    const points: Point[] = summary.points.map(
      (p: { folder: string; parameters: Record<string, unknown> }) => {
        const m = JSON.parse(readFileSync(join(dir, p.folder, "summary.json"), "utf8")).metrics;
        const e = m.p_loss_above_target;
        return {
          params: p.parameters,
          loss: m.loss_usd.mean,
          k: e.exceeding,
          n: e.paths,
          sampled: e.sampled === 1,
        };
      },
    );
    expect(points).toHaveLength(16);
    // The recommendation, recomputed: bound per point, worst case over the two stresses, highest LT below 5 %.
    const z = 1.6448536269514722; // Φ⁻¹(0.95)
    const bound = (p: Point) => (p.sampled ? wilsonUpper(p.k, p.n, z) : p.k / p.n);
    for (const row of summary.recommendation.rows) {
      const mine = points.filter(
        (p) =>
          String(p.params[BONUS]) === row.design[BONUS] &&
          p.params["cascade.rule"] === row.design["cascade.rule"],
      );
      const ok = [0.7, 0.75].filter((lt) =>
        mine.filter((p) => p.params[LT] === lt).every((p) => bound(p) < 0.05),
      );
      expect(row.lt).toBe(ok.length > 0 ? Math.max(...ok) : null);
    }
    expect(summary.recommendation.rows).toHaveLength(4);
    const md = readFileSync(join(dir, "report.md"), "utf8");
    expect(md).toContain("## Recommended liquidation thresholds");
    expect(md).toContain("### Stress: market.presets = []\n");
    const html = readFileSync(join(dir, "report.html"), "utf8");
    for (const rule of ["flipper", "clipper"]) expect(html).toContain(`--cascade.rule_=_${rule}"`);
    // 2 heatmaps (one per auction) of LT × bonus, 4 cells each, marked ✓ where the worst case
    // over the stresses is acceptable; a cell's label is drawn as a <text> and in its aria-label.
    let good = 0;
    for (const rule of ["flipper", "clipper"])
      for (const lt of [0.7, 0.75])
        for (const bonus of [0.05, 0.13]) {
          const cell = points.filter(
            (p) => p.params["cascade.rule"] === rule && p.params[LT] === lt && p.params[BONUS] === bonus,
          );
          if (cell.every((p) => bound(p) < 0.05)) good++;
        }
    expect((html.match(/>✓ \d/g) ?? []).length).toBe(good);
    expect((html.match(/>✗ \d/g) ?? []).length).toBe(8 - good);
  });

  it("rebuilds report.md byte for byte from the folder", () => {
    const before = readFileSync(join(dir, "report.md"), "utf8");
    const again = ballast(["report", dir]);
    expect(again.status).toBe(0);
    expect(readFileSync(join(dir, "report.md"), "utf8")).toBe(before);
  });

  it("loses more on the replay with English auctions and stalled keepers than with Dutch ones", () => {
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    const replay = summary.points.filter(
      (p: { parameters: Record<string, unknown> }) => p.parameters["market.assets.ETH"] === undefined,
    );
    const lossOf = (rule: string, lt: number, bonus: number) => {
      const p = replay.find(
        (q: { parameters: Record<string, unknown> }) =>
          q.parameters["cascade.rule"] === rule && q.parameters[LT] === lt && q.parameters[BONUS] === bonus,
      );
      return JSON.parse(readFileSync(join(dir, p.folder, "summary.json"), "utf8")).metrics.bad_debt_usd
        .mean as number;
    };
    for (const lt of [0.7, 0.75])
      for (const bonus of [0.05, 0.13]) {
        const flip = lossOf("flipper", lt, bonus);
        expect(flip).toBeGreaterThan(0);
        expect(lossOf("clipper", lt, bonus)).toBeLessThan(0.5 * flip);
      }
  });

  it("refuses bad settings with exit 2, naming the flag and the field", () => {
    const bad = ballast(["sweep", SCENARIO, "--confidence", "1.5", "--out", out, ...SMALL]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("recommend.confidence");
    expect(bad.stderr).toContain("--confidence");
    const metric = ballast(["sweep", SCENARIO, "--metric", "pnl", "--out", out, ...SMALL]);
    expect(metric.status).toBe(2);
    expect(metric.stderr).toMatch(/recommend\.metric.*loss, bad-debt/);
    const demo = join(ROOT, "scenarios/examples/demo.yaml");
    const position = ballast([
      "sweep",
      demo,
      "--grid",
      "paths=2",
      "--target",
      "0.01",
      "--out",
      out,
      "--quiet",
    ]);
    expect(position.status).toBe(2);
    expect(position.stderr).toContain("--target");
  });
});
