/**
 * A typed registry per extension point (STYLE 4): `kind` → definition. Each definition carries its
 * parameter specs, so one table validates scenario sections, builds instances and feeds `ballast list`.
 */
import type { Issue } from "./errors.js";
import { describeValue } from "./errors.js";
import { didYouMean, isRecord, join, type ParamSpecs, type Params, readParams } from "./params.js";

export interface KindDef<T, Ctx = void> {
  readonly kind: string;
  readonly summary: string;
  /** Where the rule or model comes from (a venue's documented rule, a paper). */
  readonly source?: string;
  readonly params: ParamSpecs;
  /** Cross-field checks beyond the per-parameter specs (e.g. LTV ≤ LT). */
  readonly check?: (params: Params, path: string, issues: Issue[]) => void;
  /**
   * The parameters as the kind uses them, nested defaults filled (e.g. a lending venue's per-asset
   * table), for `ballast validate --print`; absent when `params` already say everything.
   */
  readonly effective?: (params: Params) => Params;
  readonly create: (params: Params, ctx: Ctx) => T;
}

/** A configured kind: its definition and validated, default-filled parameters. */
export interface Configured<T, Ctx = void> {
  readonly def: KindDef<T, Ctx>;
  readonly params: Params;
}

export class Registry<T, Ctx = void> {
  private readonly defs = new Map<string, KindDef<T, Ctx>>();

  constructor(
    readonly name: string,
    defs: readonly KindDef<T, Ctx>[],
  ) {
    for (const d of defs) this.defs.set(d.kind, d);
  }

  /** Adds (or replaces) a definition: a kind loaded at run time, e.g. a user's strategy file. */
  add(def: KindDef<T, Ctx>): void {
    this.defs.set(def.kind, def);
  }

  kinds(): string[] {
    return [...this.defs.keys()];
  }

  list(): KindDef<T, Ctx>[] {
    return [...this.defs.values()];
  }

  get(kind: string): KindDef<T, Ctx> | undefined {
    return this.defs.get(kind);
  }

  /**
   * Validates `{ kind, ...params }` at `path`, collecting issues; returns undefined when unusable.
   * `also`: keys beside the parameters that the caller reads itself (e.g. an oracle's `faults`).
   */
  read(
    raw: unknown,
    path: string,
    issues: Issue[],
    also: readonly string[] = [],
  ): Configured<T, Ctx> | undefined {
    if (!isRecord(raw)) {
      issues.push({
        code: "wrong_type",
        path,
        message: `found ${describeValue(raw)}; allowed: a mapping with "kind" (${this.kinds().join(", ")})`,
      });
      return undefined;
    }
    const kind = raw["kind"];
    const def = typeof kind === "string" ? this.defs.get(kind) : undefined;
    if (!def) {
      const hint = typeof kind === "string" ? didYouMean(kind, this.kinds()) : "";
      issues.push({
        code: kind === undefined ? "missing" : "unknown_kind",
        path: join(path, "kind"),
        message: `${kind === undefined ? "missing" : `unknown ${this.name} ${describeValue(kind)}`}${hint}; allowed: ${this.kinds().join(", ")}`,
      });
      return undefined;
    }
    const before = issues.length;
    const params = readParams(raw, def.params, path, issues, true, also);
    if (issues.length === before) def.check?.(params, path, issues);
    return { def, params };
  }
}
