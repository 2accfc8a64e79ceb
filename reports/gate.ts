/**
 * The regression gate (`compare --gate gate.yaml`): per metric, which direction is worse and how
 * far a change may go that way before it is a regression — `absolute` (in the metric's unit),
 * `relative` (a fraction of the baseline's magnitude) or `se` (a number of standard errors of the
 * change). With several, the change must exceed every one of them (the loosest wins). Without a
 * gate file every known metric is judged at `se: 3`: a deterioration is flagged when it is beyond
 * noise at about 3 standard errors.
 *
 * ```yaml
 * metrics:
 *   hedgeError: { se: 3 }                      # worse: higher (its default)
 *   meanPnl: { relative: 0.05, se: 2 }         # more than 5 % and 2 SE lower
 *   pLiquidation: { absolute: 0.01 }           # more than 1 point higher
 *   var95: { worse: higher, relative: 0.10 }
 * ```
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { parse } from "yaml";
import { InputError, type Issue } from "../engine/errors.js";
import type { Change, Worse } from "./compare.js";
import { METRICS } from "./compare.js";

export interface Tolerance {
  readonly worse: Worse;
  readonly absolute?: number;
  readonly relative?: number;
  readonly se?: number;
}

export type Gate = Readonly<Record<string, Tolerance>>;

/** The gate used without a file: every metric at 3 standard errors in its default direction. */
export function defaultGate(): Gate {
  return Object.fromEntries(METRICS.map((m) => [m.name, { worse: m.worse, se: 3 }]));
}

const KEYS = ["worse", "absolute", "relative", "se"];

/**
 * Reads and checks a gate file, collecting every problem.
 * @throws InputError naming the file and the field.
 */
export function readGate(file: string): Gate {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new InputError([
      { code: "missing", path: file, message: "no such file; allowed: a gate.yaml file" },
    ]);
  }
  if (statSync(file).size > 1 << 20)
    throw new InputError([{ code: "too_large", path: file, message: "larger than 1 MiB" }]);
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new InputError([
      { code: "bad_yaml", path: file, message: (e as Error).message.split("\n")[0] ?? "" },
    ]);
  }
  const issues: Issue[] = [];
  const metrics = (doc as { metrics?: unknown } | null)?.metrics;
  if (metrics === null || typeof metrics !== "object" || Array.isArray(metrics)) {
    throw new InputError(
      [
        {
          code: "bad_gate",
          path: `${file}: metrics`,
          message: "missing; allowed: a map of metric name → tolerance",
        },
      ],
      file,
    );
  }
  const gate: Record<string, Tolerance> = {};
  for (const [name, raw] of Object.entries(metrics as Record<string, unknown>)) {
    const def = METRICS.find((m) => m.name === name);
    const at = `metrics.${name}`;
    if (def === undefined) {
      issues.push({
        code: "unknown_metric",
        path: at,
        message: `unknown metric; allowed: ${METRICS.map((m) => m.name).join(", ")}`,
      });
      continue;
    }
    const t = checkTolerance(raw, def.worse, at, issues);
    if (t !== undefined) gate[name] = t;
  }
  if (issues.length > 0) throw new InputError(issues, file);
  return gate;
}

function checkTolerance(raw: unknown, worse: Worse, at: string, issues: Issue[]): Tolerance | undefined {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    issues.push({
      code: "bad_tolerance",
      path: at,
      message: "not a map; allowed: { worse, absolute, relative, se }",
    });
    return undefined;
  }
  const r = raw as Record<string, unknown>;
  for (const k of Object.keys(r)) {
    if (!KEYS.includes(k))
      issues.push({
        code: "unknown_key",
        path: `${at}.${k}`,
        message: `unknown key; allowed: ${KEYS.join(", ")}`,
      });
  }
  const w = r["worse"] ?? worse;
  if (w !== "higher" && w !== "lower")
    issues.push({ code: "bad_value", path: `${at}.worse`, message: "allowed: higher or lower" });
  const out: { worse: Worse; absolute?: number; relative?: number; se?: number } = { worse: w as Worse };
  for (const k of ["absolute", "relative", "se"] as const) {
    const v = r[k];
    if (v === undefined) continue;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      issues.push({
        code: "bad_value",
        path: `${at}.${k}`,
        message: `found ${JSON.stringify(v)}; allowed: a number ≥ 0`,
      });
    } else out[k] = v;
  }
  if (out.absolute === undefined && out.relative === undefined && out.se === undefined) {
    issues.push({
      code: "no_tolerance",
      path: at,
      message: "no tolerance; allowed: at least one of absolute, relative, se",
    });
  }
  return out;
}

export type Verdict = "regression" | "worse (within tolerance)" | "better" | "unchanged" | "not gated";

/** The allowed deterioration of a change under `t` (the loosest of its tolerances). */
export function allowance(t: Tolerance, c: Change): number {
  const parts = [
    t.absolute,
    t.relative === undefined ? undefined : t.relative * Math.abs(c.baseline),
    t.se === undefined ? undefined : t.se * (c.se ?? 0),
  ].filter((x): x is number => x !== undefined);
  return Math.max(...parts);
}

/** Judges one change: a regression when it goes the worse way by more than the allowance. */
export function verdict(t: Tolerance | undefined, c: Change): Verdict {
  if (t === undefined) return "not gated";
  const worseBy = t.worse === "higher" ? c.change : -c.change;
  if (worseBy === 0) return "unchanged";
  if (worseBy < 0) return "better";
  return worseBy > allowance(t, c) ? "regression" : "worse (within tolerance)";
}
