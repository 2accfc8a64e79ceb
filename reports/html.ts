/**
 * report.html: one self-contained page (no script, no stylesheet or font from a network): the
 * scenario, the manifest, the headline table with uncertainties, and the charts as inline SVG.
 */
import { type HeadlineRow, headlineRows } from "./headline.js";
import type { Summary } from "./summary.js";

/** A rendered chart: its id, caption and SVG text. */
export interface Chart {
  readonly id: string;
  readonly caption: string;
  readonly svg: string;
}

const STYLE = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:980px;color:#1d2430;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d8dde6;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{padding:.25rem .7rem;border-bottom:1px solid #e6e9ef;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}figure{margin:1rem 0}figcaption{color:#566;font-size:.9rem}
pre{background:#f5f7fa;padding:.8rem;overflow:auto;font-size:12px}`;

/** HTML-escapes text. */
export function esc(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

function rowsTable(rows: readonly HeadlineRow[]): string {
  const body = rows
    .map(
      (r) =>
        `<tr><td>${esc(r.label)}</td><td class="n">${esc(r.value)}</td><td class="n">${esc(r.uncertainty)}</td></tr>`,
    )
    .join("\n");
  return `<table><thead><tr><th>Metric</th><th>Value</th><th>± SE / 95 % interval</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function manifestTable(m: Readonly<Record<string, unknown>>): string {
  const rows = Object.entries(m)
    .filter(([k]) => k !== "eventCounts")
    .map(
      ([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(typeof v === "string" ? v : JSON.stringify(v))}</td></tr>`,
    )
    .join("\n");
  return `<table><tbody>\n${rows}\n</tbody></table>`;
}

/** The page; `scenarioText` is the scenario file as run (shown verbatim), when available. */
export function renderHtml(
  summary: Summary,
  charts: readonly Chart[],
  sections: readonly { title: string; rows: readonly HeadlineRow[] }[],
  scenarioText: string | null,
  notes: string,
): string {
  const m = summary.manifest;
  const name = esc(String(m["scenarioName"] ?? "run"));
  const figures = charts
    .map(
      (c) =>
        `<figure class="chart" id="${esc(c.id)}">${c.svg}<figcaption>${esc(c.caption)}</figcaption></figure>`,
    )
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Ballast run: ${name}</title><style>${STYLE}</style></head>
<body>
<h1>Ballast run: ${name}</h1>
<h2>Headline</h2>
${rowsTable(headlineRows(summary))}
<p>${esc(notes)}</p>
<h2>Charts</h2>
${figures}
${sections
  .filter((s) => s.rows.length > 0)
  .map((s) => `<h2>${esc(s.title)}</h2>\n${rowsTable(s.rows)}`)
  .join("\n")}
<h2>Manifest</h2>
${manifestTable(m)}
${scenarioText === null ? "" : `<h2>Scenario</h2>\n<pre>${esc(scenarioText)}</pre>`}
</body></html>
`;
}
