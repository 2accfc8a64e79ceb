import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{engine,strategies,scenarios,data,reports,cli,test}/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Runs started through the CLI in tests check ledger conservation after every event.
    env: { BALLAST_CHECK_CONSERVATION: "1" },
    testTimeout: 60_000,
    pool: "forks",
  },
});
