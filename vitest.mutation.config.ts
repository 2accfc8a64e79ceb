import { defineConfig } from "vitest/config";

/**
 * The test set StrykerJS runs against mutated engine code: the engine's unit tests and the
 * property tests. The CLI and end-to-end suites run the built `dist/`, not the mutated source, so
 * they cannot kill a mutant and only slow the run down. Test files stay isolated: with a shared
 * module graph (`isolate: false`) modules load once, so mutants in module-level code (parameter
 * specs and their defaults) are never switched on and are reported surviving although the tests
 * kill them (seen on engine/liquidation): scores come out understated.
 */
export default defineConfig({
  test: {
    include: ["engine/**/*.test.ts", "test/properties/**/*.test.ts"],
    // A handful of generated cases per property: each mutant reruns the properties that cover it.
    env: { BALLAST_CHECK_CONSERVATION: "1", BALLAST_PROPERTY_RUNS: "4" },
    testTimeout: 60_000,
    pool: "threads",
  },
});
