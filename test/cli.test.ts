/**
 * The command line as users and CI scripts see it: its exit codes (0 / 2 / 3), its run folder,
 * byte-identical reruns, and one clear message per bad field — never a stack trace. A few tests
 * start the built executable (its exit status, stdout/stderr separation, a real run, a hang that
 * only a process shows); the other cases call `main()` in this process (test/cli-harness.ts), the
 * same code without a process start each.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readParquet } from "../reports/store.js";
import { DEMO, GOOD, scenarioFile, tmp } from "./cli-fixtures.js";
import { ballast, ballastProcess } from "./cli-harness.js";

describe("ballast run", () => {
  it("runs the demo through the executable and writes a complete run folder", () => {
    const r = ballastProcess(["run", "--paths", "40", "--out", join(tmp, "demo"), "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/^\S+\n$/);
    const dir = r.out.trim();
    expect(readdirSync(dir).sort()).toEqual([
      "accounts.parquet",
      "events.parquet",
      "paths.parquet",
      "report.html",
      "report.md",
      "series.parquet",
      "summary.json",
    ]);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    expect(summary.manifest).toMatchObject({ scenarioName: "eth-short-call-hedged", seed: 42, paths: 40 });
    expect(summary.manifest.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.metrics.pnl.n).toBe(40);
    for (const k of ["var95", "es95", "var99", "es99"])
      expect(typeof summary.metrics.pnl[k].value).toBe("number");
    expect(readFileSync(join(dir, "report.md"), "utf8")).toMatch(/ES 95 %/);
  });

  it("gives byte-identical summary.json and identical parquet contents for the same scenario and seed", async () => {
    const f = scenarioFile("same.yaml", GOOD);
    // One run in a process of its own, one in this process: nothing may depend on the process.
    const a = ballastProcess(["run", f, "--out", join(tmp, "same"), "--quiet"]).out.trim();
    const b = (await ballast("run", f, "--out", join(tmp, "same"), "--quiet")).out.trim();
    expect(a).not.toBe(b);
    expect(readFileSync(join(b, "summary.json"), "utf8")).toBe(readFileSync(join(a, "summary.json"), "utf8"));
    for (const table of ["paths", "events", "series"]) {
      expect(await readParquet(join(b, `${table}.parquet`))).toEqual(
        await readParquet(join(a, `${table}.parquet`)),
      );
    }
    const c = (await ballast("run", f, "--seed", "4", "--out", join(tmp, "same"), "--quiet")).out.trim();
    expect(readFileSync(join(c, "summary.json"), "utf8")).not.toBe(
      readFileSync(join(a, "summary.json"), "utf8"),
    );
  });

  it("prints the summary with --json", async () => {
    const r = await ballast(
      "run",
      scenarioFile("json.yaml", GOOD),
      "--json",
      "--out",
      join(tmp, "json"),
      "--quiet",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).manifest.paths).toBe(20);
  });
});

describe("bad input: exit code 2, every bad field named, no stack trace", () => {
  const cases: [string, string, RegExp[]][] = [
    [
      "unknown strategy",
      GOOD.replace("kind: delta-hedge", "kind: delta-hegde"),
      [/strategy\.kind/, /did you mean "delta-hedge"/],
    ],
    [
      "negative vol",
      GOOD.replace("vol: 0.6 }", "vol: -0.6 }"),
      [/market\.assets\.ETH\.model\.vol/, /found -0\.6/],
    ],
    ["missing field", GOOD.replace("horizon: 2d, ", ""), [/clock\.horizon/, /missing/]],
    ["wrong type", GOOD.replace("paths: 20", "paths: many"), [/paths/, /found "many"; allowed: an integer/]],
    [
      "several at once",
      GOOD.replace("paths: 20", "paths: 0")
        .replace("kind: delta-hedge", "kind: nope")
        .replace("iv: 0.6", "iv: 0"),
      [/paths: found 0/, /strategy\.kind/, /book\[0\]\.iv/],
    ],
    ["unknown key", GOOD.replace("seed: 3", "sed: 3"), [/unknown key "sed" \(did you mean "seed"\?\)/]],
    [
      "unknown asset",
      GOOD.replace("underlying: ETH, right", "underlying: BTC, right"),
      [/book\[0\]\.underlying/, /unknown asset "BTC"/],
    ],
    ["YAML syntax", "name: x\nclock: { horizon: 2d\n", [/line \d+, column \d+/]],
  ];
  for (const [what, text, patterns] of cases) {
    for (const cmd of ["run", "validate"]) {
      it(`${what} (${cmd})`, async () => {
        const file = scenarioFile(`${what.replace(/\W/g, "-")}.yaml`, text);
        const r =
          cmd === "run" ? await ballast(cmd, file, "--out", join(tmp, "bad")) : await ballast(cmd, file);
        expect(r.code).toBe(2);
        for (const p of patterns) expect(r.err).toMatch(p);
        expect(r.err).not.toMatch(/\n\s+at /);
        expect(r.out).toBe("");
      });
    }
  }

  it("through the executable: exit status 2, the problems on stderr only, no stack trace", () => {
    const file = scenarioFile("process-bad.yaml", GOOD.replace("kind: delta-hedge", "kind: delta-hegde"));
    const r = ballastProcess(["validate", file]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^ballast: bad input\n.*process-bad\.yaml: 1 problem\n {2}- strategy\.kind: /);
    expect(r.err).not.toMatch(/\n\s+at /);
    const ok = ballastProcess(["validate", DEMO]);
    expect(ok).toEqual({ code: 0, out: `${DEMO}: ok (ETH; 1000 paths)\n`, err: "" });
  });

  it("through the executable: an --out under /proc is exit 2 at once, not a hang", () => {
    const r = ballastProcess(["run", "--out", "/proc/ballast-runs", "--quiet", "--paths", "5"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/- --out: "\/proc\/ballast-runs" cannot hold run folders: it lies on procfs/);
  });

  it("a missing file and a bad flag", async () => {
    const missing = await ballast("run", join(tmp, "nope.yaml"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no such file/);
    const flag = await ballast("run", "--paths", "-3");
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/--paths/);
  });

  it("an unknown preset, or one whose assets the market lacks", async () => {
    const typo = await ballast(
      "validate",
      scenarioFile("preset1.yaml", GOOD.replace("market: {", "market: { presets: [mar-202], ")),
    );
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/market\.presets\[0\]: unknown preset "mar-202" \(did you mean "mar-2020"\?\)/);
    const luna = await ballast(
      "validate",
      scenarioFile("preset2.yaml", GOOD.replace("market: {", "market: { presets: [luna-ust-2022], ")),
    );
    expect(luna.code).toBe(2);
    expect(luna.err).toMatch(/preset "luna-ust-2022" shocks UST, LUNA, which market.assets lacks/);
  });

  it("writes no run folder for bad input", async () => {
    await ballast(
      "run",
      scenarioFile("bad2.yaml", GOOD.replace("paths: 20", "paths: x")),
      "--out",
      join(tmp, "never"),
    );
    expect(() => readdirSync(join(tmp, "never"))).toThrow();
  });
});

describe("bad books and venue set-ups: exit 2 from validate as from run", () => {
  const LOAN = `
name: loan
paths: 3
clock: { horizon: 1d, step: 1h }
market: { assets: { ETH: { model: { kind: gbm, spot: 2000, vol: 0.6 } } } }
venues: { lend: { kind: aave-v3 } }
book:
  - { kind: loan, venue: lend, collateral: { ETH: 1 }, debt: { USDC: 1000 } }
`;
  const cases: [string, string, RegExp][] = [
    [
      "a loan above its LTV",
      LOAN.replace("USDC: 1000", "USDC: 100000"),
      /book\[0\]\.debt: venue "lend" refuses to lend 100000 USDC/,
    ],
    [
      "collateral the venue does not list",
      LOAN.replace(
        "assets: { ETH: { model: { kind: gbm, spot: 2000, vol: 0.6 } } }",
        "assets: { ETH: { model: { kind: gbm, spot: 2000, vol: 0.6 } }, BTC: { model: { kind: gbm, spot: 60000, vol: 0.6 } } }",
      )
        .replace("kind: aave-v3", "kind: compound-v3, collaterals: { ETH: {} }")
        .replace("collateral: { ETH: 1 }", "collateral: { BTC: 1 }"),
      /book\[0\]\.collateral: venue "lend" does not take 1 BTC as collateral/,
    ],
    [
      "a borrow of a non-borrowable asset",
      LOAN.replace("{ USDC: 1000 }", "{ ETH: 0.1 }").replace("kind: aave-v3", "kind: compound-v3"),
      /book\[0\]\.debt: venue "lend" refuses/,
    ],
    [
      "a perp above its initial margin",
      GOOD.replace(
        "{ kind: perp, underlying: ETH, collateral: 5000 }",
        "{ kind: perp, underlying: ETH, qty: 100, collateral: 10 }",
      ),
      /book\[1\]\.qty: venue "perp" refuses to open this position .*initial margin/,
    ],
    [
      "funding from a series the market lacks",
      GOOD.replace("book:", "venues: { perp: { kind: perp-linear, fundingSource: series } }\nbook:"),
      /venues\.perp\.fundingSource: found series/,
    ],
    [
      "a venue named like a number",
      LOAN.replace("venues: { lend:", 'venues: { "2":').replace("venue: lend,", 'venue: "2",'),
      /venues\.2: "2" must start with a letter/,
    ],
    [
      "a perp venue in another quote, with a shock on an unknown asset",
      GOOD.replace("book:", "venues: { perp: { kind: perp-linear, quote: USDT } }\nbook:").replace(
        "market: {",
        "market: { shocks: [{ kind: crash, asset: BTC, at: 1d, size: -0.3 }], ",
      ),
      /2 problems[\s\S]*market\.shocks: shock on asset "BTC"[\s\S]*venues\.perp\.quote: found "USDT"/,
    ],
  ];
  for (const [what, text, pattern] of cases) {
    it(what, async () => {
      const file = scenarioFile(`venue-${what.replace(/\W/g, "-")}.yaml`, text);
      for (const r of [
        await ballast("validate", file),
        await ballast("run", file, "--out", join(tmp, "bad-venue")),
      ]) {
        expect(r.code).toBe(2);
        expect(r.err).toMatch(pattern);
        expect(r.err).not.toMatch(/\n\s+at /);
      }
    });
  }

  it("the same loan within its LTV validates and runs", async () => {
    const file = scenarioFile("loan-ok.yaml", LOAN);
    expect((await ballast("validate", file)).code).toBe(0);
    expect((await ballast("run", file, "--out", join(tmp, "loan-ok"), "--quiet")).code).toBe(0);
  });
});

describe("the machine's time zone", () => {
  it("does not move a clock start written without an offset: it is UTC everywhere", async () => {
    const f = scenarioFile(
      "tz.yaml",
      readFileSync(DEMO, "utf8").replace("2024-01-01T00:00:00Z", "2024-01-01T00:00:00"),
    );
    const saved = process.env["TZ"];
    try {
      // Node re-reads TZ when it is assigned, so the zones can be tried in this process.
      for (const tz of ["Asia/Tokyo", "America/New_York"]) {
        process.env["TZ"] = tz;
        expect(new Date(2024, 0, 1).getTimezoneOffset()).not.toBe(0);
        const r = await ballast("validate", f, "--json");
        expect(r.code).toBe(0);
        expect(JSON.parse(r.out).clock.start).toBe("2024-01-01T00:00:00.000Z");
      }
    } finally {
      if (saved === undefined) delete process.env["TZ"];
      else process.env["TZ"] = saved;
    }
  });
});

describe("names and output folders: exit 2 before any path is run", () => {
  const demo = readFileSync(DEMO, "utf8");
  it.each([".hidden", "../../etc/x", "a".repeat(120)])(
    "refuses the run name %j in validate as in run",
    async (name) => {
      const f = scenarioFile("named.yaml", demo.replace(/^name: .*$/m, `name: ${JSON.stringify(name)}`));
      const run = ["run", f, "--out", join(tmp, "named"), "--quiet", "--paths", "5"];
      for (const args of [["validate", f], run]) {
        const r = await ballast(...args);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/- name: found .*allowed: a non-empty folder name/);
        expect(r.err).not.toMatch(/\n\s+at /);
      }
    },
  );
  it("refuses an --out that is a file, or lies under one, naming --out", async () => {
    const file = scenarioFile("not-a-folder", "x");
    for (const out of [file, join(file, "sub")]) {
      const r = await ballast("run", "--out", out, "--quiet", "--paths", "5");
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/- --out: .* cannot hold run folders/);
    }
  });
  it("caps --paths as the scenario's paths are capped", async () => {
    const r = await ballast("run", "--paths", "1000000000", "--out", join(tmp, "many"), "--quiet");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--paths must be an integer from 1 to 10000000/);
  });
});

describe("parameters that break the arithmetic", () => {
  it.each([
    ["spot: 3000", "spot: 1e308"],
    ["vol: 0.8 }", "vol: 1000000 }"],
  ])("refuses %s → %s at the asset, exit 2, before any run", async (from, to) => {
    const f = scenarioFile("overflow.yaml", readFileSync(DEMO, "utf8").replace(from, to));
    for (const args of [
      ["validate", f],
      ["run", f, "--out", join(tmp, "overflow"), "--quiet", "--paths", "5"],
    ]) {
      const r = await ballast(...args);
      expect(r.code).toBe(2);
      // 1e308 is past the bound every number obeys (engine/params); 1e6 vol passes it and overflows the path.
      expect(r.err).toMatch(
        /- market\.assets\.ETH(\.model\.spot: found 1e\+308|: the first path's price at step \d+ is)/,
      );
    }
    expect(() => readdirSync(join(tmp, "overflow"))).toThrow();
  });
});
