/**
 * report.html opened as a user opens it: in headless Chromium (Debian's `chromium`, driven by
 * playwright-core), offline. Every chart must have rendered an SVG with marks, the page must load
 * nothing from a network, and the console must show no error.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runScenario } from "../cli/run-command.js";

const out = mkdtempSync(join(tmpdir(), "ballast-html-"));
let dir = "";

beforeAll(async () => {
  dir = await runScenario(undefined, { out, quiet: true, paths: 30 });
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("report.html", () => {
  test("is self-contained: no script, no remote stylesheet, image or font", () => {
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']https?:/i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
  });

  test("renders every chart as an SVG with marks in headless Chromium, with no console error", async () => {
    // A fresh profile folder (Playwright passes it as --user-data-dir).
    const browser = await chromium.launchPersistentContext(mkdtempSync(join(out, "chromium-")), {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("request", (r) => {
        if (!r.url().startsWith("file:")) requests.push(r.url());
      });
      await page.goto(`file://${join(dir, "report.html")}`, { waitUntil: "load" });
      const charts = await page.$$eval("figure.chart", (figs) =>
        figs.map((f) => ({
          id: f.id,
          svg: f.querySelectorAll(":scope > svg").length,
          marks: f.querySelectorAll(
            "svg g[class*='mark-'] path, svg g[class*='mark-'] rect, svg g[class*='mark-'] line",
          ).length,
          box: f.querySelector("svg")?.getBoundingClientRect().width ?? 0,
        })),
      );
      // The demo: price, equity, margin ratio and utilisation bands; histogram; costs; attribution.
      expect(charts.map((c) => c.id)).toEqual(
        expect.arrayContaining([
          "fan-price",
          "fan-equity",
          "fan-marginRatio",
          "pnl-histogram",
          "costs",
          "attribution",
        ]),
      );
      for (const c of charts) {
        expect(c.svg, c.id).toBe(1);
        expect(c.marks, c.id).toBeGreaterThan(0);
        expect(c.box, c.id).toBeGreaterThan(100);
      }
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
