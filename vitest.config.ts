import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{engine,strategies,scenarios,data,reports,cli,test}/**/*.test.ts"],
    // Tests switch on the ledger's conservation checker (see engine/ledger).
    env: { BALLAST_CHECK_CONSERVATION: "1" },
    testTimeout: 60_000,
    pool: "forks",
  },
});
