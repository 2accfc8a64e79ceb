/** Typed reads of parameters that `Registry.read` has already validated (STYLE 8: trust after checking). */
import type { Params } from "../../engine/params.js";

export function num(params: Params, key: string): number {
  return params[key] as number;
}

export function str(params: Params, key: string): string {
  return params[key] as string;
}
