/**
 * Per-market perp margin from a scenario file: the README's `markets` fragment validates and
 * compiles, and a market on an asset the scenario lacks is bad input naming the key.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compile } from "../cli/compile.js";
import { KINDS } from "../cli/kinds.js";
import { InputError } from "../engine/errors.js";
import { validateScenario } from "../scenarios/schema/validate.js";

const README = readFileSync(resolve(import.meta.dirname, "../README.md"), "utf8");
const fragment = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)]
  .map((m) => parse(m[1] as string) as Record<string, unknown>)
  .find((b) => JSON.stringify(b).includes('"markets"')) as Record<string, unknown>;

function scenario(venues: unknown) {
  return {
    name: "markets",
    seed: 1,
    paths: 1,
    clock: { start: "2024-01-01T00:00:00Z", horizon: "1d", step: "1h" },
    market: {
      assets: {
        BTC: { model: { kind: "gbm", spot: 60000, vol: 0.6 } },
        ETH: { model: { kind: "gbm", spot: 3000, vol: 0.8 } },
      },
    },
    venues,
    book: [{ kind: "perp", underlying: "ETH", qty: 1, collateral: 1000 }],
  };
}

describe("perp margin per market in a scenario", () => {
  it("the README fragment validates and compiles", () => {
    expect(fragment).toBeDefined();
    const s = validateScenario(scenario(fragment["venues"]), KINDS, "README");
    expect(() => compile(s)).not.toThrow();
  });
  it("a market on an asset the scenario lacks is exit-2 input naming venues.perp.markets.SOL", () => {
    const s = validateScenario(
      scenario({ perp: { kind: "perp-linear", markets: { SOL: { imf: 0.2, mmf: 0.1 } } } }),
      KINDS,
      "s.yaml",
    );
    try {
      compile(s, { source: "s.yaml" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).issues[0]?.path).toBe("venues.perp.markets.SOL");
    }
  });
});
