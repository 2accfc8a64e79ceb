/**
 * Opens report.html files as a user does, in headless Chromium (Debian's `chromium`, driven by
 * playwright-core), offline, and reports what each chart rendered, the console's errors and any
 * request that left the file system. Shared by the report tests.
 */
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

/** What one `figure.chart` holds once the page has loaded. */
export interface RenderedChart {
  readonly id: string;
  /** SVG elements directly inside the figure. */
  readonly svg: number;
  /** Vega marks drawn: paths, rects and lines inside `mark-*` groups. */
  readonly marks: number;
  /** Rect marks of the chart's own layers (a heatmap's cells; axes and legends not counted). */
  readonly rects: number;
  /** Texts of the chart's own text marks (a heatmap's cell labels). */
  readonly labels: readonly string[];
  /** Rendered width of the SVG, CSS pixels. */
  readonly box: number;
}

export interface RenderedPage {
  readonly charts: readonly RenderedChart[];
  readonly errors: readonly string[];
  readonly requests: readonly string[];
}

/** Opens each file in turn in one browser (a fresh profile under `scratch`). */
export async function renderPages(scratch: string, files: readonly string[]): Promise<RenderedPage[]> {
  // A fresh profile folder (Playwright passes it as --user-data-dir).
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(scratch, "chromium-")), {
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
    const pages: RenderedPage[] = [];
    for (const file of files) {
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
      await page.goto(`file://${file}`, { waitUntil: "load" });
      const charts = await page.$$eval("figure.chart", (figs) =>
        figs.map((f) => ({
          id: f.id,
          svg: f.querySelectorAll(":scope > svg").length,
          marks: f.querySelectorAll(
            "svg g[class*='mark-'] path, svg g[class*='mark-'] rect, svg g[class*='mark-'] line",
          ).length,
          rects: f.querySelectorAll("svg g.mark-rect.role-mark > path, svg g.mark-rect.role-mark > rect")
            .length,
          labels: Array.from(
            f.querySelectorAll("svg g.mark-text.role-mark > text"),
            (t) => (t as { textContent: string | null }).textContent ?? "",
          ),
          box: f.querySelector("svg")?.getBoundingClientRect().width ?? 0,
        })),
      );
      await page.close();
      pages.push({ charts, errors, requests });
    }
    return pages;
  } finally {
    await browser.close();
  }
}
