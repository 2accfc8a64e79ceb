/**
 * `execution.transfers`: the routes collateral can take between venues (a bridge between chains,
 * a withdrawal and deposit across exchanges), each `{ from, to, delay, fee, feeRate }`. `from` and
 * `to` name venues (or `wallet`, the trader's own balance); venue names are checked when the
 * scenario is compiled. A transfer on a route arrives `delay` after it leaves, less
 * `fee` (units of the asset moved) + `feeRate` × amount. A route not listed cannot be taken.
 */
import { describeValue, type Issue } from "../../engine/errors.js";
import { isRecord, join, type ParamSpecs, readParams } from "../../engine/params.js";

export interface TransferRoute {
  readonly from: string;
  readonly to: string;
  readonly delayMs: number;
  readonly fee: number;
  readonly feeRate: number;
}

export const TRANSFER_SPECS: ParamSpecs = {
  from: { type: "string", description: "venue the collateral leaves (or wallet)" },
  to: { type: "string", description: "venue it arrives at (or wallet)" },
  delay: {
    type: "duration",
    default: "0s",
    min: 0,
    description: "time in flight (a bridge: minutes to hours)",
  },
  fee: { type: "number", default: 0, min: 0, description: "fixed fee, in units of the asset moved" },
  feeRate: { type: "number", default: 0, min: 0, max: 1, description: "fee as a share of the amount moved" },
};

/** Reads `execution.transfers` (absent: no routes). */
export function readTransfers(raw: unknown, issues: Issue[]): TransferRoute[] {
  if (raw === undefined) return [];
  const path = "execution.transfers";
  if (!Array.isArray(raw)) {
    issues.push({
      code: "bad_type",
      path,
      message: `found ${describeValue(raw)}; allowed: a list of { from, to, delay, fee, feeRate }`,
    });
    return [];
  }
  const out: TransferRoute[] = [];
  for (const [i, item] of raw.entries()) {
    const at = join(path, i);
    if (!isRecord(item)) {
      issues.push({
        code: "bad_type",
        path: at,
        message: `found ${describeValue(item)}; allowed: { from, to, delay, fee, feeRate }`,
      });
      continue;
    }
    const p = readParams(item, TRANSFER_SPECS, at, issues, false);
    if (p["from"] === p["to"] && p["from"] !== undefined)
      issues.push({
        code: "bad_route",
        path: `${at}.to`,
        message: `the same as from ("${p["to"]}"); allowed: another venue`,
      });
    out.push({
      from: p["from"] as string,
      to: p["to"] as string,
      delayMs: p["delay"] as number,
      fee: p["fee"] as number,
      feeRate: p["feeRate"] as number,
    });
  }
  return out;
}
