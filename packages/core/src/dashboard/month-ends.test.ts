import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../clock.js";
import { monthEnd, monthEnds, monthStart } from "./month-ends.js";

describe("the dates of a dashboard's series", () => {
  it("ends on the date asked for, after the month-ends of the months before it", () => {
    expect(monthEnds("2026-03-15", 4)).toEqual(["2025-12-31", "2026-01-31", "2026-02-28", "2026-03-15"]);
    expect(monthEnds("2024-03-31", 2)).toEqual(["2024-02-29", "2024-03-31"]);
    expect(monthEnds("2026-01-01", 1)).toEqual(["2026-01-01"]);
  });

  it("gives one date per month, each the last of its month but the last, in ascending order", () => {
    const day = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays("1990-01-01", n));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 36 }), (to, months) => {
        const dates = monthEnds(to, months);
        expect(dates).toHaveLength(months);
        expect(dates.at(-1)).toBe(to);
        for (const d of dates.slice(0, -1)) expect(monthEnd(d)).toBe(d);
        for (let i = 1; i < dates.length; i++) {
          const prev = dates[i - 1] ?? "";
          expect(addDays(prev, 1)).toBe(monthStart(dates[i] ?? ""));
        }
      }),
    );
  });

  it("refuses what is not a date or a count of months", () => {
    expect(() => monthEnds("2026-02-30", 12)).toThrow(RangeError);
    expect(() => monthEnds("2026-02-01", 0)).toThrow(RangeError);
  });
});
