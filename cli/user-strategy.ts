/**
 * User strategy files: `strategy: { file: ./my-strategy.ts, params: { … } }`. The module exports
 * `create(params, ctx)` returning a Strategy (engine/strategy.ts) and optionally `params` (its
 * parameter declaration, the same `ParamSpecs` a built-in declares) and `summary`. TypeScript is
 * loaded through tsx's ESM API (`tsImport`): Node 20 has no type stripping (it arrived behind a
 * flag in 22.6), and tsx compiles one file on demand with esbuild without registering a global
 * loader, so the rest of the process is untouched. `.js`/`.mjs` files are imported as they are.
 *
 * The loaded kind is registered as `file:<path as written>` and its parameters are validated like
 * a built-in's. Every callback runs with `Math.random`, `Date.now` and `performance.now` replaced by
 * functions that throw (a run must not depend on them), and any exception it raises becomes a
 * StrategyError naming the file, the path and the simulated time.
 */
import { stat } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { InputError, type Issue, StrategyError } from "../engine/errors.js";
import { isRecord, type ParamSpecs, type Params, readParams } from "../engine/params.js";
import type { KindDef } from "../engine/registry.js";
import type { Strategy, StrategyView } from "../engine/strategy.js";
import { strategyKinds } from "../strategies/registry.js";
import type { StrategyContext } from "../strategies/types.js";

const MAX_BYTES = 1 << 20;
const EXTENSIONS = [".ts", ".mts", ".js", ".mjs"];

/**
 * When the raw scenario's strategy names a file, loads it, registers it as a strategy kind and
 * returns the scenario with `strategy: { kind: "file:…", …params }`; otherwise returns it as is.
 * @throws InputError (exit 2) naming the file: unreadable, not a module, missing export, bad params.
 */
export async function withUserStrategy(raw: unknown, scenarioFile: string): Promise<unknown> {
  if (!isRecord(raw) || !isRecord(raw["strategy"]) || raw["strategy"]["file"] === undefined) return raw;
  const s = raw["strategy"];
  const given = s["file"];
  const fail = (path: string, message: string, file?: string): never => {
    throw new InputError([{ code: "bad_strategy", path, message, ...(file ? { file } : {}) }], scenarioFile);
  };
  for (const k of Object.keys(s)) {
    if (k !== "file" && k !== "params") fail(`strategy.${k}`, `unknown key; allowed: file, params`);
  }
  if (typeof given !== "string" || !EXTENSIONS.includes(extname(given))) {
    fail(
      "strategy.file",
      `found ${JSON.stringify(given)}; allowed: a path to a ${EXTENSIONS.join(", ")} file`,
    );
  }
  const file = resolve(dirname(scenarioFile), given as string);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) fail("strategy.file", `${file} is not a readable regular file`);
  if ((info?.size ?? 0) > MAX_BYTES) fail("strategy.file", `${file} is larger than ${MAX_BYTES} bytes`);
  const def = await loadDef(file, `file:${given}`, fail);
  const params = s["params"] ?? {};
  const issues: Issue[] = [];
  if (!isRecord(params)) fail("strategy.params", "allowed: a mapping of the strategy's parameters", file);
  readParams(params as Params, def.params, "strategy.params", issues);
  if (issues.length > 0)
    throw new InputError(
      issues.map((i) => ({ ...i, file })),
      scenarioFile,
    );
  strategyKinds.add(def);
  return { ...raw, strategy: { kind: def.kind, ...(params as Params) } };
}

async function loadDef(
  file: string,
  kind: string,
  fail: (path: string, message: string, file?: string) => never,
): Promise<KindDef<Strategy, StrategyContext>> {
  let mod: Record<string, unknown>;
  try {
    mod = await importModule(file);
  } catch (e) {
    const msg = (e instanceof Error ? e.message : String(e)).split("\n").slice(0, 6).join("\n    ");
    return fail("strategy.file", `cannot load the module: ${msg}`, file);
  }
  const src = isRecord(mod["default"]) && mod["create"] === undefined ? mod["default"] : mod;
  const create = src["create"];
  if (typeof create !== "function") {
    return fail("strategy.file", "exports no create(params, ctx) function returning a Strategy", file);
  }
  const params = src["params"] ?? {};
  if (
    !isRecord(params) ||
    !Object.values(params).every((p) => isRecord(p) && typeof p["type"] === "string")
  ) {
    return fail("strategy.file", "its `params` export must map each name to { type, description, … }", file);
  }
  return {
    kind,
    summary: typeof src["summary"] === "string" ? src["summary"] : `user strategy ${file}`,
    params: params as ParamSpecs,
    create: (p, ctx) => {
      const made = guard(
        () => (create as (p: Params, c: StrategyContext) => unknown)(p, ctx),
        file,
        Number.NaN,
      );
      if (!isRecord(made) || typeof made["start"] !== "function" || typeof made["onTimer"] !== "function") {
        throw new InputError([
          {
            code: "bad_strategy",
            path: "strategy.file",
            file,
            message: "create() must return an object with start and onTimer",
          },
        ]);
      }
      return guarded(made as unknown as Strategy, file);
    },
  };
}

async function importModule(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  if (file.endsWith(".ts") || file.endsWith(".mts")) {
    const { tsImport } = await import("tsx/esm/api");
    return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
  }
  return (await import(url)) as Record<string, unknown>;
}

const forbidden = (name: string) => () => {
  throw new Error(
    `${name} is not allowed in a strategy: a run must give the same result every time (use view.timeMs for time)`,
  );
};
const FORBID_RANDOM = forbidden("Math.random");
const FORBID_NOW = forbidden("Date.now");
const FORBID_PERF = forbidden("performance.now");

/** Runs user code with the clocks and Math.random disabled; its exceptions become StrategyErrors. */
function guard<T>(fn: () => T, file: string, timeMs: number): T {
  const random = Math.random;
  const now = Date.now;
  const perf = performance.now;
  Math.random = FORBID_RANDOM;
  Date.now = FORBID_NOW;
  performance.now = FORBID_PERF;
  try {
    return fn();
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof StrategyError)
      throw e.strategy === file ? e : new StrategyError(file, e.timeMs, e.reason);
    throw new StrategyError(
      file,
      timeMs,
      `the strategy threw: ${e instanceof Error ? e.message : String(e)}`,
    );
  } finally {
    Math.random = random;
    Date.now = now;
    performance.now = perf;
  }
}

function guarded(s: Strategy, file: string): Strategy {
  const out: Strategy = {
    start: (v, o) => guard(() => s.start(v, o), file, v.timeMs),
    onTimer: (v, o, tag) => guard(() => s.onTimer(v, o, tag), file, v.timeMs),
  };
  const onOracle = s.onOracle?.bind(s);
  const onTrigger = s.onTrigger?.bind(s);
  if (onOracle) out.onOracle = (v: StrategyView, o, a) => guard(() => onOracle(v, o, a), file, v.timeMs);
  if (onTrigger)
    out.onTrigger = (v: StrategyView, o, tag) => guard(() => onTrigger(v, o, tag), file, v.timeMs);
  return out;
}
