/** Population snapshots: the documented format, and every bad input named by file, row and column. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../engine/errors.js";
import { loadSnapshot } from "./population-file.js";

const ASSETS = ["USDC", "ETH", "WBTC"];
const VENUES = ["lend", "other"];
const dir = mkdtempSync(join(tmpdir(), "ballast-snap-"));

function file(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

async function problems(name: string, text: string): Promise<string> {
  const err = await loadSnapshot(file(name, text), ASSETS, VENUES).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InputError);
  return (err as InputError).message;
}

describe("population snapshots", () => {
  it("reads several collateral and debt assets per account into typed arrays", async () => {
    const p = await loadSnapshot(
      file(
        "ok.csv",
        "account,venue,coll_ETH,coll_WBTC,debt_USDC,debt_ETH\na1,lend,10,0.5,12000,\na2,other,,1,20000,2\n",
      ),
      ASSETS,
      VENUES,
    );
    expect(p.n).toBe(2);
    expect(Array.from(p.coll)).toEqual([0, 10, 0.5, 0, 0, 1]);
    expect(Array.from(p.debt)).toEqual([12000, 0, 0, 20000, 2, 0]);
    expect(Array.from(p.venue)).toEqual([0, 1]);
    expect(p.ids).toEqual(["a1", "a2"]);
  });

  it("names the row and column of a negative amount", async () => {
    const m = await problems("neg.csv", "account,venue,coll_ETH,debt_USDC\na1,lend,10,100\na2,lend,-3,100\n");
    expect(m).toContain("neg.csv: row 3: coll_ETH: found -3; allowed: an amount ≥ 0");
  });

  it("names the column of an unknown asset", async () => {
    const m = await problems("asset.csv", "account,venue,coll_DOGE,debt_USDC\na1,lend,10,100\n");
    expect(m).toContain('asset.csv: row 1: coll_DOGE: unknown asset "DOGE"; allowed: USDC, ETH, WBTC');
  });

  it("names a duplicate account's row and the row it repeats", async () => {
    const m = await problems(
      "dup.csv",
      "account,venue,coll_ETH,debt_USDC\na1,lend,10,100\na2,lend,1,1\na1,lend,2,3\n",
    );
    expect(m).toContain('dup.csv: row 4: account: account "a1" already appears on row 2');
  });

  it("collects every problem: unknown venue, text amount, ragged row", async () => {
    const m = await problems(
      "many.csv",
      "account,venue,coll_ETH,debt_USDC\na1,nowhere,10,100\na2,lend,ten,1\na3,lend,1\n",
    );
    expect(m).toContain("3 problems");
    expect(m).toContain('row 2: venue: unknown venue "nowhere"');
    expect(m).toContain('row 3: coll_ETH: found "ten"');
    expect(m).toContain("row 4: found 3 fields; expected 4");
  });

  it("refuses a file without a debt column, and a missing file", async () => {
    expect(await problems("nodebt.csv", "account,venue,coll_ETH\na1,lend,1\n")).toContain(
      "expected at least one coll_<ASSET> and one debt_<ASSET>",
    );
    const err = await loadSnapshot(join(dir, "absent.csv"), ASSETS, VENUES).catch((e: unknown) => e);
    expect((err as InputError).message).toContain("no such file");
  });
});
