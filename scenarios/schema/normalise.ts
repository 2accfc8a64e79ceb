/**
 * The scenario as plain data with every default filled: what `ballast validate --print` shows and
 * what the manifest's scenario hash covers. Key order is fixed by construction, and the result is
 * itself a valid scenario (durations in ms, options' `expiry`, no null for an absent value).
 */
import { isoTime } from "../../engine/units.js";
import { kindToData } from "./kinds.js";
import type { Scenario } from "./types.js";

export function normalise(s: Omit<Scenario, "normalised">): Record<string, unknown> {
  const assets: Record<string, unknown> = {};
  for (const name of s.market.assetNames) {
    const src = s.market.assets[name];
    if (!src) continue;
    assets[name] = {
      ...(src.model ? { model: kindToData(src.model) } : { data: { ...src.data } }),
      ...(src.iv ? { iv: kindToData(src.iv) } : {}),
    };
  }
  return {
    name: s.name,
    seed: s.seed,
    paths: s.paths,
    clock: s.clock
      ? { start: isoTime(s.clock.startMs), horizon: s.clock.horizonMs, step: s.clock.stepMs }
      : null,
    market: {
      rate: s.market.rate,
      quote: s.market.quote,
      assets,
      ...(s.market.correlation ? { correlation: s.market.correlation } : {}),
      shocks: s.market.shocks.map(kindToData),
    },
    oracle: {
      ...kindToData(s.oracle.model),
      faults: s.oracle.faults.map(kindToData),
      consumer: {
        ...(s.oracle.maxAgeMs !== undefined ? { maxAge: s.oracle.maxAgeMs } : {}),
        ...(s.oracle.maxConfRatio !== undefined ? { maxConfRatio: s.oracle.maxConfRatio } : {}),
      },
    },
    execution: {
      latency: kindToData(s.execution.latency),
      impact: kindToData(s.execution.impact),
      fees: s.execution.fees,
      gas: kindToData(s.execution.gas),
      ...(s.execution.gasAsset !== null && s.execution.gasAsset !== undefined
        ? { gasAsset: s.execution.gasAsset }
        : {}),
      ...(s.execution.transfers.length > 0
        ? { transfers: s.execution.transfers.map(({ delayMs, ...r }) => ({ ...r, delay: delayMs })) }
        : {}),
    },
    venues: Object.fromEntries(Object.entries(s.venues).map(([n, c]) => [n, kindToData(c)])),
    liquidators: s.liquidators.map((l) => ({ name: l.name, ...l.params })),
    book: s.book.map(bookEntryToData),
    strategy: kindToData(s.strategy),
    report: s.report,
  };
}

/** A book entry in the file's own keys: `expiry` (ms) for an option, absent values left out. */
function bookEntryToData(entry: Scenario["book"][number]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (value === null || value === undefined) continue;
    out[key === "expiryMs" ? "expiry" : key] = value;
  }
  return out;
}
