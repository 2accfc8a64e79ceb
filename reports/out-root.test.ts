/**
 * An unusable `--out` is bad input naming `--out`, decided at once: before, `/proc/...` hung in
 * Node's recursive mkdir, and "" or a dangling symbolic link ended as internal errors (ENOENT).
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../engine/errors.js";
import { prepareOutRoot } from "./run-folder.js";

const tmp = mkdtempSync(join(tmpdir(), "ballast-out-"));
const file = join(tmp, "a-file");
writeFileSync(file, "x");
symlinkSync(join(tmp, "nowhere"), join(tmp, "dangling"));

async function refusal(out: string): Promise<string> {
  const error = await prepareOutRoot(out).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  const message = (error as InputError).message;
  expect(message).toMatch(/^ {2}- --out: .* cannot hold run folders: /);
  return message;
}

describe("prepareOutRoot", () => {
  // A 5 s limit per case: the /proc case used to hang for ever.
  it.each([
    ["", /"" cannot hold run folders: it is empty/],
    ["   ", /it is empty/],
    [file, /it is a file/],
    [join(file, "sub", "deeper"), /a part of it is a file/],
    [join(tmp, "dangling"), /it is a symbolic link to nothing/],
    [join(tmp, "dangling", "sub"), /a part of it \(.*dangling\) is a symbolic link to nothing/],
    ["/proc/ballast-runs", /it lies on procfs/],
    ["/proc/self/ballast/runs", /it lies on procfs/],
    ["/sys/ballast-runs", /it lies on sysfs/],
  ])(
    "refuses %j",
    async (out, why) => {
      expect(await refusal(out)).toMatch(why);
    },
    5_000,
  );

  it.skipIf(process.getuid?.() === 0)(
    "refuses a folder it may not write (not checkable as root)",
    async () => {
      const locked = join(tmp, "locked");
      mkdirSync(locked);
      chmodSync(locked, 0o555);
      expect(await refusal(join(locked, "runs"))).toMatch(/it cannot be written/);
    },
  );

  it("creates missing folders, and accepts an existing one", async () => {
    const deep = join(tmp, "x", "y", "z");
    await prepareOutRoot(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    await prepareOutRoot(deep);
    symlinkSync(deep, join(tmp, "link"));
    await prepareOutRoot(join(tmp, "link", "inner"));
    expect(existsSync(join(deep, "inner"))).toBe(true);
  });
});
