import { InputError } from "../engine/errors.js";
/** What strategy factories get besides their parameters. */
export interface StrategyContext {
  /** Asset names of the scenario, in engine order. */
  readonly assets: readonly string[];
  /** The quote currency's name. */
  readonly quote?: string;
  /** The scenario's venues, in engine order (name and kind). */
  readonly venues?: readonly { readonly name: string; readonly kind: string }[];
  /** Underlying of the first option in the book, if any (the default hedge target). */
  readonly firstOptionAsset?: string;
}

export const LENDING_KINDS = ["aave-v3", "compound-v3"];

/** The named venue, else the first of one of `kinds` (undefined when there is none). */
export function defaultVenue(
  ctx: StrategyContext,
  given: unknown,
  kinds: readonly string[],
): string | undefined {
  if (typeof given === "string") return given;
  return ctx.venues?.find((v) => kinds.includes(v.kind))?.name;
}

/**
 * The venue a strategy acts on: `given` when it names a venue of one of `kinds`, else the first such
 * venue. @throws InputError (exit 2) naming `strategy.venue` when there is none.
 */
export function requireVenue(
  ctx: StrategyContext,
  given: unknown,
  kinds: readonly string[],
  param = "venue",
): string {
  const names = (ctx.venues ?? []).filter((v) => kinds.includes(v.kind)).map((v) => v.name);
  const name = defaultVenue(ctx, given, kinds);
  if (name !== undefined && names.includes(name)) return name;
  throw new InputError([
    {
      code: "unknown_venue",
      path: `strategy.${param}`,
      message: `${given === undefined ? "no venue" : `"${String(given)}" is not a venue`} of kind ${kinds.join(" or ")}; allowed: ${names.length > 0 ? names.join(", ") : "declare one under venues"}`,
    },
  ]);
}

/** An asset name the scenario knows (the quote included). @throws InputError naming `strategy.<param>`. */
export function requireAsset(ctx: StrategyContext, given: unknown, param: string): string | undefined {
  if (given === undefined) return undefined;
  const names = [...ctx.assets, ...(ctx.quote ? [ctx.quote] : [])];
  if (typeof given === "string" && names.includes(given)) return given;
  throw new InputError([
    {
      code: "unknown_asset",
      path: `strategy.${param}`,
      message: `unknown asset ${JSON.stringify(given)}; allowed: ${names.join(", ")}`,
    },
  ]);
}
