/**
 * `npm run test:mutation [-- <folder>...]`: runs StrykerJS over each named engine folder in turn
 * (all of them when none is named), then prints the mutation score per folder from the JSON
 * reports in test/mutation/out/. Folders: ledger, pricing, execution, oracle, venues, liquidation.
 * BALLAST_MUTATE_CONCURRENCY sets the number of test-runner processes (default 1).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";

const ALL = ["ledger", "pricing", "execution", "oracle", "venues", "liquidation"];
const root = resolve(import.meta.dirname, "../..");
const asked = process.argv.slice(2);
const unknown = asked.filter((f) => !ALL.includes(f));
if (unknown.length > 0) {
  console.error(`unknown mutation folder(s) ${unknown.join(", ")}; allowed: ${ALL.join(", ")}`);
  process.exit(2);
}
const folders = asked.length > 0 ? asked : ALL;
const stryker = resolve(root, "node_modules/@stryker-mutator/core/bin/stryker.js");
for (const folder of folders) {
  const r = spawnSync(process.execPath, [stryker, "run", "stryker.config.mjs"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, BALLAST_MUTATE: folder },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Stryker's score: killed + timed out over all valid mutants (no-coverage ones count as survivors). */
function score(report) {
  const n = { killed: 0, survived: 0, timeout: 0, noCoverage: 0 };
  for (const file of Object.values(report.files)) {
    for (const m of file.mutants) {
      if (m.status === "Killed") n.killed++;
      else if (m.status === "Survived") n.survived++;
      else if (m.status === "Timeout") n.timeout++;
      else if (m.status === "NoCoverage") n.noCoverage++;
    }
  }
  const valid = n.killed + n.survived + n.timeout + n.noCoverage;
  return { ...n, valid, pct: valid === 0 ? 100 : (100 * (n.killed + n.timeout)) / valid };
}

/**
 * A folder's report: the whole-folder run's, else the narrowed runs' (BALLAST_MUTATE_ONLY) merged,
 * the latest run of each file winning. Undefined when the folder was never run.
 */
function folderReport(folder) {
  const whole = resolve(out, `${folder}.json`);
  if (existsSync(whole)) return { report: JSON.parse(readFileSync(whole, "utf8")), how: "" };
  const parts = readdirSync(out)
    .filter((f) => f.startsWith(`${folder}-only-`) && f.endsWith(".json") && !f.includes("incremental"))
    .map((f) => resolve(out, f))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  if (parts.length === 0) return undefined;
  const files = {};
  for (const p of parts) Object.assign(files, JSON.parse(readFileSync(p, "utf8")).files);
  return { report: { files }, how: `  (${Object.keys(files).length} file(s), run one subset at a time)` };
}

const out = resolve(root, "test/mutation/out");
console.log("\nfolder       killed  timeout  survived  no-cov   score");
for (const folder of existsSync(out) ? ALL : []) {
  const r = folderReport(folder);
  if (r === undefined) continue;
  const s = score(r.report);
  const cells = [s.killed, s.timeout, s.survived, s.noCoverage].map((v) => String(v).padStart(7));
  console.log(`${folder.padEnd(12)}${cells.join("  ")}  ${s.pct.toFixed(1).padStart(6)} %${r.how}`);
}
