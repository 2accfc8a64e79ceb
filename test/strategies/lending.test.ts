/**
 * Lending strategies on shared paths (same seed, same crash): an Aave v3 loan of 10 ETH against
 * 16 000 USDC (HF ≈ 1.55 at 3 000) through a 40 % crash, with a reserve of ETH in the wallet
 * (the borrowed USDC stays there too, so the reserve is ETH). `hold` is liquidated on every path;
 * `collateral-topup` with a large enough reserve never is; with a reserve too small it is, and the
 * run says why (the venue refused the top-up: the deposit exceeds the wallet balance).
 */
import { describe, expect, it } from "vitest";
import { EventType } from "../../engine/events.js";
import { run } from "../helpers.js";

function loanScenario(strategy: Record<string, unknown>, reserve: number): Record<string, unknown> {
  return {
    name: "topup",
    seed: 5,
    paths: 12,
    clock: { start: "2024-01-01T00:00:00Z", horizon: "4d", step: "10m" },
    market: {
      quote: "USDC",
      assets: { ETH: { model: { kind: "gbm", spot: 3000, vol: 0.3 } } },
      shocks: [{ kind: "crash", asset: "ETH", at: "2d", size: -0.4, over: "3h" }],
    },
    oracle: { kind: "push", deviation: 0.005, heartbeat: "1h" },
    venues: { lend: { kind: "aave-v3", assets: { ETH: {}, USDC: {} } } },
    liquidators: [{ name: "keeper", latency: "1m", capital: 1e7 }],
    book: [
      { kind: "loan", venue: "lend", collateral: { ETH: 10 }, debt: { USDC: 16000 } },
      { kind: "cash", amount: { ETH: reserve } },
    ],
    strategy,
    report: { sampleSeries: 0, eventPaths: 1 },
  };
}

describe("collateral-topup", () => {
  const hold = run(loanScenario({ kind: "hold" }, 4));
  const topup = run(loanScenario({ kind: "collateral-topup", asset: "ETH", trigger: 1.2, target: 1.5 }, 4));
  const starved = run(
    loanScenario({ kind: "collateral-topup", asset: "ETH", trigger: 1.2, target: 1.5 }, 0.3),
  );

  it("avoids the liquidation the crash inflicts on hold", () => {
    for (const x of hold.metrics.columns.liquidations) expect(x).toBeGreaterThan(0);
    for (const x of topup.metrics.columns.liquidations) expect(x).toBe(0);
    // It acted: ETH supplied on every path (events of path 0 kept in full).
    const ev = topup.events;
    const supplies = ev.detail.filter(
      (d, i) => ev.type[i] === EventType.collateral && d.startsWith("supply"),
    );
    expect(supplies.length).toBeGreaterThan(0);
  });

  it("fails when its reserve runs out, with the refusal's reason in the events", () => {
    for (const x of starved.metrics.columns.liquidations) expect(x).toBeGreaterThan(0);
    const ev = starved.events;
    const refused = ev.detail.filter(
      (d, i) => ev.type[i] === EventType.rejected && /exceeds the wallet/.test(d),
    );
    expect(refused.length).toBeGreaterThanOrEqual(starved.metrics.columns.liquidations.length);
  });
});
