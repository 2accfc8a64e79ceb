/**
 * report.html opened as a user opens it: in headless Chromium (test/chromium.ts), offline. Every
 * chart must have rendered an SVG with marks, the page must load nothing from a network, and the
 * console must show no error. The demo (one perp account) and a loan hedged with a perp (two venue
 * accounts: a health-factor and a margin-ratio chart of each).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runScenario } from "../cli/run-command.js";
import { type RenderedPage, renderPages } from "./chromium.js";

const ROOT = resolve(import.meta.dirname, "..");
const out = mkdtempSync(join(tmpdir(), "ballast-html-"));
let dir = "";
let hedged = "";

beforeAll(async () => {
  dir = await runScenario(undefined, { out, quiet: true, paths: 30 });
  const file = join(ROOT, "scenarios/examples/loan-perp-hedge.yaml");
  hedged = await runScenario(file, { out, quiet: true, paths: 8 });
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

function expectRendered(page: RenderedPage): void {
  for (const c of page.charts) {
    expect(c.svg, c.id).toBe(1);
    expect(c.marks, c.id).toBeGreaterThan(0);
    expect(c.box, c.id).toBeGreaterThan(100);
  }
  expect(page.errors).toEqual([]);
  expect(page.requests).toEqual([]);
}

describe("report.html", () => {
  test("is self-contained: no script, no remote stylesheet, image or font", () => {
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']https?:/i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
  });

  test("renders every chart as an SVG with marks in headless Chromium, with no console error", async () => {
    const [demo, loan] = await renderPages(out, [join(dir, "report.html"), join(hedged, "report.html")]);
    // The demo: price, equity, margin ratio and utilisation bands; histogram; costs; attribution.
    expect(demo?.charts.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        "fan-price",
        "fan-equity",
        "fan-marginRatio",
        "pnl-histogram",
        "costs",
        "attribution",
      ]),
    );
    // One account: no per-account charts (the book-level bands show it).
    expect(demo?.charts.filter((c) => c.id.startsWith("account-"))).toEqual([]);
    expectRendered(demo as RenderedPage);
    // Two accounts: one chart each, in venue order (lend, perp).
    expect(loan?.charts.map((c) => c.id)).toEqual(
      expect.arrayContaining(["fan-healthFactor", "fan-marginRatio", "account-0", "account-1"]),
    );
    expectRendered(loan as RenderedPage);
    const html = readFileSync(join(hedged, "report.html"), "utf8");
    expect(html).toContain("Health factor of the loan at lend");
    expect(html).toContain("Margin ratio of the perp account at perp");
  }, 90_000);
});
