/** `npm run bench`: prints throughput figures for the issues' targets. */
import { benchDataLoad } from "./data-load.js";
import { benchEngine } from "./engine.js";
import { benchReferenceKernel } from "./reference-kernel.js";

const REALISTIC = {
  oracle: { kind: "push", deviation: 0.005, heartbeat: "1h", delay: "12s" },
  execution: {
    latency: { kind: "fixed", delay: "30s" },
    impact: { kind: "sqrt", coefficient: 0.7, annualVol: 0.8, dailyVolume: 5e8 },
    fees: { taker: 0.0005, maker: 0.0002 },
    gas: { kind: "fixed", units: 180000, priceGwei: 20 },
    gasAsset: "ETH",
  },
};

async function main(): Promise<void> {
  const kernel = benchReferenceKernel();
  console.log(
    `reference kernel (hand-written GBM + delta hedge loop): ${(kernel / 1e6).toFixed(2)} M path-steps/s`,
  );
  const ideal = await benchEngine("demo, ideal oracle and execution", {});
  print(ideal);
  console.log(
    `engine / kernel: ${(ideal.pathStepsPerSecond / kernel).toFixed(2)} (target ≥ 0.25, i.e. 3 M vs 12 M)`,
  );
  const real = await benchEngine("demo, push oracle + 30 s latency + sqrt impact + gas", REALISTIC);
  print(real);
  console.log(`realistic / ideal time: ${(real.seconds / ideal.seconds).toFixed(2)}× (target ≤ 1.5×)`);
  for (const d of await benchDataLoad()) {
    console.log(
      `data load ${d.name}: ${d.rows.toLocaleString("en-US")} rows in ${d.seconds.toFixed(2)} s (target: well under 1 s)`,
    );
  }
}

function print(b: {
  name: string;
  paths: number;
  steps: number;
  seconds: number;
  pathStepsPerSecond: number;
}): void {
  console.log(
    `${b.name}: ${b.paths} paths × ${b.steps} steps in ${b.seconds.toFixed(2)} s → ${(b.pathStepsPerSecond / 1e6).toFixed(2)} M path-steps/s`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 3;
});
