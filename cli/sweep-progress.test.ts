/** A sweep's progress off a terminal: plain lines on stderr, throttled, always one at the end. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { sweepProgress } from "./sweep-progress.js";

describe("sweepProgress without a terminal", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes a plain line at the end (and none for quick steps before it)", () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((s) => {
      lines.push(String(s));
      return true;
    });
    const isTTY = process.stderr.isTTY;
    process.stderr.isTTY = false;
    try {
      const bar = sweepProgress(3, 100, false);
      bar.update(0);
      bar.update(1);
      bar.update(2);
      expect(lines).toEqual([]);
      bar.update(3);
      bar.stop();
    } finally {
      process.stderr.isTTY = isTTY;
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sweep: 3\/3 points, \d+ paths\/s eta 0s\n$/);
  });

  it("is silent with --quiet", () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const bar = sweepProgress(2, 10, true);
    bar.update(2);
    expect(write).not.toHaveBeenCalled();
  });
});
