/** What the command-line tests share: the demo's path, a scratch folder, and a small valid scenario. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./cli-harness.js";

export const DEMO = join(ROOT, "scenarios/examples/demo.yaml");
export const tmp = mkdtempSync(join(tmpdir(), "ballast-cli-"));

export function scenarioFile(name: string, text: string): string {
  const f = join(tmp, name);
  writeFileSync(f, text);
  return f;
}

export const GOOD = `
name: tiny
seed: 3
paths: 20
clock: { horizon: 2d, step: 1h }
market: { assets: { ETH: { model: { kind: gbm, spot: 2000, vol: 0.6 } } } }
book:
  - { kind: option, underlying: ETH, right: put, strike: 1900, expiry: 2d, qty: -2, iv: 0.6 }
  - { kind: perp, underlying: ETH, collateral: 5000 }
strategy: { kind: delta-hedge, every: 4h }
`;
