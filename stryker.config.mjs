/**
 * Mutation testing of the engine (`npm run test:mutation -- <folder>`), one folder a run so a run
 * fits a loaded two-core machine. <folder> is one of the keys of FOLDERS (default: ledger); the
 * run writes test/mutation/out/<folder>.html and keeps its incremental state in
 * test/mutation/out/<folder>.incremental.json (gitignored), so a rerun only retests mutants whose code or tests
 * changed. BALLAST_MUTATE_ONLY=<glob,…> narrows a run to some files of the folder. Equivalent survivors are listed with their reason in test/mutation/equivalent-mutants.md.
 */
const FOLDERS = {
  ledger: ["engine/ledger.ts"],
  pricing: ["engine/pricing/**/*.ts"],
  execution: ["engine/execution/**/*.ts"],
  oracle: ["engine/oracle/**/*.ts"],
  venues: ["engine/venues/**/*.ts"],
  liquidation: ["engine/liquidation/**/*.ts"],
};

const folder = process.env.BALLAST_MUTATE ?? "ledger";
// BALLAST_MUTATE_ONLY narrows a folder's run to some of its files (comma-separated globs).
const files = process.env.BALLAST_MUTATE_ONLY?.split(",") ?? FOLDERS[folder];
if (!files) {
  throw new Error(
    `BALLAST_MUTATE=${folder} is not a mutation folder; allowed: ${Object.keys(FOLDERS).join(", ")}`,
  );
}

/**
 * Outputs of a narrowed run are kept apart, one set per file subset (named after its files), so
 * they never replace the whole folder's nor each other; `run.mjs` merges them when the folder has
 * no whole-folder report.
 */
const only = process.env.BALLAST_MUTATE_ONLY;
const out = only
  ? `${folder}-only-${only
      .replace(/\.ts\b/g, "")
      .replace(/[^A-Za-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")}`
  : folder;

export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [...files, "!**/*.test.ts", "!**/test-fixtures.ts"],
  coverageAnalysis: "perTest",
  concurrency: Number(process.env.BALLAST_MUTATE_CONCURRENCY ?? 1),
  incremental: true,
  incrementalFile: `test/mutation/out/${out}.incremental.json`,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `test/mutation/out/${out}.html` },
  jsonReporter: { fileName: `test/mutation/out/${out}.json` },
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 20_000,
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
