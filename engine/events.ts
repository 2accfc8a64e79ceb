/**
 * The event log of one path, column-oriented (DESIGN: results leave the loop as columns). Trades,
 * oracle updates, liquidations, rejections and settlements are appended here; the recorder turns
 * them into `events.parquet`. Events are data, never exceptions (STYLE 7).
 *
 * One meaning per column: every amount has its own field (a trade's fee, slippage and gas; a
 * liquidation's debt repaid, collateral seized, bonus, protocol fee, health before and after, …).
 * A field an event does not set is unknown for it and stored as NULL (NaN or "" in the log).
 * Column documentation: reports/schema-events.ts.
 */
export const EventType = {
  trade: 0,
  oracleUpdate: 1,
  funding: 2,
  settlement: 3,
  liquidation: 4,
  rejected: 5,
  partialFill: 6,
  insuranceDraw: 7,
  badDebt: 8,
  deleverage: 9,
  interest: 10,
  collateral: 11,
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];
export const EVENT_TYPE_NAMES = Object.keys(EventType) as (keyof typeof EventType)[];

const ALWAYS_KEPT: readonly boolean[] = EVENT_TYPE_NAMES.map((n) =>
  ["settlement", "liquidation", "rejected", "partialFill", "insuranceDraw", "badDebt", "deleverage"].includes(
    n,
  ),
);

/** Optional amounts of an event, in quote unless said otherwise; absent ⇒ NULL. */
export const EVENT_AMOUNTS = [
  "fee",
  "slippage",
  "gas",
  "funding",
  "cash",
  "debtRepaid",
  "collateralSeized",
  "bonus",
  "protocolFee",
  "healthFactorBefore",
  "healthFactorAfter",
  "marginRatioBefore",
  "marginRatioAfter",
  "marginBalanceAfter",
  "badDebt",
  "insuranceDraw",
] as const;
export type EventAmount = (typeof EVENT_AMOUNTS)[number];

/** Optional names of an event; absent ⇒ NULL. */
export const EVENT_NAMES = ["venue", "liquidator"] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** One event's fields; `detail` is free text (why a trade was rejected, which rule fired). */
export type EventFields = {
  readonly account: string;
  readonly asset: string;
  /** Signed size in base units (e.g. ETH sold: negative). */
  readonly size: number;
  readonly price: number;
  readonly detail: string;
} & { readonly [K in EventAmount]?: number } & { readonly [K in EventName]?: string };

export class EventLog {
  /** Path the next pushed events belong to (set by the runner at the start of each path). */
  currentPath = 0;
  /** Whether every event of the current path is kept (otherwise only `always` types are). */
  keepAll = true;
  readonly path: number[] = [];
  readonly timeMs: number[] = [];
  readonly type: EventType[] = [];
  readonly account: string[] = [];
  readonly asset: string[] = [];
  readonly size: number[] = [];
  readonly price: number[] = [];
  readonly detail: string[] = [];
  /** Optional amounts, NaN where the event does not set one. */
  readonly amounts = Object.fromEntries(EVENT_AMOUNTS.map((k) => [k, [] as number[]])) as Record<
    EventAmount,
    number[]
  >;
  /** Optional names, "" where the event does not set one. */
  readonly names = Object.fromEntries(EVENT_NAMES.map((k) => [k, [] as string[]])) as Record<
    EventName,
    string[]
  >;
  readonly counts = new Int32Array(EVENT_TYPE_NAMES.length);

  get length(): number {
    return this.timeMs.length;
  }

  /**
   * Counts the event and keeps its row when the current path keeps everything or the type is one
   * that is always kept (settlements, liquidations, rejections, insurance draws, bad debt,
   * deleveraging): a large run keeps the rare, important events of every path without one row per
   * trade or oracle update.
   */
  push(t: number, type: EventType, f: EventFields): void {
    this.counts[type] = (this.counts[type] as number) + 1;
    if (!this.keepAll && !ALWAYS_KEPT[type]) return;
    this.path.push(this.currentPath);
    this.timeMs.push(t);
    this.type.push(type);
    this.account.push(f.account);
    this.asset.push(f.asset);
    this.size.push(f.size);
    this.price.push(f.price);
    this.detail.push(f.detail);
    for (const k of EVENT_AMOUNTS) this.amounts[k].push(f[k] ?? Number.NaN);
    for (const k of EVENT_NAMES) this.names[k].push(f[k] ?? "");
  }

  /**
   * Whether an event of `type` would keep its row now; callers on hot paths build the fields (and
   * their detail text) only then, and `tally` the event otherwise.
   */
  keeps(type: EventType): boolean {
    return this.keepAll || (ALWAYS_KEPT[type] as boolean);
  }

  /** Counts an event whose row is not kept. */
  tally(type: EventType): void {
    this.counts[type] = (this.counts[type] as number) + 1;
  }

  count(type: EventType): number {
    return this.counts[type] as number;
  }
}
