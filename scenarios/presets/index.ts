/**
 * Named stress presets (DESIGN: scenarios/presets). Each `.yaml` file next to this one holds
 * `name`, `description`, `source` and `shocks` (a list in the shock registry's shape); its comments
 * give every figure and where it comes from (REFERENCE "Stress events", the shared data, or
 * UNVERIFIED). The CLI reads the files (scenarios/ does no I/O); `ballast list presets` prints this
 * table. Shock times are offsets from the scenario start; every preset's event begins at `1d`.
 */
export interface PresetInfo {
  readonly name: string;
  /** File name in scenarios/presets/. */
  readonly file: string;
  readonly description: string;
  readonly source: string;
  /** Assets the preset's shocks name; a scenario using the preset must have all of them. */
  readonly assets: readonly string[];
}

const REF = "REFERENCE.md Stress events (news and post-mortems; approximate)";
const HOURLY =
  "REFERENCE.md Stress events; Binance ETHUSDT 1h klines (shared/data/eth-usdt-2020-2022-1h.csv)";

export const PRESETS: readonly PresetInfo[] = [
  {
    name: "mar-2020",
    file: "mar-2020.yaml",
    description:
      "Black Thursday: ETH −55.8 % in ≈ 26 h in two legs (worst hour −21 %), then a +36 % rebound and ≈ 4.7× hourly vol for a day",
    source: HOURLY,
    assets: ["ETH"],
  },
  {
    name: "may-2021",
    file: "may-2021.yaml",
    description:
      "19 May 2021: ETH −44 % in ≈ 13 h, +45 % V-shaped rebound within 4 h, ≈ 3.7× hourly vol for a day",
    source: HOURLY,
    assets: ["ETH"],
  },
  {
    name: "luna-ust-2022",
    file: "luna-ust-2022.yaml",
    description:
      "LUNA/UST, May 2022: UST depegs to ≈ 0.10 over 6 days; LUNA falls from > 60 to ≈ 0.01 over 5 days (approximate shape)",
    source: REF,
    assets: ["UST", "LUNA"],
  },
  {
    name: "steth-2022",
    file: "steth-2022.yaml",
    description:
      "stETH, June 2022: ETH −30 % over 3 days; stETH trades at ≈ 0.93 ETH, discount > 2 % for ≈ 5 weeks",
    source: REF,
    assets: ["ETH", "stETH"],
  },
  {
    name: "ftx-2022",
    file: "ftx-2022.yaml",
    description:
      "FTX, November 2022: ETH ≈ −33 % over ≈ 2 days (UNVERIFIED; BTC monthly low −24 % from data)",
    source: "shared/data/BTCUSD.csv (Nov 2022 bar); ETH figure UNVERIFIED (news recollection)",
    assets: ["ETH"],
  },
  {
    name: "crv-2022",
    file: "crv-2022.yaml",
    description: "CRV, 22 Nov 2022: −25 % attack then a +60 % squeeze (the Aave v2 bad-debt episode)",
    source: REF,
    assets: ["CRV"],
  },
  {
    name: "usdc-2023",
    file: "usdc-2023.yaml",
    description:
      "USDC, March 2023: down to 0.87 over 12 h, held a day, back to 1 over 18 h (≈ 2 days below 0.97)",
    source: REF,
    assets: ["USDC"],
  },
  {
    name: "aug-2024",
    file: "aug-2024.yaml",
    description:
      "5 Aug 2024: ETH ≈ −20 % in 6 h then a +12 % partial recovery (UNVERIFIED; BTC monthly low −24 % from data)",
    source: "shared/data/BTCUSD.csv (Aug 2024 bar); ETH figures UNVERIFIED (news recollection)",
    assets: ["ETH"],
  },
  {
    name: "oct-2025",
    file: "oct-2025.yaml",
    description: "10–11 Oct 2025: ETH −21 % within 40 minutes during a market-wide liquidation cascade",
    source: REF,
    assets: ["ETH"],
  },
];

/** The preset called `name`, or undefined. */
export function findPreset(name: string): PresetInfo | undefined {
  return PRESETS.find((p) => p.name === name);
}
