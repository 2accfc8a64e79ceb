/**
 * The headline table of report.md and report.html, read from a summary.json alone: each row a
 * metric, its value and its uncertainty (± SE, or a 95 % interval [lower, upper]).
 */
import { formatNumber, formatPercent, NO_VALUE } from "./format.js";
import type { Summary } from "./summary.js";

export interface HeadlineRow {
  readonly section: string;
  readonly label: string;
  readonly value: string;
  readonly uncertainty: string;
}

type Est = { value?: number | null; se?: number | null; lower?: number | null; upper?: number | null };

function get(obj: unknown, ...path: string[]): Est | undefined {
  let o: unknown = obj;
  for (const k of path)
    o = o !== null && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined;
  return o !== null && typeof o === "object" ? (o as Est) : undefined;
}

/** "± 1.23" from an SE, else "[a, b]" from an interval, else "–". */
export function uncertainty(e: Est | undefined, pct = false, digits = 2): string {
  const f = (x: number | null | undefined) => (pct ? percent(x) : formatNumber(x, digits));
  if (e?.lower !== undefined && e.lower !== null && e.upper !== undefined && e.upper !== null)
    return `[${f(e.lower)}, ${f(e.upper)}]`;
  if (e?.se !== undefined && e.se !== null) return `± ${f(e.se)}`;
  return NO_VALUE;
}

function percent(x: number | null | undefined): string {
  return x === null || x === undefined ? NO_VALUE : `${formatNumber(x * 100)} %`;
}

function row(
  section: string,
  label: string,
  e: Est | undefined,
  pct = false,
  digits = 2,
): HeadlineRow | null {
  if (e === undefined) return null;
  const value = pct ? percent(e.value) : formatNumber(e.value, digits);
  return { section, label, value, uncertainty: uncertainty(e, pct, digits) };
}

/** The headline rows, in report order; rows whose metric the run does not have are left out. */
export function headlineRows(summary: Summary): HeadlineRow[] {
  const m = summary.metrics;
  const pnl = m.pnl;
  const rows: (HeadlineRow | null)[] = [
    row("PnL", "Mean PnL", get(pnl, "mean")),
    row("PnL", "Std PnL", { value: (pnl["std"] as number | null) ?? null }),
    ...Object.keys((pnl["quantiles"] as object) ?? {}).map((k) =>
      row("PnL", `PnL quantile ${formatPercent(Number(k))}`, get(pnl, "quantiles", k)),
    ),
    row("PnL", "VaR 95 %", get(pnl, "var95")),
    row("PnL", "ES 95 %", get(pnl, "es95")),
    row("PnL", "VaR 99 %", get(pnl, "var99")),
    row("PnL", "ES 99 %", get(pnl, "es99")),
    row("Risk", "Hedge error (std PnL / premium)", get(m.risk, "hedgeError"), false, 4),
    row("Risk", "Sharpe (horizon)", get(m.risk, "sharpe"), false, 3),
    row("Risk", "Sortino (horizon)", get(m.risk, "sortino"), false, 3),
    row("Risk", "Max drawdown (mean)", get(m.risk, "maxDrawdown")),
    row("Risk", "Peak margin utilisation (mean)", get(m.risk, "peakMarginUtilisation"), true),
    row("Risk", "Capital efficiency (PnL / peak capital)", get(m.risk, "capitalEfficiency"), true),
    row("Risk", "Turnover (notional / equity)", get(m.risk, "turnover"), false, 3),
    row("Liquidations", "P(liquidation)", get(m.liquidations, "probability"), true),
    row("Liquidations", "P(bad debt)", get(m.liquidations, "badDebt", "probability"), true),
    row("Liquidations", "Bad debt (mean per path)", get(m.liquidations, "badDebt", "mean")),
  ];
  return rows.filter(
    (r): r is HeadlineRow => r !== null && !(r.value === NO_VALUE && r.uncertainty === NO_VALUE),
  );
}

/** Mean-per-path rows of a block (costs, attribution, figures given liquidation) with labels. */
export function blockRows(
  block: unknown,
  labels: Readonly<Record<string, string>>,
  section: string,
): HeadlineRow[] {
  const out: HeadlineRow[] = [];
  for (const [key, label] of Object.entries(labels)) {
    const r = row(section, label, get(block, key));
    if (r !== null && r.value !== NO_VALUE) out.push(r);
  }
  return out;
}
