/**
 * Every "unknown key …; allowed: …" list is truthful: each key it lists is accepted in that place
 * (no "unknown key" for it), and a key the place accepts (a liquidator's `name`, an oracle's
 * `faults`) is listed. The lists are generated from the one declaration (engine/params allowedKeys).
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { KINDS } from "../cli/kinds.js";
import { InputError } from "../engine/errors.js";
import { validateScenario } from "../scenarios/schema/validate.js";

const BASE = `
name: keys
clock: { horizon: 1d, step: 1h }
market: { assets: { ETH: { model: { kind: gbm, spot: 2000, vol: 0.6 } } } }
oracle: { kind: push, faults: [], consumer: { maxAge: 1h } }
execution: { latency: { kind: fixed, delay: 1s }, fees: { maker: 0, taker: 0 } }
venues: { lend: { kind: aave-v3, assets: { ETH: { ltv: 0.8 }, USDC: {} } } }
liquidators: [{ name: keeper, gas: 10 }]
book: [{ kind: loan, venue: lend, collateral: { ETH: 1 } }]
`;

// biome-ignore lint/suspicious/noExplicitAny: a parsed YAML document, navigated by hand.
type Doc = Record<string, any>;

/** Messages of validating BASE with `edit` applied (none when it validates). */
function problems(edit: (s: Doc) => void): string[] {
  const s = parse(BASE);
  edit(s);
  try {
    validateScenario(s, KINDS, "test");
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.issues.map((i) => `${i.path}: ${i.message}`);
  }
}

/** Places holding a mapping, as an accessor into the parsed scenario. */
const PLACES: [string, (s: Doc) => Record<string, unknown>][] = [
  ["liquidators[0]", (s) => s.liquidators[0]],
  ["oracle", (s) => s.oracle],
  ["oracle.consumer", (s) => s.oracle.consumer],
  ["clock", (s) => s.clock],
  ["execution", (s) => s.execution],
  ["execution.fees", (s) => s.execution.fees],
  ["execution.latency", (s) => s.execution.latency],
  ["venues.lend", (s) => s.venues.lend],
  ["venues.lend.assets.ETH", (s) => s.venues.lend.assets.ETH],
  ["book[0]", (s) => s.book[0]],
  ["market", (s) => s.market],
];

describe("allowed-keys lists", () => {
  it.each(PLACES)("at %s, list exactly the keys accepted there", (place, at) => {
    const unknown = problems((s) => {
      at(s)["zzz"] = 1;
    }).find((m) => m.startsWith(`${place}.zzz: unknown key`));
    expect(unknown, `an unknown key at ${place} is reported`).toBeDefined();
    const listed = (/; allowed: (.*)$/.exec(unknown as string)?.[1] ?? "").split(", ");
    expect(listed.length).toBeGreaterThan(0);
    for (const key of listed) {
      const found = problems((s) => {
        const m = at(s);
        if (m[key] === undefined) m[key] = "x";
      });
      expect(
        found.filter((m) => m.startsWith(`${place}.${key}: unknown key`)),
        key,
      ).toEqual([]);
    }
  });

  it("lists a liquidator's name, which is accepted, with its parameters", () => {
    const [message] = problems((s) => {
      s.liquidators[0].nmae = "k";
    });
    expect(message).toBe(
      'liquidators[0].nmae: unknown key "nmae" (did you mean "name"?); allowed: name, latency, capital, gas, minProfit',
    );
  });

  it("lists an oracle's faults and consumer beside its kind's parameters", () => {
    const [message] = problems((s) => {
      s.oracle.fault = [];
    });
    expect(message).toMatch(
      /oracle\.fault: unknown key "fault" \(did you mean "faults"\?\); allowed: kind, .*, faults, consumer$/,
    );
  });

  it("does not list kind for a lending venue's asset entry, nor accept it", () => {
    const found = problems((s) => {
      s.venues.lend.assets.ETH.kind = "x";
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^venues\.lend\.assets\.ETH\.kind: unknown key "kind"; allowed: preset, ltv, /);
  });
});
