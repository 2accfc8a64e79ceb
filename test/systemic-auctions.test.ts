/**
 * Black Thursday replayed (scenarios/examples/black-thursday-auctions.yaml): the real 12–13 March
 * 2020 ETH hours over 100 000 generated vaults, a one-hour-delayed oracle, gas soaring with the
 * moves and keepers stalled by fixed gas bids. The English auction (Flipper) leaves bad debt that
 * the Dutch auction (Clipper) shrinks: lots go for nearly nothing when one keeper alone is online.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/cli/bin.js");
const SCENARIO = join(ROOT, "scenarios/examples/black-thursday-auctions.yaml");
const tmp = mkdtempSync(join(tmpdir(), "ballast-auctions-"));

function lossOf(...extra: string[]): { loss: number; debt: number } {
  const r = spawnSync(
    process.execPath,
    [BIN, "run", SCENARIO, "--out", tmp, "--quiet", "--overwrite", ...extra],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  expect(r.status).toBe(0);
  const s = JSON.parse(readFileSync(join(r.stdout.trim(), "summary.json"), "utf8"));
  return { loss: s.metrics.bad_debt_usd.mean, debt: s.population.debtUsd };
}

describe("Black Thursday, English versus Dutch auctions", () => {
  it("loses most of the debt under the Flipper and far less under the Clipper", () => {
    const flip = lossOf();
    const clip = lossOf("--set", "cascade.rule=clipper");
    expect(flip.loss).toBeGreaterThan(0.5 * flip.debt);
    expect(clip.loss).toBeLessThan(0.25 * flip.loss);
  });
});
