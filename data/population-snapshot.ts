/**
 * Reads a population snapshot (README "Population snapshots") from a table of text cells: one row
 * per account, columns `account` (a unique identifier), `venue` (a lending venue of the scenario;
 * optional when the scenario has one), and amounts `coll_<ASSET>` / `debt_<ASSET>` in token units
 * (empty = 0). Every problem is collected with its file, row (file line, the header is row 1) and
 * column: unknown columns or assets, a duplicate account (naming the row it repeats), a venue the
 * scenario lacks, an amount that is not a finite number or is negative. At least one collateral
 * and one debt column are required.
 */
import type { Population } from "../engine/systemic/population.js";
import { allocPopulation } from "../engine/systemic/population.js";
import { cellIssue, IssueList } from "./issues.js";
import { isPerpColumn, readPerpColumns } from "./population-perp.js";

/** The cells of a snapshot: header names and rows of text, with each row's file line. */
export interface SnapshotTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly lines: readonly number[];
}

interface Layout {
  readonly account: number;
  readonly venue: number;
  /** Per header column: asset index and whether it is collateral (1) or debt (2); 0: other. */
  readonly asset: Int32Array;
  readonly side: Uint8Array;
}

/** @throws InputError listing every problem (exit code 2), headed by `file`. */
export function readSnapshot(
  file: string,
  t: SnapshotTable,
  assets: readonly string[],
  venues: readonly string[],
): Population {
  const issues = new IssueList();
  const layout = readHeader(file, t.header, assets, venues, issues);
  issues.throwIfAny(file);
  const A = assets.length;
  const p = allocPopulation(
    t.rows.length,
    assets,
    venues,
    t.rows.map((r) => r[(layout as Layout).account] ?? ""),
  );
  const seen = new Map<string, number>();
  t.rows.forEach((cells, a) => {
    const line = t.lines[a] as number;
    if (cells.length !== t.header.length) {
      const msg = `found ${cells.length} fields; expected ${t.header.length}, one per header column`;
      issues.add(cellIssue("ragged_row", file, line, undefined, msg));
      return;
    }
    readAccount(file, cells, line, seen, issues, layout as Layout);
    p.venue[a] = readVenue(file, cells, line, venues, issues, layout as Layout);
    cells.forEach((text, c) => {
      const side = (layout as Layout).side[c] as number;
      if (side === 0) return;
      const v = readAmount(file, text, line, t.header[c] as string, issues);
      const k = (layout as Layout).asset[c] as number;
      (side === 1 ? p.coll : p.debt)[a * A + k] = v;
    });
  });
  readPerpColumns(file, t.header, t.rows, t.lines, p, issues);
  issues.throwIfAny(file);
  return p;
}

function readHeader(
  file: string,
  header: readonly string[],
  assets: readonly string[],
  venues: readonly string[],
  issues: IssueList,
): Layout | undefined {
  const asset = new Int32Array(header.length).fill(-1);
  const side = new Uint8Array(header.length);
  const allowed = `account, venue, coll_<ASSET>, debt_<ASSET> with ASSET one of ${assets.join(", ")}, perp_<ASSET>, perp_entry, perp_margin`;
  header.forEach((name, c) => {
    const m = /^(coll|debt)_(.+)$/.exec(name);
    if (name === "account" || name === "venue" || isPerpColumn(name)) return;
    if (!m) {
      issues.add(cellIssue("unknown_column", file, 1, name, `unknown column; allowed: ${allowed}`));
      return;
    }
    const k = assets.indexOf(m[2] as string);
    if (k < 0) {
      const msg = `unknown asset "${m[2]}"; allowed: ${assets.join(", ")} (the scenario's quote and market assets)`;
      issues.add(cellIssue("unknown_asset", file, 1, name, msg));
      return;
    }
    if (header.indexOf(name) !== c)
      issues.add(cellIssue("duplicate_column", file, 1, name, "the column appears twice"));
    asset[c] = k;
    side[c] = m[1] === "coll" ? 1 : 2;
  });
  const account = header.indexOf("account");
  const venue = header.indexOf("venue");
  if (account < 0)
    issues.add(cellIssue("missing_column", file, 1, "account", `no account column; expected ${allowed}`));
  if (venue < 0 && venues.length > 1) {
    const msg = `no venue column, and the scenario has several lending venues (${venues.join(", ")})`;
    issues.add(cellIssue("missing_column", file, 1, "venue", msg));
  }
  if (!side.includes(1) || !side.includes(2)) {
    const msg = "expected at least one coll_<ASSET> and one debt_<ASSET> column";
    issues.add(cellIssue("missing_column", file, 1, undefined, msg));
  }
  return issues.count > 0 ? undefined : { account, venue, asset, side };
}

function readAccount(
  file: string,
  cells: readonly string[],
  line: number,
  seen: Map<string, number>,
  issues: IssueList,
  layout: Layout,
): void {
  const id = (cells[layout.account] as string).trim();
  if (id === "") {
    issues.add(
      cellIssue(
        "missing",
        file,
        line,
        "account",
        "empty account identifier; allowed: a unique non-empty text",
      ),
    );
    return;
  }
  const first = seen.get(id);
  if (first !== undefined) {
    issues.add(
      cellIssue(
        "duplicate_account",
        file,
        line,
        "account",
        `account "${id}" already appears on row ${first}; allowed: one row per account`,
      ),
    );
    return;
  }
  seen.set(id, line);
}

function readVenue(
  file: string,
  cells: readonly string[],
  line: number,
  venues: readonly string[],
  issues: IssueList,
  layout: Layout,
): number {
  if (layout.venue < 0) return 0;
  const name = (cells[layout.venue] as string).trim();
  const v = venues.indexOf(name);
  if (v >= 0) return v;
  issues.add(
    cellIssue(
      "unknown_venue",
      file,
      line,
      "venue",
      `unknown venue "${name}"; allowed: ${venues.join(", ")} (the scenario's lending venues)`,
    ),
  );
  return 0;
}

function readAmount(file: string, text: string, line: number, column: string, issues: IssueList): number {
  const t = text.trim();
  if (t === "") return 0;
  const v = Number(t);
  if (!Number.isFinite(v)) {
    issues.add(
      cellIssue(
        "not_a_number",
        file,
        line,
        column,
        `found ${JSON.stringify(t)}; allowed: a finite number ≥ 0 (token units) or empty for 0`,
      ),
    );
    return 0;
  }
  if (v < 0) {
    issues.add(cellIssue("negative", file, line, column, `found ${t}; allowed: an amount ≥ 0 (token units)`));
    return 0;
  }
  return v;
}
