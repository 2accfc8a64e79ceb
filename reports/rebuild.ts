/**
 * `ballast report <folder>`: rebuilds summary.json, report.md and report.html from the folder's
 * tables and manifest alone (the run wrote them from the same inputs, so summary.json and
 * report.md come out byte for byte the same). Each file is written under a temporary name and
 * renamed over the old one.
 */
import { rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderMarkdown } from "./markdown.js";
import { folderKind, readColumns, readManifest } from "./read-folder.js";
import { renderRunHtml } from "./run-html.js";
import { buildSummary, renderSummaryJson } from "./summary.js";
import { renderSweepReports } from "./sweep-report.js";
import { DEFAULT_QUANTILES } from "./types.js";

/** Writes `text` to `file` atomically (temporary sibling, then rename). */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const temp = `${file}.tmp-${process.pid}`;
  try {
    await writeFile(temp, text);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Rebuilds the reports of a run or sweep folder; returns the files written. */
export async function rebuildReports(dir: string): Promise<string[]> {
  if (folderKind(dir) === "sweep") return renderSweepReports(dir);
  const manifest = readManifest(dir);
  const paths = await readColumns(join(dir, "paths.parquet"));
  const summary = buildSummary({ manifest, paths }, DEFAULT_QUANTILES);
  const html = await renderRunHtml(dir, summary);
  const files: [string, string][] = [
    ["summary.json", renderSummaryJson(summary)],
    ["report.md", renderMarkdown(summary)],
    ["report.html", html],
  ];
  for (const [name, text] of files) await writeAtomic(join(dir, name), text);
  return files.map(([name]) => join(dir, name));
}
