/**
 * Where a run still means something after Ballast changed it on the user's behalf, the change is a
 * warning on stderr and in the manifest's `warnings`, never silent.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BASE, ballast, workDir, writeCase } from "./harness.js";

describe("warnings", () => {
  it("a preset whose later legs fall after the horizon runs what falls inside, and says so in the manifest", async () => {
    const dir = workDir();
    const f = writeCase(
      dir,
      "preset.yaml",
      BASE.replace("market: { assets:", "market: { presets: [mar-2020], assets:"),
    );
    const r = await ballast(["run", f, "--quiet", "--out", join(dir, "runs")]);
    expect(r.code, r.err).toBe(0);
    // mar-2020 has six legs; the two at 51 h begin after a 2-day horizon.
    const text = 'preset "mar-2020": 2 of its 6 shocks begin at or after the horizon (2d) and are left out';
    expect(r.err).toContain(`ballast: warning: ${text}`);
    const summary = JSON.parse(readFileSync(join(dir, "runs", "fuzz", "summary.json"), "utf8"));
    expect(summary.manifest.warnings).toEqual([text]);
  });

  it("a run with nothing to warn about has no warnings key", async () => {
    const dir = workDir();
    const r = await ballast([
      "run",
      writeCase(dir, "plain.yaml", BASE),
      "--quiet",
      "--out",
      join(dir, "runs"),
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe("");
    expect(
      JSON.parse(readFileSync(join(dir, "runs", "fuzz", "summary.json"), "utf8")).manifest,
    ).not.toHaveProperty("warnings");
  });
});
