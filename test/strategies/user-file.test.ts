/**
 * User strategy files through the CLI, in-process: the README's example (a TypeScript delta hedge)
 * reproduces the built-in delta-hedge exactly; broken files exit 2 naming the file (load and
 * parameter errors) or the file, the path and the simulated time (run-time errors), and leave no
 * run folder behind; clocks and Math.random inside a callback are refused.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../cli/main.js";

const EXAMPLES = resolve(import.meta.dirname, "../../scenarios/examples");
let dir = "";
let stderr = "";

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ballast-user-"));
  stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    stderr += String(s);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const scenario = (strategy: string) =>
  readFileSync(join(EXAMPLES, "demo.yaml"), "utf8")
    .replace(/^paths: .*$/m, "paths: 3")
    .replace(/^strategy: .*$/m, `strategy: ${strategy}`);

async function runWith(code: string, params = "{}", ext = "ts"): Promise<number> {
  writeFileSync(join(dir, `s.${ext}`), code);
  writeFileSync(join(dir, "sc.yaml"), scenario(`{ file: ./s.${ext}, params: ${params} }`));
  return main(["run", join(dir, "sc.yaml"), "--out", join(dir, "out"), "--quiet"]);
}

const GOOD = `
export const params = { every: { type: "duration", default: "1h", min: 1, description: "interval" } };
export function create(p) {
  return {
    start(view, out) { out.setTimer(p.every); },
    onTimer(view, out) { BODY; out.setTimer(p.every); },
  };
}`;

describe("user strategy files", () => {
  it("the README's TypeScript delta hedge gives the built-in delta-hedge's results exactly", async () => {
    const out = join(dir, "out");
    const user = join(EXAMPLES, "user-strategy.yaml");
    expect(await main(["run", user, "--paths", "20", "--out", out, "--quiet"])).toBe(0);
    const demo = join(EXAMPLES, "demo.yaml");
    expect(await main(["run", demo, "--paths", "20", "--out", out, "--quiet"])).toBe(0);
    const pnl = (name: string) =>
      JSON.parse(readFileSync(join(out, name, "summary.json"), "utf8")).metrics.pnl;
    expect(pnl("eth-short-call-user-hedge")).toEqual(pnl("eth-short-call-hedged"));
  });

  const cases: [string, string, string, RegExp][] = [
    ["a syntax error", "export function create( {", "{}", /s\.ts.*cannot load the module/s],
    ["a missing export", "export const params = {};", "{}", /s\.ts.*exports no create/s],
    ["a wrong parameter", GOOD.replace("BODY", ""), "{ every: -3 }", /s\.ts.*strategy\.params\.every/s],
    ["an unknown parameter", GOOD.replace("BODY", ""), "{ evry: 1h }", /s\.ts.*strategy\.params\.evry/s],
    [
      "a throw at run time",
      GOOD.replace("BODY", "throw new Error('boom')"),
      "{}",
      /s\.ts: path 0, simulated time 2024-01-01T01:00:00\.000Z: the strategy threw: boom/,
    ],
    [
      "an invalid intent",
      GOOD.replace("BODY", "out.trade(7, 0, 1)"),
      "{}",
      /s\.ts: path 0, simulated time 2024-01-01T01:00:00\.000Z: invalid intent trade\(7, 0, 1\)/,
    ],
    [
      "Math.random in a callback",
      GOOD.replace("BODY", "Math.random()"),
      "{}",
      /s\.ts: .*Math\.random is not allowed/,
    ],
    ["Date.now in a callback", GOOD.replace("BODY", "Date.now()"), "{}", /Date\.now is not allowed/],
    [
      "performance.now in a callback",
      GOOD.replace("BODY", "performance.now()"),
      "{}",
      /performance\.now is not allowed/,
    ],
  ];
  for (const [what, code, params, message] of cases) {
    it(`exits 2 on ${what}, naming the file, with no run folder`, async () => {
      expect(await runWith(code, params)).toBe(2);
      expect(stderr).toMatch(message);
      expect(readdirSync(dir).filter((f) => f === "out" || f.startsWith("."))).toEqual(
        readdirSync(dir).includes("out") ? ["out"] : [],
      );
      if (readdirSync(dir).includes("out")) expect(readdirSync(join(dir, "out"))).toEqual([]);
    });
  }

  it("restores Math.random and the clocks after each callback", async () => {
    const random = Math.random;
    expect(await runWith(GOOD.replace("BODY", ""))).toBe(0);
    expect(Math.random).toBe(random);
    expect(typeof Date.now()).toBe("number");
  });
});
