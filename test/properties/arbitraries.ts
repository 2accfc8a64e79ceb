/**
 * Random but valid scenarios for the property suites: one ETH/USDC market (GBM or Merton jumps),
 * a shock (crash, vol spike or depeg-like dip), an oracle (ideal, latency, push, TWAP, median) and
 * one of four books, each on its own venue kind with its rule parameters drawn here, so the
 * properties can recompute the rules from these numbers rather than from the engine's config:
 * - `aave`: 10 ETH supplied to aave-v3 (ltv/lt drawn), USDC borrowed at a share of the LTV cap;
 * - `compound`: the same on compound-v3 (borrowCF/liquidateCF/liquidationFactor drawn);
 * - `perp`: a long or short on perp-linear with flat imf/mmf, collateral a multiple of the IM;
 * - `option`: a written call or put on options-standard (linear), expiring inside the horizon.
 * Sizes are chosen so that a good share of the cases are liquidated; the suites assert it.
 */
import fc from "fast-check";

/** Cases per property: a few seconds in CI, many more under `npm run test:deep` (BALLAST_DEEP=1). */
export function numRuns(ci: number): number {
  const forced = Number(process.env["BALLAST_PROPERTY_RUNS"]);
  if (Number.isInteger(forced) && forced > 0) return forced;
  return process.env["BALLAST_DEEP"] === "1" ? ci * 25 : ci;
}

/** The fixed seed of every property (fast-check prints it with the failing case's path). */
export const SEED = 1717;

export type BookKind = "aave" | "compound" | "perp" | "option";

export interface Case {
  readonly kind: BookKind;
  readonly scenario: Record<string, unknown>;
  /** The rule parameters drawn for the book's venue, by name. */
  readonly rule: Readonly<Record<string, number>>;
}

const HORIZON_DAYS = 5;

const model = fc.oneof(
  fc.record({
    kind: fc.constant("gbm"),
    spot: fc.integer({ min: 500, max: 4000 }),
    vol: fc.double({ min: 0.2, max: 1.6, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant("merton"),
    spot: fc.integer({ min: 500, max: 4000 }),
    vol: fc.double({ min: 0.2, max: 1.0, noNaN: true }),
    lambda: fc.integer({ min: 5, max: 60 }),
    jumpMean: fc.double({ min: -0.15, max: 0.05, noNaN: true }),
    jumpStd: fc.double({ min: 0, max: 0.1, noNaN: true }),
  }),
);

const hours = (min: number, max: number) => fc.integer({ min, max }).map((h) => `${h}h`);

const shock = fc.oneof(
  fc.record({
    kind: fc.constant("crash"),
    asset: fc.constant("ETH"),
    at: hours(6, 24 * HORIZON_DAYS - 12),
    size: fc.oneof(
      fc.double({ min: -0.6, max: -0.1, noNaN: true }),
      fc.double({ min: 0.1, max: 0.8, noNaN: true }),
    ),
    over: fc.constantFrom("0s", "1h", "6h"),
  }),
  fc.record({
    kind: fc.constant("vol-spike"),
    asset: fc.constant("ETH"),
    at: hours(0, 48),
    for: hours(6, 48),
    multiplier: fc.double({ min: 2, max: 6, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant("depeg"),
    asset: fc.constant("ETH"),
    at: hours(6, 72),
    size: fc.double({ min: -0.5, max: -0.1, noNaN: true }),
    over: fc.constantFrom("0s", "2h"),
    hold: hours(1, 12),
    recover: hours(1, 24),
  }),
);

const oracle = fc.oneof(
  fc.constant({ kind: "ideal" }),
  fc.record({ kind: fc.constant("latency"), delay: fc.constantFrom("12s", "10m", "1h") }),
  fc.record({
    kind: fc.constant("push"),
    deviation: fc.double({ min: 0.002, max: 0.03, noNaN: true }),
    heartbeat: fc.constantFrom("1h", "3h"),
    delay: fc.constantFrom("0s", "12s", "5m"),
  }),
  fc.record({ kind: fc.constant("twap"), window: fc.constantFrom("30m", "2h") }),
  fc.record({
    kind: fc.constant("median"),
    latencyMs: fc.constant([0, 0, 60_000, 120_000, 300_000]),
    noiseBps: fc.constant([5]),
  }),
);

const liquidator = fc.record({
  name: fc.constant("keeper"),
  latency: fc.constantFrom("0s", "12s", "10m", "2h"),
  capital: fc.constant(1e7),
  gas: fc.integer({ min: 0, max: 20 }),
  minProfit: fc.constant(0),
});

type Book = Omit<Case, "scenario"> & {
  venues: Record<string, unknown>;
  book: unknown[];
  extra: Record<string, unknown>;
};

function loan(kind: "aave" | "compound") {
  return fc
    .record({
      lt: fc.double({ min: 0.7, max: 0.9, noNaN: true }),
      gap: fc.double({ min: 0.02, max: 0.1, noNaN: true }),
      use: fc.double({ min: 0.6, max: 0.98, noNaN: true }),
      bonus: fc.double({ min: 0.03, max: 0.1, noNaN: true }),
      liquidator,
    })
    .map(({ lt, gap, use, bonus, liquidator }): Book => {
      const ltv = lt - gap;
      const venue =
        kind === "aave"
          ? { kind: "aave-v3", assets: { ETH: { ltv, lt, bonus }, USDC: {} } }
          : {
              kind: "compound-v3",
              collaterals: { ETH: { borrowCF: ltv, liquidateCF: lt, liquidationFactor: 1 - bonus } },
            };
      return {
        kind,
        rule: { ltv, lt, use, bonus },
        venues: { lend: venue },
        // The debt is set per spot by `withSpot` (a share `use` of the LTV cap).
        book: [{ kind: "loan", venue: "lend", collateral: { ETH: 10 }, debt: { USDC: 0 } }],
        extra: { liquidators: [liquidator] },
      };
    });
}

const perp = fc
  .record({
    mmf: fc.double({ min: 0.01, max: 0.05, noNaN: true }),
    imfGap: fc.double({ min: 0.01, max: 0.1, noNaN: true }),
    qty: fc.oneof(fc.double({ min: 1, max: 20, noNaN: true }), fc.double({ min: -20, max: -1, noNaN: true })),
    cushion: fc.double({ min: 1.05, max: 3, noNaN: true }),
    insuranceFund: fc.constantFrom(0, 500, 1e6),
    fundingRate: fc.double({ min: -0.002, max: 0.002, noNaN: true }),
    partial: fc.boolean(),
  })
  .map(
    (p): Book => ({
      kind: "perp",
      rule: { mmf: p.mmf, imf: p.mmf + p.imfGap, qty: p.qty, cushion: p.cushion },
      venues: {
        perp: {
          kind: "perp-linear",
          imf: p.mmf + p.imfGap,
          mmf: p.mmf,
          fundingSource: "fixed",
          fundingRate: p.fundingRate,
          insuranceFund: p.insuranceFund,
          partial: p.partial,
        },
      },
      book: [{ kind: "perp", venue: "perp", underlying: "ETH", qty: p.qty, collateral: 0 }],
      extra: {},
    }),
  );

const option = fc
  .record({
    call: fc.boolean(),
    moneyness: fc.double({ min: 0.85, max: 1.15, noNaN: true }),
    qty: fc.integer({ min: 1, max: 10 }),
    iv: fc.double({ min: 0.3, max: 1.2, noNaN: true }),
    margin: fc.double({ min: 0.25, max: 0.5, noNaN: true }),
    expiryH: fc.integer({ min: 24, max: 24 * HORIZON_DAYS - 1 }),
  })
  .map(
    (o): Book => ({
      kind: "option",
      rule: { moneyness: o.moneyness, qty: -o.qty, iv: o.iv, margin: o.margin, expiryH: o.expiryH },
      venues: { opt: { kind: "options-standard", style: "linear", insuranceFund: 0 } },
      book: [
        {
          kind: "option",
          venue: "opt",
          underlying: "ETH",
          right: o.call ? "call" : "put",
          strike: 0,
          expiry: `${o.expiryH}h`,
          qty: -o.qty,
          iv: o.iv,
          collateral: 0,
        },
      ],
      extra: {},
    }),
  );

/** Sizes that depend on the spot: the loan's debt, the perp's collateral, the option's strike. */
function withSpot(b: Book, spot: number): unknown[] {
  const entry = { ...(b.book[0] as Record<string, unknown>) };
  const r = b.rule;
  if (b.kind === "aave" || b.kind === "compound")
    entry["debt"] = { USDC: Math.floor(10 * spot * (r["ltv"] as number) * (r["use"] as number)) };
  if (b.kind === "perp")
    entry["collateral"] =
      Math.abs(r["qty"] as number) * spot * (r["imf"] as number) * (r["cushion"] as number);
  if (b.kind === "option") {
    const strike = Math.round(spot * (r["moneyness"] as number));
    const intrinsic = Math.max(entry["right"] === "call" ? spot - strike : strike - spot, 0);
    entry["strike"] = strike;
    entry["collateral"] = -(r["qty"] as number) * (spot * (r["margin"] as number) + intrinsic);
  }
  return [entry];
}

export const caseArb: fc.Arbitrary<Case> = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    model,
    shocks: fc.array(shock, { minLength: 1, maxLength: 2 }),
    oracle,
    book: fc.oneof(loan("aave"), loan("compound"), perp, option),
  })
  .map(({ seed, model, shocks, oracle, book }) => ({
    kind: book.kind,
    rule: book.rule,
    scenario: {
      name: `property-${book.kind}`,
      seed,
      paths: 3,
      clock: { start: "2024-01-01T00:00:00Z", horizon: `${HORIZON_DAYS}d`, step: "1h" },
      market: { assets: { ETH: { model } }, shocks },
      oracle,
      venues: book.venues,
      book: withSpot(book, model.spot),
      strategy: { kind: "hold" },
      report: { sampleSeries: 0, eventPaths: 3 },
      ...book.extra,
    },
  }));
