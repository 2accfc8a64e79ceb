/**
 * `ballast calibrate` on the shared daily ETH file (4 vendor null rows) and on hostile series:
 * the replay's window, gap and null-row options, the drift fixed at zero or flagged when large,
 * GARCH's fitted step carried into the snippet and enforced against clock.step, and exit 2 —
 * never NaN or Infinity in a snippet — for a constant or subnormal series.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { adjustFit } from "../cli/calibrate-checks.js";
import { MS_PER_DAY, MS_PER_WEEK } from "../engine/units.js";
import { ballast, ROOT, scratch } from "./cli-harness.js";

const DAILY = join(ROOT, "../shared/data/eth-usd-daily-2015-2021.csv");
const tmp = scratch("ballast-calibrate-");

/** One-day returns between rows that both have a price, counted independently of the loader. */
function dailyReturns(from = "0000", to = "9999"): number {
  const rows = readFileSync(DAILY, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(","))
    .filter(([d, , , , close]) => close !== "null" && (d as string) >= from && (d as string) <= to)
    .map(([d]) => Date.parse(`${d}T00:00:00Z`));
  return rows.filter((t, i) => i > 0 && t - (rows[i - 1] as number) === MS_PER_DAY).length;
}

function snippet(out: string): Record<string, { model: Record<string, unknown> }> {
  return parse(
    out
      .split("\n")
      .filter((l) => !l.startsWith("#"))
      .join("\n"),
  );
}

describe("ballast calibrate: the replay's data options", () => {
  it("refuses the vendor's null rows by default, naming each row and the option", async () => {
    const r = await ballast("calibrate", DAILY);
    expect(r.code).toBe(2);
    for (const row of [1717, 1892, 1895, 1896]) expect(r.err).toContain(`row ${row}:`);
    expect(r.err).toContain("use --null-rows gap");
    expect(r.out).toBe("");
  });

  it("drops them with --null-rows gap, leaving out the returns across the holes", async () => {
    const r = await ballast("calibrate", DAILY, "--null-rows", "gap", "--zero-drift");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`(${dailyReturns()} log returns)`);
  });

  it("fits only the --from/--to window (inclusive ISO times)", async () => {
    const r = await ballast(
      "calibrate",
      DAILY,
      ...["--null-rows", "gap", "--from", "2018-01-01", "--to", "2020-12-31", "--zero-drift"],
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain(`(${dailyReturns("2018-01-01", "2020-12-31")} log returns)`);
  });

  it("refuses a gap longer than --max-gap, naming it", async () => {
    const r = await ballast("calibrate", DAILY, "--null-rows", "gap", "--max-gap", "2d");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /--max-gap: 3d between the bars of 2020-10-11.* and 2020-10-14.*; allowed: at most 2d/,
    );
  });
});

describe("ballast calibrate: the drift", () => {
  it("warns on stderr when the fitted drift is beyond 100 %/yr, and --zero-drift fixes it at 0", async () => {
    const fitted = await ballast("calibrate", DAILY, "--null-rows", "gap");
    expect(fitted.code).toBe(0);
    const drift = snippet(fitted.out)["ETH"]?.model["drift"] as number;
    expect(drift).toBeGreaterThan(1);
    expect(fitted.err).toMatch(/^ballast: warning: the fitted drift is \d+ %\/yr .*--zero-drift/);
    const zero = await ballast("calibrate", DAILY, "--null-rows", "gap", "--zero-drift");
    expect(zero.err).toBe("");
    const model = snippet(zero.out)["ETH"]?.model;
    expect(model?.["drift"]).toBe(0);
    expect(model?.["vol"]).toBe(snippet(fitted.out)["ETH"]?.model["vol"]);
    expect(zero.out).toMatch(/# note: drift fixed at 0 \(--zero-drift\); the fit gave \d+ %\/yr/);
  });
});

describe("ballast calibrate: GARCH's step", () => {
  it("writes the step α and β refer to, and a scenario on another clock step is refused", async () => {
    const r = await ballast("calibrate", DAILY, "--null-rows", "gap", "--model", "garch", "--zero-drift");
    expect(r.code).toBe(0);
    const model = snippet(r.out)["ETH"]?.model;
    expect(model?.["step"]).toBe("1d");
    const scenario = (step: string) =>
      tmp.file(
        `garch-${step}.json`,
        JSON.stringify({
          name: "garch",
          clock: { horizon: "10d", step },
          market: { assets: { ETH: { model } } },
        }),
      );
    expect((await ballast("validate", scenario("1d"))).code).toBe(0);
    const hourly = await ballast("validate", scenario("1h"));
    expect(hourly.code).toBe(2);
    expect(hourly.err).toMatch(
      /market\.assets\.ETH\.model\.step: alpha and beta were fitted on 1d steps but clock\.step is 1h/,
    );
  });
});

describe("ballast calibrate: Heston on coarse steps", () => {
  const fit = { model: "heston" as const, params: { drift: 0, theta: 0.5 }, n: 500, extra: {}, notes: [] };
  it("warns from weekly steps on, not on daily ones", () => {
    expect(adjustFit(fit, MS_PER_DAY, {}).warnings).toEqual([]);
    expect(adjustFit(fit, MS_PER_WEEK, {}).warnings.join()).toMatch(/full-truncation Euler.*0\.3 %.*2\.9 %/);
  });

  it("warns when a scenario runs Heston on weekly steps", async () => {
    const f = tmp.file(
      "heston-weekly.yaml",
      `name: h
clock: { horizon: 52w, step: 1w }
market: { assets: { ETH: { model: { kind: heston, spot: 2000, v0: 0.5, kappa: 2, theta: 0.5, xi: 0.5, rho: -0.5 } } } }
`,
    );
    const r = await ballast("validate", f);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^ballast: warning: market\.assets\.ETH: Heston paths use full-truncation Euler/);
  });
});

describe("ballast calibrate: series with nothing to fit", () => {
  const csv = (name: string, prices: readonly number[]) =>
    tmp.file(
      name,
      `time,close\n${prices.map((p, i) => `${new Date(Date.UTC(2024, 0, 1, i)).toISOString()},${p}`).join("\n")}\n`,
    );
  it.each([
    [
      "a constant series",
      csv("flat.csv", Array(200).fill(100)),
      /every one of the 199 one-step returns is 0/,
    ],
    // The loader refuses a price below 1e-12 first (data/validate.ts); calibrate's own check stays behind it.
    [
      "a subnormal price",
      csv("tiny.csv", [...Array(199).fill(100), 5e-324]),
      /row 199 is 5e-324|price must be > 0 and ≥ 1e-12, found 5e-324/,
    ],
  ])("refuses %s with exit 2, printing no NaN or Infinity", async (_, file, why) => {
    for (const model of ["gbm", "garch"]) {
      const r = await ballast("calibrate", file, "--model", model);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(why);
      expect(r.out).toBe("");
    }
  });
});

describe("a replay takes the same null-row policy", () => {
  const replay = (nullRows: string) =>
    tmp.file(
      `replay-${nullRows}.json`,
      JSON.stringify({
        name: "daily",
        clock: { start: "2020-10-01T00:00:00Z", horizon: "19d", step: "1d" },
        market: {
          assets: { ETH: { data: { file: DAILY, maxGap: "4d", ...(nullRows ? { nullRows } : {}) } } },
        },
      }),
    );
  it("refuses the vendor's null rows by default and replays across them with nullRows: gap", async () => {
    const refused = await ballast("validate", replay(""));
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/row 1892: Close: missing value "null" on 2020-10-09/);
    const ok = await ballast("validate", replay("gap"));
    expect(ok.err).toBe("");
    expect(ok.code).toBe(0);
  });
});
