import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "../clock.js";
import {
  expectedMeetings,
  MEETING_WINDOWS,
  type MeetingRules,
  missedMeetings,
  nextMeeting,
} from "./meeting-calendar.js";
import { type MeetingSchedule, rulesOn, WEEKDAYS } from "./rules.js";

const weeklyOnWednesday: MeetingRules[] = [
  { validFrom: "2026-01-01", meetings: { frequency: "weekly", weekday: "wednesday" } },
];
const NOVEMBER = ["2026-11-04", "2026-11-11", "2026-11-18", "2026-11-25"];

/** The ISO weekday name of a date, computed independently of the module. */
const weekdayOf = (date: string) => WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;

describe("expectedMeetings", () => {
  it("lists every Wednesday of November 2026 for a group meeting weekly on Wednesday", () => {
    expect(expectedMeetings(weeklyOnWednesday, "2026-11-01", "2026-11-30")).toEqual(NOVEMBER);
  });

  it("includes meetings on the first and last day of the range", () => {
    expect(expectedMeetings(weeklyOnWednesday, "2026-11-04", "2026-11-25")).toEqual(NOVEMBER);
    expect(expectedMeetings(weeklyOnWednesday, "2026-11-04", "2026-11-04")).toEqual(["2026-11-04"]);
  });

  it("anchors a fortnight at the first meeting weekday on or after the rules' validFrom", () => {
    // 2026-01-01 is a Thursday: the first Monday is the 5th, then every 14 days, whatever the range.
    const fortnightly: MeetingRules[] = [
      { validFrom: "2026-01-01", meetings: { frequency: "fortnightly", weekday: "monday" } },
    ];
    expect(expectedMeetings(fortnightly, "2026-01-01", "2026-02-10")).toEqual([
      "2026-01-05",
      "2026-01-19",
      "2026-02-02",
    ]);
    expect(expectedMeetings(fortnightly, "2026-01-10", "2026-02-16")).toEqual([
      "2026-01-19",
      "2026-02-02",
      "2026-02-16",
    ]);
  });

  it("keeps the fortnight when a new rules version keeps the same schedule", () => {
    const versions: MeetingRules[] = [
      { validFrom: "2026-01-01", meetings: { frequency: "fortnightly", weekday: "monday" } },
      { validFrom: "2026-01-06", meetings: { frequency: "fortnightly", weekday: "monday" } },
    ];
    expect(expectedMeetings(versions, "2026-01-01", "2026-02-10")).toEqual([
      "2026-01-05",
      "2026-01-19",
      "2026-02-02",
    ]);
  });

  it("re-anchors the fortnight when the meeting weekday changes", () => {
    const versions: MeetingRules[] = [
      { validFrom: "2026-01-01", meetings: { frequency: "fortnightly", weekday: "monday" } },
      { validFrom: "2026-01-06", meetings: { frequency: "fortnightly", weekday: "tuesday" } },
    ];
    expect(expectedMeetings(versions, "2026-01-01", "2026-02-10")).toEqual([
      "2026-01-05",
      "2026-01-06",
      "2026-01-20",
      "2026-02-03",
    ]);
  });

  it("meets on the 28th of every month, February included", () => {
    const monthly: MeetingRules[] = [
      { validFrom: "2026-01-01", meetings: { frequency: "monthly", dayOfMonth: 28 } },
    ];
    expect(expectedMeetings(monthly, "2026-01-01", "2026-03-31")).toEqual([
      "2026-01-28",
      "2026-02-28",
      "2026-03-28",
    ]);
    expect(expectedMeetings(monthly, "2027-12-01", "2028-03-01")).toEqual([
      "2027-12-28",
      "2028-01-28",
      "2028-02-28",
    ]);
  });

  it("switches from weekly to monthly on the new rules' validFrom", () => {
    const versions: MeetingRules[] = [
      ...weeklyOnWednesday,
      { validFrom: "2026-11-15", meetings: { frequency: "monthly", dayOfMonth: 15 } },
    ];
    expect(expectedMeetings(versions, "2026-11-01", "2026-12-31")).toEqual([
      "2026-11-04",
      "2026-11-11",
      "2026-11-15",
      "2026-12-15",
    ]);
  });

  it("expects nothing before the first rules version, nor without rules", () => {
    expect(expectedMeetings(weeklyOnWednesday, "2025-12-01", "2026-01-10")).toEqual(["2026-01-07"]);
    expect(expectedMeetings([], "2026-11-01", "2026-11-30")).toEqual([]);
  });

  it("reads versions in any order, the later of two from the same day winning", () => {
    const versions: MeetingRules[] = [
      { validFrom: "2026-11-15", meetings: { frequency: "monthly", dayOfMonth: 15 } },
      { validFrom: "2026-11-15", meetings: { frequency: "monthly", dayOfMonth: 20 } },
      ...weeklyOnWednesday,
    ];
    expect(expectedMeetings(versions, "2026-11-01", "2026-12-31")).toEqual([
      "2026-11-04",
      "2026-11-11",
      "2026-11-20",
      "2026-12-20",
    ]);
  });

  it("refuses malformed dates, a range that ends before it starts, and an impossible day of month", () => {
    expect(() => expectedMeetings(weeklyOnWednesday, "2026-11-31", "2026-12-31")).toThrow(RangeError);
    expect(() => expectedMeetings(weeklyOnWednesday, "2026-11-01", "2026/12/31")).toThrow(RangeError);
    expect(() => expectedMeetings(weeklyOnWednesday, "2026-12-01", "2026-11-30")).toThrow(RangeError);
    expect(() =>
      expectedMeetings(
        [{ validFrom: "2026-1-1", meetings: weeklyOnWednesday[0]!.meetings }],
        "2026-11-01",
        "2026-11-30",
      ),
    ).toThrow(RangeError);
    expect(() =>
      expectedMeetings(
        [{ validFrom: "2026-01-01", meetings: { frequency: "monthly", dayOfMonth: 31 } }],
        "2026-11-01",
        "2026-11-30",
      ),
    ).toThrow(RangeError);
  });
});

describe("missedMeetings", () => {
  const november = (held: string[], to = "2026-11-30") =>
    missedMeetings(weeklyOnWednesday, held, "2026-11-01", to);

  it("misses nothing when every meeting was held on its day", () => {
    const r = november(NOVEMBER);
    expect(r.missed).toEqual([]);
    expect(r.extra).toEqual([]);
    expect(r.matched.map((m) => m.held)).toEqual(NOVEMBER);
  });

  it("counts a meeting held one day late", () => {
    const r = november(["2026-11-04", "2026-11-12", "2026-11-18", "2026-11-25"]);
    expect(r.missed).toEqual([]);
    expect(r.matched[1]).toEqual({ expected: "2026-11-11", held: "2026-11-12" });
  });

  it("does not count a meeting held 4 days late in a weekly group: the date is missed, the meeting extra", () => {
    const r = november(["2026-11-04", "2026-11-11", "2026-11-22", "2026-11-25"]);
    expect(r.missed).toEqual(["2026-11-18"]);
    expect(r.extra).toEqual(["2026-11-22"]);
  });

  it("treats a second meeting in the same week as extra", () => {
    const r = november(["2026-11-04", "2026-11-05", "2026-11-11", "2026-11-18", "2026-11-25"]);
    expect(r.missed).toEqual([]);
    expect(r.extra).toEqual(["2026-11-05"]);
  });

  it("prefers the nearest meeting, and the earlier of two equally near", () => {
    expect(november(["2026-11-02", "2026-11-05"], "2026-11-08").matched).toEqual([
      { expected: "2026-11-04", held: "2026-11-05" },
    ]);
    expect(november(["2026-11-02", "2026-11-06"], "2026-11-08").extra).toEqual(["2026-11-06"]);
  });

  it("accepts a meeting up to the edge of each frequency's window and not a day beyond", () => {
    const cases: Array<[MeetingSchedule, string, number]> = [
      [{ frequency: "weekly", weekday: "wednesday" }, "2026-11-11", 3],
      [{ frequency: "fortnightly", weekday: "wednesday" }, "2026-11-18", 7],
      [{ frequency: "monthly", dayOfMonth: 15 }, "2026-11-15", 14],
    ];
    for (const [meetings, date, before] of cases) {
      const versions = [{ validFrom: "2026-11-01", meetings }];
      const after = MEETING_WINDOWS[meetings.frequency].after;
      const check = (offset: number) => missedMeetings(versions, [addDays(date, offset)], date, date).missed;
      // The range is the one expected day, so widen it to keep the held meeting inside.
      const around = (offset: number) =>
        missedMeetings(
          versions,
          [addDays(date, offset)],
          addDays(date, -before - 1),
          addDays(date, after + 1),
        ).matched.length;
      expect(check(0)).toEqual([]);
      expect(around(-before)).toBe(1);
      expect(around(after)).toBe(1);
      expect(around(-before - 1)).toBe(0);
      expect(around(after + 1)).toBe(0);
    }
  });

  it("uses the window of the rules in force on the expected date", () => {
    const versions: MeetingRules[] = [
      ...weeklyOnWednesday,
      { validFrom: "2026-11-15", meetings: { frequency: "monthly", dayOfMonth: 15 } },
    ];
    const r = missedMeetings(
      versions,
      ["2026-11-04", "2026-11-11", "2026-11-25"],
      "2026-11-01",
      "2026-11-30",
    );
    expect(r.expected).toEqual(["2026-11-04", "2026-11-11", "2026-11-15"]);
    expect(r.matched.at(-1)).toEqual({ expected: "2026-11-15", held: "2026-11-25" });
    expect(r.missed).toEqual([]);
  });

  it("ignores meetings held outside the range", () => {
    const r = november(["2026-10-31", ...NOVEMBER, "2026-12-01"]);
    expect(r.held).toEqual(NOVEMBER);
    expect(r.extra).toEqual([]);
  });

  it("refuses a malformed held date", () => {
    expect(() => november(["2026-11-4"])).toThrow(RangeError);
  });
});

describe("nextMeeting", () => {
  it("gives the first meeting strictly after the date", () => {
    expect(nextMeeting(weeklyOnWednesday, "2026-11-04")).toBe("2026-11-11");
    expect(nextMeeting(weeklyOnWednesday, "2026-11-10")).toBe("2026-11-11");
  });

  it("looks past rules that start later, however far ahead", () => {
    expect(nextMeeting(weeklyOnWednesday, "2024-03-01")).toBe("2026-01-07");
  });

  it("gives null without rules", () => {
    expect(nextMeeting([], "2026-11-04")).toBeNull();
  });
});

describe("properties", () => {
  const BASE = "2024-01-01";
  const date = fc.integer({ min: 0, max: 1200 }).map((n) => addDays(BASE, n));
  const schedule: fc.Arbitrary<MeetingSchedule> = fc.oneof(
    fc.record({ frequency: fc.constantFrom("weekly", "fortnightly"), weekday: fc.constantFrom(...WEEKDAYS) }),
    fc.record({ frequency: fc.constant("monthly"), dayOfMonth: fc.integer({ min: 1, max: 28 }) }),
  );
  const versions = fc.array(fc.record({ validFrom: date, meetings: schedule }), { maxLength: 4 });
  const range = fc.tuple(date, date).map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a]));
  const byDate = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sortedVersions = (vs: readonly MeetingRules[]) =>
    [...vs].sort((a, b) => byDate(a.validFrom, b.validFrom));
  const ascending = (dates: readonly string[], strict: boolean) =>
    dates.every((d, i) => i === 0 || (strict ? dates[i - 1]! < d : dates[i - 1]! <= d));

  it("expects meetings only within the range, on the day the rules in force name, ascending", () => {
    fc.assert(
      fc.property(versions, range, (vs, [from, to]) => {
        const expected = expectedMeetings(vs, from, to);
        expect(ascending(expected, true)).toBe(true);
        for (const d of expected) {
          expect(d >= from && d <= to).toBe(true);
          const m = rulesOn(sortedVersions(vs), d)?.meetings;
          if (!m) throw new Error(`${d} is expected before any rules`);
          if (m.frequency === "monthly") expect(Number(d.slice(8))).toBe(m.dayOfMonth);
          else expect(weekdayOf(d)).toBe(m.weekday);
        }
      }),
    );
  });

  it("expects every day that weekly and monthly rules name", () => {
    fc.assert(
      fc.property(versions, range, (vs, [from, to]) => {
        const expected = new Set(expectedMeetings(vs, from, to));
        for (let d = from; d <= to; d = addDays(d, 1)) {
          const m = rulesOn(sortedVersions(vs), d)?.meetings;
          if (m?.frequency === "weekly" && weekdayOf(d) === m.weekday) expect(expected.has(d)).toBe(true);
          if (m?.frequency === "monthly" && Number(d.slice(8)) === m.dayOfMonth)
            expect(expected.has(d)).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("expects a fortnightly group exactly on its weekday in the 1st, 3rd, 5th… week from validFrom", () => {
    fc.assert(
      fc.property(date, fc.constantFrom(...WEEKDAYS), range, (validFrom, weekday, [from, to]) => {
        const expected = new Set(
          expectedMeetings([{ validFrom, meetings: { frequency: "fortnightly", weekday } }], from, to),
        );
        for (let d = from; d <= to; d = addDays(d, 1)) {
          const week = daysBetween(validFrom, d);
          expect(expected.has(d)).toBe(week >= 0 && week % 14 < 7 && weekdayOf(d) === weekday);
        }
      }),
      { numRuns: 50 },
    );
  });

  const jitter = fc.array(fc.integer({ min: -16, max: 16 }), { minLength: 1, maxLength: 10 });
  const scenario = fc
    .tuple(
      versions,
      range,
      fc.array(date, { maxLength: 30 }),
      jitter,
      fc.array(fc.boolean(), { minLength: 1 }),
    )
    .map(([vs, [from, to], random, shifts, keep]) => {
      const expected = expectedMeetings(vs, from, to);
      const near = expected
        .filter((_, i) => keep[i % keep.length])
        .map((d, i) => addDays(d, shifts[i % shifts.length]!));
      return { vs, from, to, held: [...random, ...near] };
    });

  it("accounts for every expected date exactly once, as matched or missed, and every held meeting once", () => {
    fc.assert(
      fc.property(scenario, ({ vs, from, to, held }) => {
        const r = missedMeetings(vs, held, from, to);
        expect(r.expected).toEqual(expectedMeetings(vs, from, to));
        expect(r.held).toEqual(held.filter((d) => d >= from && d <= to).sort(byDate));
        expect([...r.missed, ...r.matched.map((m) => m.expected)].sort(byDate)).toEqual(r.expected);
        expect([...r.extra, ...r.matched.map((m) => m.held)].sort(byDate)).toEqual(r.held);
        expect(r.matched.length).toBeLessThanOrEqual(r.held.length);
        for (const list of [r.expected, r.missed, r.matched.map((m) => m.expected)])
          expect(ascending(list, true)).toBe(true);
        for (const list of [r.held, r.extra]) expect(ascending(list, false)).toBe(true);
      }),
    );
  });

  it("matches a meeting only within the window of the rules in force on the expected date", () => {
    fc.assert(
      fc.property(scenario, ({ vs, from, to, held }) => {
        const r = missedMeetings(vs, held, from, to);
        for (const m of r.matched) {
          const w = MEETING_WINDOWS[rulesOn(sortedVersions(vs), m.expected)!.meetings.frequency];
          const offset = daysBetween(m.expected, m.held);
          expect(offset >= -w.before && offset <= w.after).toBe(true);
        }
      }),
    );
  });

  it("never leaves a date missed beside an unused meeting in its window", () => {
    fc.assert(
      fc.property(scenario, ({ vs, from, to, held }) => {
        const r = missedMeetings(vs, held, from, to);
        for (const d of r.missed) {
          const w = MEETING_WINDOWS[rulesOn(sortedVersions(vs), d)!.meetings.frequency];
          const usable = r.extra.filter(
            (h) => daysBetween(d, h) >= -w.before && daysBetween(d, h) <= w.after,
          );
          expect(usable).toEqual([]);
        }
      }),
    );
  });

  it("misses nothing and finds nothing extra when the meetings held are exactly those expected", () => {
    fc.assert(
      fc.property(versions, range, (vs, [from, to]) => {
        const expected = expectedMeetings(vs, from, to);
        const r = missedMeetings(vs, [...expected].reverse(), from, to);
        expect(r.missed).toEqual([]);
        expect(r.extra).toEqual([]);
        expect(r.matched.every((m) => m.expected === m.held)).toBe(true);
      }),
    );
  });

  it("gives as next meeting the first expected date after the day, and null only without rules", () => {
    fc.assert(
      fc.property(versions, date, (vs, after) => {
        const next = nextMeeting(vs, after);
        if (vs.length === 0) {
          expect(next).toBeNull();
          return;
        }
        if (next === null) throw new Error("no next meeting despite rules");
        expect(next > after).toBe(true);
        expect(expectedMeetings(vs, addDays(after, 1), next)).toEqual([next]);
      }),
    );
  });
});
