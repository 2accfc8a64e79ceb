/** The `market` section: assets (model or replay), correlation, shocks. */
import type { Issue } from "../../engine/errors.js";
import { describeValue } from "../../engine/errors.js";
import { checkUnknownKeys, isRecord, join, keyList, readParams } from "../../engine/params.js";
import { readKind, readKindList, type ScenarioKinds } from "./kinds.js";
import { checkName } from "./plumbing.js";
import { DATA_SPECS, FUNDING_FILE_SPECS, MARKET_SPECS } from "./sections.js";
import type { AssetSource, KindConfig, MarketSpec } from "./types.js";

export function readMarket(raw: unknown, kinds: ScenarioKinds, issues: Issue[]): MarketSpec | undefined {
  if (!isRecord(raw)) {
    issues.push({
      code: raw === undefined ? "missing" : "wrong_type",
      path: "market",
      message: `found ${describeValue(raw)}; allowed: a mapping with rate, quote, assets, shocks`,
    });
    return undefined;
  }
  const p = readParams(raw, MARKET_SPECS, "market", issues, false);
  const assetsRaw = p["assets"];
  const assets: Record<string, AssetSource> = {};
  if (isRecord(assetsRaw)) {
    if (Object.keys(assetsRaw).length === 0)
      issues.push({
        code: "missing",
        path: "market.assets",
        message: "no assets; allowed: at least one asset name → { model } or { data }",
      });
    for (const [name, spec] of Object.entries(assetsRaw)) {
      const path = join("market.assets", name);
      checkName(name, path, issues);
      const src = readAsset(spec, path, kinds, issues);
      if (src) assets[name] = src;
    }
  }
  const assetNames = isRecord(assetsRaw) ? Object.keys(assetsRaw) : [];
  const correlation = readCorrelation(p["correlation"], assetNames.length, issues);
  const shocks = readKindList(kinds.shocks, p["shocks"], "market.shocks", issues);
  return {
    rate: p["rate"] as number,
    cashRate: p["cashRate"] as number,
    quote: p["quote"] as string,
    assetNames,
    assets,
    ...(correlation ? { correlation } : {}),
    shocks,
  };
}

function readAsset(
  spec: unknown,
  path: string,
  kinds: ScenarioKinds,
  issues: Issue[],
): AssetSource | undefined {
  if (!isRecord(spec) || (spec["model"] === undefined) === (spec["data"] === undefined)) {
    issues.push({
      code: "wrong_type",
      path,
      message: `found ${describeValue(spec)}; allowed: exactly one of { model: { kind, … } } or { data: { file, … } }, and optionally iv: { kind, … }`,
    });
    return undefined;
  }
  checkUnknownKeys(spec, ["model", "data", "iv"], path, issues);
  const src = readSource(spec, path, kinds, issues);
  if (!src || spec["iv"] === undefined) return src;
  const iv = readKind(kinds.impliedVol, spec["iv"], join(path, "iv"), issues);
  if (iv) checkIvSource(iv, src, join(path, "iv"), issues);
  return iv ? { ...src, iv } : undefined;
}

/** `iv: { kind: heston }` needs a Heston price model; `column` a replay with a `vol` column. */
function checkIvSource(iv: KindConfig, src: AssetSource, path: string, issues: Issue[]): void {
  if (iv.kind === "heston" && src.model?.kind !== "heston")
    issues.push({
      code: "bad_iv",
      path: join(path, "kind"),
      message: `found heston, but the asset's price model is ${src.model ? src.model.kind : "a replay"}; allowed: heston with model kind heston, else constant, column or stochastic`,
    });
  if (iv.kind === "column" && src.data?.["vol"] === undefined)
    issues.push({
      code: "bad_iv",
      path: join(path, "kind"),
      message:
        "found column, but the asset has no data.vol column; allowed: a replay naming its implied-vol column (data: { file, vol: <column> })",
    });
  if (
    iv.kind === "stochastic" &&
    iv.params["level"] === undefined &&
    src.data &&
    src.data["vol"] === undefined
  )
    issues.push({
      code: "bad_iv",
      path: join(path, "level"),
      message:
        "missing: a replay without a data.vol column has no model vol to follow; allowed: a level, or data.vol",
    });
}

function readSource(
  spec: Record<string, unknown>,
  path: string,
  kinds: ScenarioKinds,
  issues: Issue[],
): AssetSource | undefined {
  if (spec["model"] !== undefined) {
    const model = readKind(kinds.priceModels, spec["model"], join(path, "model"), issues);
    return model ? { model } : undefined;
  }
  if (!isRecord(spec["data"])) {
    issues.push({
      code: "wrong_type",
      path: join(path, "data"),
      message: `found ${describeValue(spec["data"])}; allowed: ${keyList(DATA_SPECS)}`,
    });
    return undefined;
  }
  const data = readParams(spec["data"], DATA_SPECS, join(path, "data"), issues, false);
  const funding = readFunding(data["funding"], join(join(path, "data"), "funding"), issues);
  return { data: funding === undefined ? data : { ...data, funding } };
}

/** `data.funding`: a column name, or `{ file, column, every }` (durations read into ms). */
function readFunding(v: unknown, path: string, issues: Issue[]): unknown {
  if (v === undefined || (typeof v === "string" && v !== "")) return v;
  if (isRecord(v)) return readParams(v, FUNDING_FILE_SPECS, path, issues, false);
  issues.push({
    code: "wrong_type",
    path,
    message: `found ${describeValue(v)}; allowed: a column name of the data file, or { file, column, every }`,
  });
  return undefined;
}

/** A symmetric matrix with unit diagonal and entries in [−1, 1]; positive definiteness is checked when paths are built. */
function readCorrelation(v: unknown, n: number, issues: Issue[]): number[][] | undefined {
  if (v === undefined) return undefined;
  const path = "market.correlation";
  const ok =
    Array.isArray(v) &&
    v.length === n &&
    v.every(
      (row) =>
        Array.isArray(row) &&
        row.length === n &&
        row.every((x) => typeof x === "number" && x >= -1 && x <= 1),
    );
  if (!ok) {
    issues.push({
      code: "wrong_type",
      path,
      message: `found ${describeValue(v)}; allowed: a ${n}×${n} list of lists with entries in [−1, 1], in asset order`,
    });
    return undefined;
  }
  const m = v as number[][];
  for (let i = 0; i < n; i++) {
    if (m[i]?.[i] !== 1)
      issues.push({
        code: "out_of_range",
        path: `${path}[${i}][${i}]`,
        message: `found ${m[i]?.[i]}; allowed: 1 on the diagonal`,
      });
    for (let j = 0; j < i; j++) {
      if (m[i]?.[j] !== m[j]?.[i])
        issues.push({
          code: "out_of_range",
          path: `${path}[${i}][${j}]`,
          message: `found ${m[i]?.[j]} but [${j}][${i}] is ${m[j]?.[i]}; allowed: a symmetric matrix`,
        });
    }
  }
  return m;
}
