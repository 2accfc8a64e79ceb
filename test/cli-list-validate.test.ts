/**
 * `ballast list` and `ballast validate` as users read them: every kind and its parameters, presets
 * expanded, defaults filled, `--print` in the units written, and plain sections that take no kind.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEMO, GOOD, scenarioFile } from "./cli-fixtures.js";
import { ballast } from "./cli-harness.js";

describe("ballast list and validate", () => {
  it("lists every kind with parameters and defaults", async () => {
    const r = await ballast("list");
    expect(r.code).toBe(0);
    for (const k of ["gbm", "delta-hedge", "hold", "push", "sqrt", "amm"])
      expect(r.out).toContain(`  ${k} — `);
    expect(r.out).toMatch(/every: duration \(≥ 1\), default "1h" — interval between re-hedges/);
    expect((await ballast("list", "oracles")).out).not.toContain("delta-hedge");
    expect((await ballast("list", "oracels")).code).toBe(2);
    const venues = (await ballast("list", "venues")).out;
    for (const k of ["aave-v3", "compound-v3", "perp-linear", "options-standard"])
      expect(venues).toContain(`  ${k} — `);
    expect(venues).toMatch(/closeFactorRule: enum one of v3\.0\|v3\.3, default "v3\.3"/);
    expect(venues).toMatch(/mmf: number \(> 0 and ≤ 1\), default 0\.03/);
  });

  it("lists liquidators and book entries with their keys, units and defaults", async () => {
    const liquidators = (await ballast("list", "liquidators")).out;
    expect(liquidators).toMatch(/^ {4}name: string, required/m);
    expect(liquidators).toMatch(
      /gas: number \(≥ 0\), default 10 — cost of one liquidation's transaction in the quote currency, not gas units/,
    );
    expect(liquidators).toMatch(/latency: duration \(≥ 0\), default "12s"/);
    const book = (await ballast("list", "book")).out;
    for (const entry of ["option", "perp", "loan"]) expect(book).toMatch(new RegExp(`^  ${entry}$`, "m"));
    expect(book).toMatch(/expiry: duration \(≥ 1\), required/);
    expect(book).toMatch(/qty: number, default 0 — initial position in units of the underlying/);
    expect((await ballast("list")).out).toContain("liquidators (liquidators: [{ name, … }]");
  });

  it("expands a preset into the scenario's shocks", async () => {
    const r = await ballast(
      "validate",
      scenarioFile("preset3.yaml", GOOD.replace("market: {", "market: { presets: [mar-2020], ")),
      "--json",
    );
    expect(r.code).toBe(0);
    const shocks = JSON.parse(r.out).market.shocks as { kind: string; size?: number }[];
    // Black Thursday's legs (REFERENCE: ETH −55.8 % from 194.61 to 86.00, with a pause and a rebound).
    expect(shocks.filter((x) => x.kind === "crash").length).toBeGreaterThanOrEqual(2);
    const product = shocks
      .filter((x) => x.kind === "crash")
      .reduce((p, x) => p * (1 + (x.size as number)), 1);
    expect(product).toBeLessThan(1);
  });

  it("prints the scenario with every default filled", async () => {
    const r = await ballast("validate", scenarioFile("print.yaml", GOOD), "--json");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.oracle.kind).toBe("ideal");
    expect(s.strategy).toMatchObject({
      kind: "delta-hedge",
      every: "4h",
      with: "perp",
      minTrade: 0,
    });
    expect(s.venues.perp.mmf).toBe(0.03);
  });
});

describe("plain sections take no kind", () => {
  it.each([
    ["clock", "step: 1h }", "step: 1h, kind: foo }"],
    ["execution.fees", "maker: 0.0002 }", "maker: 0.0002, kind: foo }"],
    ["report", "eventPaths: 5 }", "eventPaths: 5, kind: foo }"],
  ])("reports %s.kind as an unknown key, and lists no kind among the allowed", async (section, from, to) => {
    const f = scenarioFile("kinded.yaml", readFileSync(DEMO, "utf8").replace(from, to));
    const r = await ballast("validate", f);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`- ${section}.kind: unknown key "kind"; allowed: `);
    expect(r.err).not.toMatch(/allowed: kind,/);
  });
});

describe("validate --print", () => {
  const LENDING = `
name: lending
paths: 3
clock: { horizon: 259200000, step: 60m }
market: { assets: { ETH: { model: { kind: gbm, spot: 2000, vol: 0.6 } } } }
oracle: { kind: push, heartbeat: 3600000, delay: 12s }
venues: { lend: { kind: aave-v3 }, comp: { kind: compound-v3 } }
liquidators: [{ name: keeper, latency: 30s }]
book:
  - { kind: loan, venue: lend, collateral: { ETH: 1 }, debt: { USDC: 1000 } }
  - { kind: option, underlying: ETH, right: call, strike: atm, expiry: 2d, qty: -1, iv: 0.8 }
`;

  it.each([
    ["the demo", DEMO],
    ["a lending scenario", scenarioFile("lending.yaml", LENDING)],
  ])("prints %s as a scenario that validates to the same filled scenario", async (_, file) => {
    const first = await ballast("validate", file, "--print");
    expect(first.code).toBe(0);
    const again = await ballast("validate", scenarioFile("printed.yaml", first.out), "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toEqual(JSON.parse((await ballast("validate", file, "--json")).out));
  });

  it("prints durations as written, or in the largest exact unit, never in bare milliseconds", async () => {
    const s = parse((await ballast("validate", scenarioFile("units.yaml", LENDING), "--print")).out);
    expect(s.clock).toMatchObject({ horizon: "3d", step: "60m" });
    expect(s.oracle).toMatchObject({ heartbeat: "1h", delay: "12s", jitter: "0s" });
    expect(s.liquidators[0]).toMatchObject({ name: "keeper", latency: "30s" });
    expect(s.book[1].expiry).toBe("2d");
    expect(s.execution.latency).toEqual({ kind: "fixed", delay: "0s" });
  });

  it("prints every lending venue asset's effective parameters (REFERENCE rows), not {}", async () => {
    const s = parse((await ballast("validate", scenarioFile("assets.yaml", LENDING), "--print")).out);
    // REFERENCE 'Lending: Aave v3', Ethereum core market 2023-10-31: WETH 80.5 % / 83 %, bonus 5 %;
    // USDC 77 % / 80 %, bonus 4.5 %.
    expect(s.venues.lend.assets.ETH).toMatchObject({ ltv: 0.805, lt: 0.83, bonus: 0.05, protocolFee: 0.1 });
    expect(s.venues.lend.assets.USDC).toMatchObject({ ltv: 0.77, lt: 0.8, bonus: 0.045 });
    // REFERENCE 'Lending: Compound v3', cUSDCv3 launch: WETH borrowCF 0.825, liquidateCF 0.895.
    expect(s.venues.comp.collaterals.ETH).toMatchObject({ borrowCF: 0.825, liquidateCF: 0.895 });
  });
});
