/**
 * Builders shared by the venue and liquidation tests (not used by the engine itself): a ledger with
 * ETH/USDC-style assets, funded wallets, and venues configured through the registry so the tests
 * exercise the same parameter path as a scenario file.
 */
import type { Issue } from "../errors.js";
import { InternalError } from "../errors.js";
import { EventLog, type EventType } from "../events.js";
import { Ledger, Reason } from "../ledger.js";
import { type KindDef, Registry } from "../registry.js";
import { makeTiers } from "./perp-rules.js";
import type { VenueCtx } from "./types.js";

export interface World {
  readonly ledger: Ledger;
  readonly events: EventLog;
  /** The external account that funds wallets. */
  readonly bank: number;
  readonly prices: Float64Array;
}

export function world(assets: readonly string[]): World {
  const ledger = new Ledger(assets);
  return {
    ledger,
    events: new EventLog(),
    bank: ledger.account("bank", true),
    prices: new Float64Array(assets.length),
  };
}

/** A wallet ledger account funded with `amounts` (asset name → units). */
export function wallet(w: World, name: string, amounts: Readonly<Record<string, number>>): number {
  const acct = w.ledger.account(name);
  for (const [asset, x] of Object.entries(amounts))
    w.ledger.transfer(w.bank, acct, w.ledger.asset(asset), x, Reason.deposit);
  return acct;
}

/** Reads `{ kind, ...params }` through a Registry (specs, defaults, check), then creates the venue. */
export function build<T>(def: KindDef<T, VenueCtx>, raw: Record<string, unknown>, w: World, name = "v"): T {
  const issues: Issue[] = [];
  const configured = new Registry("venue", [def]).read({ kind: def.kind, ...raw }, name, issues);
  if (issues.length > 0 || configured === undefined) {
    throw new InternalError(issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  }
  return def.create(configured.params, { name, ledger: w.ledger, events: w.events });
}

/** The kept events of `type`, one object per row (fields, optional amounts and names). */
export function eventRows(events: EventLog, type: EventType): Record<string, number | string>[] {
  const rows: Record<string, number | string>[] = [];
  for (let k = 0; k < events.length; k++) {
    if (events.type[k] !== type) continue;
    const row: Record<string, number | string> = {
      t: events.timeMs[k] as number,
      account: events.account[k] as string,
      asset: events.asset[k] as string,
      size: events.size[k] as number,
      price: events.price[k] as number,
      detail: events.detail[k] as string,
    };
    for (const [name, col] of Object.entries(events.amounts)) {
      const x = col[k] as number;
      if (!Number.isNaN(x)) row[name] = x;
    }
    for (const [name, col] of Object.entries(events.names)) if (col[k] !== "") row[name] = col[k] as string;
    rows.push(row);
  }
  return rows;
}

/** Binance BTCUSDT margin tiers, March 2021 (REFERENCE): floors, MMR, max leverage 125/100/50/20/10/5. */
export const BTC_TIERS = makeTiers(
  [0, 50e3, 250e3, 1e6, 10e6, 20e6],
  [0.004, 0.005, 0.01, 0.025, 0.05, 0.1],
  [1 / 125, 1 / 100, 1 / 50, 1 / 20, 1 / 10, 1 / 5],
);
