/**
 * The README is tested as a user would use it (its rules: the README's "Writing this README"):
 * every `ballast` command of its `sh` blocks runs, in order, in a scratch copy of the project (in
 * process, with at most 20 paths); every other `npm run`/`bash` command names a script or file that
 * exists; every YAML block validates as a scenario, a fragment being laid over the demo scenario;
 * every repository path its prose names exists; the commands synopsis lists only real commands and
 * options. New sections are picked up without touching this file.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildProgram } from "../cli/main.js";
import { TOP_KEYS } from "../scenarios/schema/sections.js";
import { ballast, ROOT } from "./cli-harness.js";
import { fencedBlocks, namedPaths, shellCommands } from "./readme-blocks.js";

const README = readFileSync(join(ROOT, "README.md"), "utf8");
const BLOCKS = fencedBlocks(README).filter((b) => !b.flags.includes("illustrative"));
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const DEMO = parse(readFileSync(join(ROOT, "scenarios/examples/demo.yaml"), "utf8"));
/** Most paths a README command runs here: enough to exercise it, fast. */
const TEST_PATHS = "20";
/** Most accounts a README command generates here. */
const TEST_ACCOUNTS = 2000;

/**
 * A scratch project: `<tmp>/project` links every top-level entry of the project except `runs/`,
 * and `<tmp>/shared` links the shared data, so the README's relative paths resolve as in a clone.
 */
function scratchProject(): string {
  const top = mkdtempSync(join(tmpdir(), "ballast-readme-"));
  const project = join(top, "project");
  mkdirSync(project);
  for (const entry of readdirSync(ROOT)) {
    if (entry !== "runs") symlinkSync(join(ROOT, entry), join(project, entry));
  }
  symlinkSync(join(ROOT, "..", "shared"), join(top, "shared"));
  return project;
}

let project = "";
let home = "";
beforeAll(() => {
  home = process.cwd();
  project = scratchProject();
  process.chdir(project);
});
afterAll(() => process.chdir(home));

/** `ballast …` words of a command (after `npx`), with --paths capped where the command takes it. */
function ballastArgs(argv: readonly string[]): string[] | undefined {
  const words = argv[0] === "npx" ? argv.slice(1) : [...argv];
  if (words[0] !== "ballast") return undefined;
  // `/tmp/…` in a command is this suite's own scratch folder: two suites running at once (two
  // clones on one machine) must not write into each other's run folders.
  const args = words
    .slice(1)
    .map((w) => (w.startsWith("/tmp/") ? join(project, "..", "tmp", w.slice(5)) : w));
  const sub = buildProgram().commands.find((c) => c.name() === args[0]);
  if (!sub?.options.some((o) => o.long === "--paths")) return args;
  const at = args.indexOf("--paths");
  if (at >= 0) args[at + 1] = String(Math.min(Number(args[at + 1]), Number(TEST_PATHS)));
  else args.push("--paths", TEST_PATHS);
  // A generated population is capped like the paths: the command is exercised, not the machine.
  const file = args[1] !== undefined && /\.(ya?ml|json)$/.test(args[1]) ? join(project, args[1]) : undefined;
  const accounts =
    file && existsSync(file) ? parse(readFileSync(file, "utf8"))?.population?.generate?.accounts : undefined;
  if (typeof accounts === "number" && accounts > TEST_ACCOUNTS)
    args.push("--set", `population.generate.accounts=${TEST_ACCOUNTS}`);
  return args;
}

describe("the README's sh commands", () => {
  const blocks = BLOCKS.filter((b) => b.lang === "sh");
  it("has some", () => expect(blocks.length).toBeGreaterThan(0));
  for (const block of blocks) {
    it(`run as written: "${block.section}", line ${block.line}`, async () => {
      for (const cmd of shellCommands(block.text)) {
        const args = ballastArgs(cmd.argv);
        if (args === undefined) {
          checkOtherCommand(cmd.argv, cmd.source);
          continue;
        }
        const r = await ballast(...args);
        if (r.code !== cmd.exit)
          expect.fail(`"${cmd.source}" exited ${r.code}, the README says ${cmd.exit}:\n${r.err}`);
        expect(r.err, cmd.source).not.toMatch(/\n\s+at /);
      }
    });
  }
});

/** npm scripts must exist; a file given to bash or node must exist. */
function checkOtherCommand(argv: readonly string[], source: string): void {
  const [tool, first, second] = argv;
  if (tool === "npm" && first === "run") expect(PKG.scripts, source).toHaveProperty([second as string]);
  else if (tool === "npm" && first !== undefined && !["install", "ci", "i"].includes(first))
    expect(PKG.scripts, source).toHaveProperty([first]);
  else if ((tool === "bash" || tool === "node") && first !== undefined)
    expect(existsSync(join(project, first)), `${source}: ${first} exists`).toBe(true);
}

describe("the README's YAML blocks", () => {
  const blocks = BLOCKS.filter((b) => b.lang === "yaml");
  it("has some", () => expect(blocks.length).toBeGreaterThan(0));
  for (const block of blocks) {
    it(`validates as a scenario: "${block.section}", line ${block.line}`, async () => {
      const doc = parse(block.text) as Record<string, unknown>;
      expect(typeof doc, "a YAML block is a mapping of scenario sections").toBe("object");
      const unknown = Object.keys(doc).filter((k) => !(TOP_KEYS as readonly string[]).includes(k));
      expect(unknown, "keys that are not top-level scenario sections").toEqual([]);
      // A block with a name is a whole scenario; any other is a fragment laid over the demo.
      const scenario = doc["name"] !== undefined ? doc : { ...DEMO, ...doc };
      const file = join(project, `readme-line-${block.line}.yaml`);
      writeFileSync(file, JSON.stringify(scenario));
      const r = await ballast("validate", file);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
    });
  }
});

describe("the README's prose", () => {
  it("names only paths that exist", () => {
    const paths = namedPaths(README);
    expect(paths.length).toBeGreaterThan(3);
    const missing = paths.filter((p) => !existsSync(join(project, p)));
    expect(missing).toEqual([]);
  });

  it("lists real commands and options in the synopsis", () => {
    const synopsis = BLOCKS.filter((b) => b.lang === "" && /^ballast \w+/m.test(b.text));
    expect(synopsis.length).toBeGreaterThan(0);
    const program = buildProgram();
    for (const line of synopsis.flatMap((b) => b.text.split("\n"))) {
      const m = /^ballast (\w+)(.*)$/.exec(line);
      if (!m) continue;
      const sub = program.commands.find((c) => c.name() === m[1]);
      expect(sub, `ballast ${m[1]}`).toBeDefined();
      const flags = [...(m[2] as string).matchAll(/--[a-z-]+/g)].map((f) => f[0]);
      for (const f of flags)
        expect(
          sub?.options.map((o) => o.long),
          `${line}: ${f}`,
        ).toContain(f);
    }
  });
});
