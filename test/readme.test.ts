/** The README's scenario examples are real: each YAML block validates as a scenario (or a fragment of one). */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { KINDS } from "../cli/kinds.js";
import { validateScenario } from "../scenarios/schema/validate.js";

const README = readFileSync(resolve(import.meta.dirname, "../README.md"), "utf8");
const blocks = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].map(
  (m) => parse(m[1] as string) as Record<string, unknown>,
);

describe("README scenario examples", () => {
  it("the full example validates", () => {
    expect(() => validateScenario(blocks[0], KINDS, "README")).not.toThrow();
  });

  it("the venues, loans and liquidators fragment validates inside a scenario", () => {
    const fragment = blocks.find((b) => b["venues"] && b["liquidators"]);
    expect(fragment).toBeDefined();
    const base = {
      ...blocks[0],
      ...fragment,
      market: { assets: { ETH: { model: { kind: "gbm", spot: 3000, vol: 0.8 } } } },
    };
    expect(() => validateScenario(base, KINDS, "README")).not.toThrow();
  });
});
