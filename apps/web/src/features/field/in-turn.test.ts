import { describe, expect, it } from "vitest";
import { inTurn } from "./in-turn.js";

describe("inTurn", () => {
  it("keeps the items' order and never runs more than its width at once", async () => {
    let running = 0;
    let most = 0;
    const results = await inTurn([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, n * 3));
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });

  it("does nothing with no items", async () => {
    expect(await inTurn([], 4, async () => 1)).toEqual([]);
  });
});
