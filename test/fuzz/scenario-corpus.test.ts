/**
 * Hostile scenario files and flags, each run through `main()` in-process: every case must end in
 * exit code 2 with a message naming the place (field path, line, file or flag), within its time
 * limit, with no stack trace, no internal error, no raw terminal escape and no run folder written.
 * Each row is a mutation of a small good scenario (BASE), or a file built at test time.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BASE, ballast, expectRefused, workDir, writeCase } from "./harness.js";

const dir = workDir();
const out = join(dir, "runs");
const run = (file: string, ...flags: string[]) => ballast(["run", file, "--quiet", "--out", out, ...flags]);

/** [what, text replaced in BASE, replacement, the place the message must name]. */
const MUTATIONS: readonly [string, string, string, RegExp][] = [
  ["qty 1e308", "qty: -2", "qty: -1e308", /book\[0\]\.qty: found -1e\+308/],
  ["strike .inf", "strike: 1900", "strike: .inf", /book\[0\]\.strike: found Infinity/],
  ["strike .nan", "strike: 1900", "strike: .nan", /book\[0\]\.strike: found NaN/],
  ["spot .nan", "spot: 2000", "spot: .nan", /market\.assets\.ETH\.model\.spot/],
  ["spot denormal", "spot: 2000", "spot: 5e-324", /market\.assets\.ETH\.model\.spot: found 5e-324/],
  ["vol .inf", "vol: 0.6", "vol: .inf", /market\.assets\.ETH\.model\.vol/],
  ["iv 1e308", "iv: 0.6", "iv: 1e308", /book\[0\]\.iv/],
  ["collateral 1e308", "collateral: 5000", "collateral: 1e308", /book\[1\]\.collateral/],
  ["collateral -5", "collateral: 5000", "collateral: -5", /book\[1\]\.collateral/],
  [
    "collateral .nan in a mapping",
    "collateral: 5000",
    "collateral: { USDC: .nan }",
    /book\[1\]\.collateral\.USDC/,
  ],
  ["book worth 1e13", "collateral: 5000", "collateral: 1.0e13", /book\[1\]: worth 1\.000e\+13/],
  [
    "gas units 1e300",
    "strategy:",
    "execution: { gas: { kind: fixed, units: 1e300, priceGwei: 20 } }\nstrategy:",
    /execution\.gas\.units/,
  ],
  [
    "taker fee .nan",
    "strategy:",
    "execution: { fees: { taker: .nan } }\nstrategy:",
    /execution\.fees\.taker/,
  ],
  ["latency 1e300 ms", "strategy:", "execution: { latency: 1e300 }\nstrategy:", /execution\.latency\.delay/],
  ["horizon 1e300 ms", "horizon: 2d", "horizon: 1e300", /clock\.horizon/],
  ["negative seed", "seed: 3", "seed: -1", /seed: found -1/],
  ["10⁹ paths", "paths: 3", "paths: 1000000000", /paths: found 1000000000/],
  ["fractional paths", "paths: 3", "paths: 2.5", /paths: found 2\.5/],
  [
    "a 1 ms step over a year",
    "horizon: 2d, step: 1h",
    "horizon: 1y, step: 1ms",
    /clock\.step: 31536000000 steps/,
  ],
  [
    "heartbeat 1ms",
    "strategy:",
    "oracle: { kind: push, heartbeat: 1ms }\nstrategy:",
    /oracle: the oracle would publish 1\.73e\+8 times/,
  ],
  [
    "strategy.asset missing",
    "every: 4h",
    "every: 4h, asset: BTC",
    /strategy\.asset: "BTC" is not a market asset/,
  ],
  [
    "strategy.asset the quote",
    "every: 4h",
    "every: 4h, asset: USDC",
    /strategy\.asset: "USDC" is not a market asset/,
  ],
  ["strategy every soon", "every: 4h", "every: soon", /strategy\.every: found "soon"/],
  [
    "unknown model kind",
    "kind: gbm",
    "kind: gbmm",
    /market\.assets\.ETH\.model\.kind: unknown .*did you mean "gbm"/,
  ],
  ["unknown strategy kind", "delta-hedge", "delta-hegde", /strategy\.kind: unknown strategy "delta-hegde"/],
  [
    "market a number",
    "market: { assets: { ETH: { model: { kind: gbm, spot: 2000, vol: 0.6 } } } }",
    "market: 5",
    /market: found 5/,
  ],
  [
    "book a string",
    "book:\n  - { kind: option, underlying: ETH, right: put, strike: 1900, expiry: 2d, qty: -2, iv: 0.6 }\n  - { kind: perp, underlying: ETH, collateral: 5000 }",
    "book: x",
    /book: found "x"/,
  ],
  ["start 2024/03/05", "2024-01-01T00:00:00Z", '"2024/03/05"', /clock\.start: found "2024\/03\/05"/],
  ["start Mar 5, 2024", "2024-01-01T00:00:00Z", '"Mar 5, 2024"', /clock\.start: found "Mar 5, 2024"/],
  ["start 2023-02-30", "2024-01-01T00:00:00Z", "2023-02-30", /clock\.start: found "2023-02-30"/],
  [
    "start at hour 25",
    "2024-01-01T00:00:00Z",
    "2024-01-01T25:00:00Z",
    /clock\.start: found "2024-01-01T25:00:00Z"/,
  ],
  [
    "shock after the horizon",
    "market: { assets:",
    "market: { shocks: [ { kind: crash, asset: ETH, at: 3d, size: -0.3 } ], assets:",
    /market\.shocks\[0\]\.at: the crash begins at 3d, at or after the horizon \(2d\)/,
  ],
  [
    "oracle fault after the horizon",
    "strategy:",
    "oracle: { kind: ideal, faults: [ { kind: outage, from: 5d, to: 6d } ] }\nstrategy:",
    /oracle\.faults\[0\]\.from: the outage begins at 5d/,
  ],
  [
    "a perp hedge without a perp account",
    "  - { kind: perp, underlying: ETH, collateral: 5000 }\n",
    "",
    /strategy\.with: the strategy trades the perp but the book holds no perp account/,
  ],
  [
    "terminal escape in name",
    "name: fuzz",
    'name: "a\\e[31mred"',
    /name: found a name with control or format characters \("a\\u001b\[31mred"\)/,
  ],
  [
    "a right-to-left override in name",
    "name: fuzz",
    'name: "abc\\u202Egpj.exe"',
    /name: found a name with control or format characters/,
  ],
  [
    "100 three-byte characters in name",
    "name: fuzz",
    `name: ${"€".repeat(100)}`,
    /name: found a name of 100 characters and 300 bytes/,
  ],
  ["name with ..", "name: fuzz", 'name: "../escape"', /name: found "\.\.\/escape"/],
  ["name with /", "name: fuzz", 'name: "a/b"', /name: found "a\/b"/],
  ["name with NUL", "name: fuzz", 'name: "a\\0b"', /name: found a name with control or format characters/],
  ["name .", "name: fuzz", 'name: "."', /name: found "\."/],
  ["rate .inf", "market: { assets:", "market: { rate: .inf, assets:", /market\.rate: found Infinity/],
  ["quantile 1.5", "report: {", "report: { quantiles: [1.5], ", /report\.quantiles\[0\]: found 1\.5/],
  [
    "unknown top-level key",
    "strategy:",
    "strategey: { kind: hold }\nstrategy:",
    /strategey: unknown key "strategey" \(did you mean "strategy"\?\)/,
  ],
  ["alias without its anchor", "name: fuzz", "name: *nowhere", /\(file\): Unresolved alias/],
  ["duplicate key", "seed: 3", "seed: 3\nseed: 4", /line \d+, column 1: duplicate key "seed"/],
];

describe("hostile scenario files: exit 2 naming the place", () => {
  it.each(MUTATIONS)("%s", async (what, from, to, place) => {
    expect(BASE).toContain(from);
    const f = writeCase(dir, `${what.replace(/\W+/g, "-")}.yaml`, BASE.replace(from, to));
    expectRefused(await run(f, "--max-memory", "4G"), place, out);
  });
});

/** Whole files built at test time: [what, file contents (or a maker), place]. */
const FILES: readonly [string, () => string | Uint8Array, RegExp][] = [
  [
    "an alias bomb",
    () =>
      `a: &a [x,x,x,x,x,x,x,x,x,x]\n${"bcdefghi"
        .split("")
        .map((c, i) => `${c}: &${c} [${Array(10).fill(`*${"abcdefghi"[i]}`).join(",")}]`)
        .join("\n")}\n`,
    /aliases expand to too many nodes; allowed: at most 100 alias expansions/,
  ],
  [
    "nesting 100 000 deep",
    () => `a: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`,
    /nested (too deeply|more than 64 levels)/,
  ],
  [
    "nesting 70 deep in blocks",
    () => `${Array.from({ length: 70 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n")} 1\n`,
    /nested more than 64 levels deep/,
  ],
  [
    "40 000 keys",
    () => `name: x\nmarket:\n${Array.from({ length: 40_000 }, (_, i) => `  k${i}: 1\n`).join("")}`,
    /line 3, column 3: a mapping of 40000 keys; allowed: at most 1000/,
  ],
  [
    "a 2 MiB file",
    () => `# ${"x".repeat(2 * 1024 * 1024)}\n${BASE}`,
    /holds \d+ bytes, more than the 1048576 allowed/,
  ],
  [
    "binary bytes",
    () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) % 256),
    /not UTF-8 text|\(file\)|line \d+/,
  ],
  ["an empty file", () => "", /\(top\): found null|found nothing/],
  ["a list at the top", () => "- 1\n- 2\n", /\(top\): found a list of 2/],
  ["JSON with NaN text", () => '{"name": "x", "paths": NaN}', /line 1|\(file\)|paths/],
];

describe("hostile scenario files built at test time", () => {
  it.each(FILES)("%s", async (what, make, place) => {
    const f = writeCase(dir, `${what.replace(/\W+/g, "-")}.yaml`, make());
    expectRefused(await run(f), place, out);
  });
});

describe("what is not a scenario file", () => {
  it("a directory", async () => {
    const d = join(dir, "a-folder.yaml");
    mkdirSync(d, { recursive: true });
    expectRefused(await run(d), /a-folder\.yaml: it is a directory/, out);
  });

  it("a FIFO: refused at once, not read forever", async () => {
    const fifo = join(dir, "pipe.yaml");
    execFileSync("mkfifo", [fifo]);
    expectRefused(await run(fifo), /pipe\.yaml: it is a FIFO/, out);
  });

  it("a character device (/dev/zero)", async () => {
    expectRefused(await run("/dev/zero"), /\/dev\/zero: it is a character device/, out);
  });

  it("a missing file, and a symbolic link to nothing", async () => {
    expectRefused(await run(join(dir, "nope.yaml")), /nope\.yaml: no such file/, out);
    const link = join(dir, "dangling.yaml");
    symlinkSync(join(dir, "gone.yaml"), link);
    expectRefused(await run(link), /dangling\.yaml: no such file/, out);
  });
});

describe("hostile flags", () => {
  const good = writeCase(dir, "good.yaml", BASE);

  it.each([
    ["an empty --out", [""], /--out: "" cannot hold run folders: it is empty/],
    ["--out with a NUL", ["a\0b"], /--out: "a\\u0000b" cannot hold run folders: it holds a NUL/],
  ])("%s", async (_what, [o], place) => {
    expectRefused(await ballast(["run", good, "--quiet", "--out", o as string]), place);
  });

  it("--out through a dangling symbolic link", async () => {
    const link = join(dir, "out-link");
    symlinkSync(join(dir, "no-such-folder", "deeper"), link);
    expectRefused(
      await ballast(["run", good, "--quiet", "--out", link]),
      /--out: .* is a symbolic link to .*which does not exist/,
    );
  });

  it("--max-memory below the estimate: refused with the estimate and how to shrink it", async () => {
    const r = await run(good, "--max-memory", "64M");
    expectRefused(
      r,
      /\(run\): the run needs about \d+ MiB of memory, more than 64 MiB \(--max-memory\).*shrink it with/,
      out,
    );
  });

  it("a year of minutes with 1 000 sampled series: refused before it runs", async () => {
    const f = writeCase(
      dir,
      "series.yaml",
      BASE.replace("horizon: 2d, step: 1h", "horizon: 1y, step: 1m")
        .replace("sampleSeries: 1", "sampleSeries: 1000")
        .replace("paths: 3", "paths: 1000"),
    );
    expectRefused(
      await run(f),
      /\(run\): the run needs about [\d.]+ GiB of memory.*fewer sampled series \(report\.sampleSeries: 1000\)/,
      out,
    );
  });
});
