/**
 * The perp columns of a population snapshot (README "Unified versus siloed margin"): an account
 * may hold one perpetual position on the scenario's perp-linear venue, given as `perp_<ASSET>`
 * (signed size in units of ASSET, negative = short; empty = 0) for any market asset but the quote,
 * `perp_entry` (its entry price, quote per unit, > 0 when a size is given) and `perp_margin`
 * (the perp account's margin, quote, ≥ 0). The engine keeps `cash = margin − size·entry`. A row
 * with two non-zero perp sizes, a size without an entry price, a non-numeric or negative margin
 * is bad input naming file, row and column.
 */
import type { Population } from "../engine/systemic/population.js";
import { cellIssue, type IssueList } from "./issues.js";

/** Whether a header column belongs to the perp columns. */
export function isPerpColumn(name: string): boolean {
  return name.startsWith("perp_");
}

interface PerpLayout {
  readonly size: { readonly col: number; readonly k: number }[];
  readonly entry: number;
  readonly margin: number;
}

function layoutOf(
  file: string,
  header: readonly string[],
  assets: readonly string[],
  issues: IssueList,
): PerpLayout | null {
  const size: { col: number; k: number }[] = [];
  header.forEach((name, col) => {
    if (!isPerpColumn(name) || name === "perp_entry" || name === "perp_margin") return;
    const k = assets.indexOf(name.slice(5));
    if (k <= 0) {
      const msg = `unknown perp market "${name.slice(5)}"; allowed: perp_<ASSET> with ASSET one of ${assets.slice(1).join(", ")}, perp_entry, perp_margin`;
      issues.add(cellIssue("unknown_asset", file, 1, name, msg));
      return;
    }
    size.push({ col, k });
  });
  const entry = header.indexOf("perp_entry");
  const margin = header.indexOf("perp_margin");
  if (size.length === 0 && entry < 0 && margin < 0) return null;
  for (const [col, name] of [
    [entry, "perp_entry"],
    [margin, "perp_margin"],
  ] as const) {
    if (col < 0 && size.length > 0) {
      const msg = "perp_<ASSET> columns need perp_entry and perp_margin columns";
      issues.add(cellIssue("missing_column", file, 1, name, msg));
    }
  }
  return { size, entry, margin };
}

function num(
  file: string,
  text: string | undefined,
  line: number,
  column: string,
  issues: IssueList,
): number {
  const t = (text ?? "").trim();
  if (t === "") return 0;
  const v = Number(t);
  if (Number.isFinite(v)) return v;
  const msg = `found ${JSON.stringify(t)}; allowed: a finite number or empty for 0`;
  issues.add(cellIssue("not_a_number", file, line, column, msg));
  return 0;
}

/** Fills the population's perp arrays from the table; problems go to `issues`. Returns whether any perp is held. */
export function readPerpColumns(
  file: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  lines: readonly number[],
  p: Population,
  issues: IssueList,
): boolean {
  const layout = layoutOf(file, header, p.assets, issues);
  if (!layout || layout.entry < 0 || layout.margin < 0) return false;
  let any = false;
  rows.forEach((cells, a) => {
    if (cells.length !== header.length) return; // reported as a ragged row
    const line = lines[a] as number;
    const margin = num(file, cells[layout.margin], line, "perp_margin", issues);
    if (margin < 0)
      issues.add(
        cellIssue("negative", file, line, "perp_margin", `found ${margin}; allowed: a margin ≥ 0 (quote)`),
      );
    let held = 0;
    for (const { col, k } of layout.size) {
      const size = num(file, cells[col], line, header[col] as string, issues);
      if (size === 0) continue;
      if (++held > 1) {
        const msg = "a second perp position; allowed: one perp_<ASSET> size per account";
        issues.add(cellIssue("two_perps", file, line, header[col] as string, msg));
        continue;
      }
      p.perpAsset[a] = k;
      p.perpSize[a] = size;
      any = true;
    }
    if (held === 0) {
      p.perpCash[a] = margin;
      return;
    }
    const entry = num(file, cells[layout.entry], line, "perp_entry", issues);
    if (!(entry > 0)) {
      const msg = `found ${JSON.stringify(cells[layout.entry] ?? "")}; allowed: the entry price (> 0) of the perp position`;
      issues.add(cellIssue("out_of_range", file, line, "perp_entry", msg));
    }
    p.perpCash[a] = margin - (p.perpSize[a] as number) * entry;
  });
  return any;
}
