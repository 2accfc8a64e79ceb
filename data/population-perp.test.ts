/** Perp columns of a population snapshot: read into the structure-of-arrays, bad input named by file, row and column. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../engine/errors.js";
import { loadSnapshot } from "./population-file.js";

const ASSETS = ["USDC", "ETH", "WBTC"];
const dir = mkdtempSync(join(tmpdir(), "ballast-perp-snap-"));
const HEAD = "account,coll_ETH,debt_USDC";

async function load(name: string, text: string) {
  const f = join(dir, name);
  writeFileSync(f, text);
  return loadSnapshot(f, ASSETS, ["lend"]);
}

async function problems(name: string, text: string): Promise<string> {
  const err = await load(name, text).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InputError);
  return (err as InputError).message;
}

describe("perp columns of a snapshot", () => {
  it("read size, asset and cash = margin − size·entry; empty sizes hold no perp", async () => {
    const p = await load(
      "ok.csv",
      `${HEAD},perp_ETH,perp_WBTC,perp_entry,perp_margin\na1,10,12000,-8,,3000,2400\na2,5,5000,,,,\na3,1,100,,0.5,60000,3000\n`,
    );
    expect(Array.from(p.perpAsset)).toEqual([1, -1, 2]);
    expect(Array.from(p.perpSize)).toEqual([-8, 0, 0.5]);
    // a1: 2 400 + 8·3 000 = 26 400; a3: 3 000 − 0.5·60 000 = −27 000.
    expect(Array.from(p.perpCash)).toEqual([26_400, 0, -27_000]);
  });

  it("names file, row and column of every bad perp cell", async () => {
    const m = await problems(
      "bad.csv",
      `${HEAD},perp_ETH,perp_WBTC,perp_entry,perp_margin\na1,1,10,-1,2,100,10\na2,1,10,-1,,,10\na3,1,10,x,,100,-5\n`,
    );
    expect(m).toContain("bad.csv: row 2: perp_WBTC: a second perp position");
    expect(m).toContain("bad.csv: row 3: perp_entry:");
    expect(m).toContain("allowed: the entry price (> 0)");
    expect(m).toContain('bad.csv: row 4: perp_ETH: found "x"; allowed: a finite number');
    expect(m).toContain("bad.csv: row 4: perp_margin: found -5; allowed: a margin ≥ 0");
  });

  it("rejects a perp on the quote or an unknown asset, and sizes without entry and margin columns", async () => {
    expect(await problems("q.csv", `${HEAD},perp_USDC,perp_entry,perp_margin\na1,1,10,1,1,1\n`)).toContain(
      'q.csv: row 1: perp_USDC: unknown perp market "USDC"',
    );
    expect(await problems("cols.csv", `${HEAD},perp_ETH\na1,1,10,-1\n`)).toContain(
      "cols.csv: row 1: perp_entry: perp_<ASSET> columns need perp_entry and perp_margin columns",
    );
  });
});
