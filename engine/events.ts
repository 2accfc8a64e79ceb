/**
 * The event log of one path, column-oriented (DESIGN: results leave the loop as columns). Trades,
 * oracle updates, liquidations, rejections and settlements are appended here; the recorder turns
 * them into `events.parquet`. Events are data, never exceptions (STYLE 7).
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

/** One event's fields; `detail` is free text (why a trade was rejected, which rule fired). */
export interface EventFields {
  readonly account: string;
  readonly asset: string;
  /** Signed size in base units (e.g. ETH sold: negative). */
  readonly size: number;
  readonly price: number;
  /** Liquidation bonus paid (quote), fee, or cost, by type. */
  readonly bonus: number;
  /** Shortfall left uncovered (quote): bad debt, insurance draw. */
  readonly shortfall: number;
  readonly detail: string;
}

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
  readonly bonus: number[] = [];
  readonly shortfall: number[] = [];
  readonly detail: string[] = [];
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
    this.bonus.push(f.bonus);
    this.shortfall.push(f.shortfall);
    this.detail.push(f.detail);
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
