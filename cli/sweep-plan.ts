/**
 * The points of a sweep: the Cartesian product of grid axes (`--grid path=v1,v2,…` or
 * `path=from:to:step`, and the scenario's `sweep.grid`), times the scenario's explicit
 * `sweep.points` (a list of `{ path: value, … }`), in a fixed order: explicit points outermost,
 * then the axes in the order given, the last axis varying fastest. Each point is a list of
 * assignments applied like `--set` after the command's own `--set`s.
 */
import { parse } from "yaml";
import { describeValue, InputError, type Issue } from "../engine/errors.js";
import { isRecord } from "../engine/params.js";
import { parsePath } from "./overrides.js";

export interface GridAxis {
  readonly path: string;
  readonly values: readonly unknown[];
}

export interface SweepPoint {
  readonly index: number;
  /** Field path → value, in assignment order. */
  readonly params: Readonly<Record<string, unknown>>;
}

/** At most this many points (each is a run folder). */
export const MAX_POINTS = 10_000;

const NUM = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";
const RANGE = new RegExp(`^(${NUM}):(${NUM}):(${NUM})$`);

/**
 * `from:to:step` → from, from+step, … ≤ to (to included when it falls on the grid, within 1e-9
 * steps), each rounded to 12 significant digits so `0.5:0.9:0.05` gives 0.55, not 0.55000000001.
 * @returns undefined when `text` is not of that shape; a message when it is but is unusable.
 */
export function parseRange(text: string): number[] | string | undefined {
  const m = RANGE.exec(text.trim());
  if (!m) return undefined;
  const [a, b, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!(s > 0)) return `step ${m[3]} is not > 0`;
  if (b < a) return `end ${m[2]} is below start ${m[1]}`;
  const n = Math.floor((b - a) / s + 1e-9) + 1;
  if (n > MAX_POINTS) return `${n} values; at most ${MAX_POINTS}`;
  return Array.from({ length: n }, (_, i) => Number((a + i * s).toPrecision(12)));
}

/** One `--grid path=v1,v2,…` or `--grid path=from:to:step`. @throws InputError naming it. */
export function parseGridArg(text: string): GridAxis {
  const eq = text.indexOf("=");
  const path = eq > 0 ? text.slice(0, eq).trim() : "";
  return axisOf(path, eq > 0 ? text.slice(eq + 1) : undefined, `--grid ${text}`);
}

function axisOf(path: string, spec: unknown, where: string): GridAxis {
  const bad = (why: string): never => {
    throw new InputError([
      {
        code: "bad_grid",
        path: where,
        message: `${why}; allowed: path=v1,v2,… or path=from:to:step, e.g. book[0].debt.ltv=0.5:0.9:0.05`,
      },
    ]);
  };
  if (path === "" || parsePath(path) === undefined) bad(`"${path}" is not a field path`);
  let values: unknown[];
  if (Array.isArray(spec)) values = spec;
  else if (typeof spec === "number" || typeof spec === "boolean") values = [spec];
  else if (typeof spec === "string") {
    const range = parseRange(spec);
    if (typeof range === "string") bad(`malformed range "${spec}": ${range}`);
    values = Array.isArray(range)
      ? range
      : spec
          .split(",")
          .filter((v) => v.trim() !== "")
          .map(scalar);
  } else values = bad(`found ${describeValue(spec)}`);
  if (values.length === 0) bad("no values");
  return { path, values };
}

function scalar(text: string): unknown {
  try {
    return parse(text) ?? null;
  } catch {
    return text.trim();
  }
}

/** Reads the scenario's `sweep` section (already structure-checked by the schema). */
export function sweepSection(raw: unknown): { axes: GridAxis[]; points: Record<string, unknown>[] } {
  if (!isRecord(raw) || !isRecord(raw["sweep"])) return { axes: [], points: [] };
  const s = raw["sweep"];
  const grid = isRecord(s["grid"]) ? s["grid"] : {};
  const axes = Object.entries(grid).map(([path, spec]) => axisOf(path, spec, `sweep.grid.${path}`));
  const points = Array.isArray(s["points"]) ? (s["points"] as Record<string, unknown>[]) : [];
  return { axes, points };
}

/** The sweep's points (a grid axis on the command line replaces the file's axis of that path). */
export function planPoints(
  fileAxes: readonly GridAxis[],
  cliAxes: readonly GridAxis[],
  explicit: readonly Record<string, unknown>[],
): SweepPoint[] {
  const cliPaths = new Set(cliAxes.map((a) => a.path));
  const axes = [...fileAxes.filter((a) => !cliPaths.has(a.path)), ...cliAxes];
  let combos: Record<string, unknown>[] = explicit.length > 0 ? explicit.map((p) => ({ ...p })) : [{}];
  for (const axis of axes) {
    combos = combos.flatMap((c) => axis.values.map((v) => ({ ...c, [axis.path]: v })));
    if (combos.length > MAX_POINTS) {
      const issue: Issue = {
        code: "too_many",
        path: "--grid",
        message: `more than ${MAX_POINTS} points; allowed: at most ${MAX_POINTS}`,
      };
      throw new InputError([issue]);
    }
  }
  if (axes.length === 0 && explicit.length === 0) {
    throw new InputError([
      {
        code: "empty_grid",
        path: "--grid",
        message:
          "no grid and no sweep section; allowed: --grid path=v1,v2,… or a sweep: { grid, points } section",
      },
    ]);
  }
  return combos.map((params, index) => ({ index, params }));
}

/** A point's assignments as `--set`-style arguments (values written as JSON, which YAML reads back). */
export function pointSets(point: SweepPoint): string[] {
  return Object.entries(point.params).map(([path, v]) => `${path}=${JSON.stringify(v)}`);
}

/**
 * A point that changes `strategy.kind` runs the new kind with the base strategy's parameters that
 * kind declares (`every`, `with`, `asset`, … carry over; another kind's own, like delta-band's
 * `band`, are left out) and with the point's own `strategy.<param>` assignments, so every point
 * validates its own strategy block. Such a point's assignments become one `strategy` assignment
 * of the whole block (its parameter columns keep the point's own paths). Points that keep the kind,
 * or that set a whole `strategy` block, are left as they are.
 * @param declared the parameter names of a kind (undefined for an unknown kind: validation names it)
 */
export function strategyBlockSets(
  point: SweepPoint,
  base: unknown,
  declared: (kind: string) => readonly string[] | undefined,
): string[] {
  const kind = point.params["strategy.kind"];
  const from = isRecord(base) ? base : {};
  const names = typeof kind === "string" && kind !== from["kind"] ? declared(kind) : undefined;
  if (names === undefined) return pointSets(point);
  const block: Record<string, unknown> = { kind };
  for (const [k, v] of Object.entries(from)) if (names.includes(k)) block[k] = v;
  const rest: Record<string, unknown> = {};
  for (const [path, v] of Object.entries(point.params)) {
    const key = path.startsWith("strategy.") ? path.slice(9) : "";
    if (/^[\w$-]+$/.test(key)) block[key] = v;
    else if (path !== "strategy.kind") rest[path] = v;
  }
  return [`strategy=${JSON.stringify(block)}`, ...pointSets({ index: point.index, params: rest })];
}
