/**
 * The `sweep` section: the points `ballast sweep` runs the scenario at. `grid` maps field paths
 * to a list of values or a range `from:to:step` (Cartesian product); `points` lists explicit
 * points `{ path: value, … }`. `run` and `validate` check its shape and otherwise ignore it: it
 * is not part of the scenario (nor of its hash); each point's scenario is validated by `sweep`.
 */
import { describeValue, type Issue } from "../../engine/errors.js";
import { checkUnknownKeys, isRecord, join } from "../../engine/params.js";

export function checkSweep(raw: unknown, issues: Issue[]): void {
  if (raw === undefined) return;
  if (!isRecord(raw)) {
    issues.push({
      code: "wrong_type",
      path: "sweep",
      message: `found ${describeValue(raw)}; allowed: { grid: { path: values }, points: [ { path: value } ] }`,
    });
    return;
  }
  checkUnknownKeys(raw, ["grid", "points"], "sweep", issues);
  const grid = raw["grid"];
  if (grid !== undefined && !isRecord(grid)) {
    issues.push({
      code: "wrong_type",
      path: "sweep.grid",
      message: `found ${describeValue(grid)}; allowed: a mapping of field path → list of values or "from:to:step"`,
    });
  }
  for (const [path, values] of Object.entries(isRecord(grid) ? grid : {})) {
    const ok =
      (Array.isArray(values) && values.length > 0) ||
      typeof values === "string" ||
      typeof values === "number";
    if (!ok)
      issues.push({
        code: "wrong_type",
        path: join("sweep.grid", path),
        message: `found ${describeValue(values)}; allowed: a non-empty list of values or "from:to:step"`,
      });
  }
  const points = raw["points"];
  if (points !== undefined && !(Array.isArray(points) && points.every(isRecord))) {
    issues.push({
      code: "wrong_type",
      path: "sweep.points",
      message: `found ${describeValue(points)}; allowed: a list of mappings { field path: value }`,
    });
  }
}
