/**
 * The block store of a resumable run: a folder stopped between its mkdir and its plan.json holds
 * no finished block (blocks are written only after the plan), so it is dropped rather than refused
 * as another run's; a folder with another plan is refused, one with the same plan reused.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../engine/errors.js";
import { BlockStore } from "./block-store.js";

const root = mkdtempSync(join(tmpdir(), "ballast-blocks-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("BlockStore.check", () => {
  it("drops a folder that never got its plan, with or without --resume", async () => {
    for (const resume of [true, false]) {
      const dir = join(root, `orphan-${resume}`);
      mkdirSync(dir);
      await new BlockStore(dir, "plan-a").check(resume, "run");
      expect(existsSync(dir)).toBe(false);
    }
  });

  it("refuses another plan, and a folder of finished blocks without --resume; reuses its own", async () => {
    const dir = join(root, "planned");
    mkdirSync(dir);
    writeFileSync(join(dir, "plan.json"), "plan-a");
    await expect(new BlockStore(dir, "plan-b").check(true, "run")).rejects.toBeInstanceOf(InputError);
    await expect(new BlockStore(dir, "plan-a").check(false, "run")).rejects.toThrow(/--resume/);
    await new BlockStore(dir, "plan-a").check(true, "run");
    expect(existsSync(join(dir, "plan.json"))).toBe(true);
  });
});
