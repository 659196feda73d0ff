// When a self-help group should have met under its versioned rules, and which of those meetings its
// records account for. Pure: no database, no clock. Dates are ISO calendar dates (YYYY-MM-DD) and all
// arithmetic is on UTC day numbers, so the machine's time zone never matters.
//
// Expected meetings. A rules version applies from its validFrom to the day before the next version's
// (of two versions from the same day, the later in the list wins, as in rulesOn); before the first
// version nothing is expected. On each date, by the version then in force:
//   weekly       every `weekday`
//   fortnightly  every 14 days on `weekday`, from the anchor: the first `weekday` on or after the
//                validFrom of the version that introduced this schedule. A following version with the
//                same schedule (a change of fines or savings, say) keeps the anchor: an unrelated rules
//                change must not shift the group's fortnight. A change of weekday or frequency re-anchors.
//   monthly      `dayOfMonth` (1..28, so every month has it) of each month
//
// Matching held meetings to expected dates:
// - Only meetings held in [from, to] count; one held just outside the range accounts for nothing.
// - A held meeting may account for expected date d when it falls in d's window, by the frequency in
//   force on d: weekly [d−3, d+3], fortnightly [d−7, d+6], monthly [d−14, d+14]. Weekly and fortnightly
//   windows tile the calendar; monthly ones overlap by a day after a 28-day gap (February) and leave a
//   day or two uncovered after a 30- or 31-day one; windows may also overlap where the rules change.
// - Expected dates are taken in date order; each takes the nearest held meeting in its window that no
//   earlier date took, the earlier of two equally near (leaving the later one for the next date). So
//   each held meeting accounts for at most one date and each date for at most one meeting.
// - missed: the expected dates no meeting accounts for; extra: the held meetings that account for none
//   (a second meeting in the same week, one held too far from any expected date).
// Malformed dates, a range with from after to, or a dayOfMonth outside 1..28 are a caller's bug: RangeError.

import { addDays, daysBetween, isCalendarDate } from "../clock.js";
import { type GroupRules, type MeetingSchedule, WEEKDAYS } from "./rules.js";

/** The part of a rules version this module reads; a whole GroupRules will do. */
export type MeetingRules = Pick<GroupRules, "validFrom" | "meetings">;

export type MeetingFrequency = MeetingSchedule["frequency"];

/** How many days before and after an expected date a held meeting may fall and still account for it. */
export const MEETING_WINDOWS: Readonly<Record<MeetingFrequency, { before: number; after: number }>> = {
  weekly: { before: 3, after: 3 },
  fortnightly: { before: 7, after: 6 },
  monthly: { before: 14, after: 14 },
};

/** Expected and held meetings over a range, and how they matched; every list ascending. */
export interface MeetingRegularity {
  /** Dates in the range on which the rules say the group meets. */
  expected: string[];
  /** Meetings held in the range (a date twice if two meetings were held that day). */
  held: string[];
  /** Each expected date a held meeting accounts for, with that meeting. */
  matched: Array<{ expected: string; held: string }>;
  missed: string[];
  extra: string[];
}

/** Days since 1970-01-01 (a Thursday), at UTC midnight. */
type Day = number;

const EPOCH = "1970-01-01";
const MS_PER_DAY = 86_400_000;
const LAST_DAY: Day = daysBetween(EPOCH, "9999-12-31");

const dateOf = (day: Day): string => addDays(EPOCH, day);
/** 0 = Monday … 6 = Sunday, the order of WEEKDAYS. */
const isoWeekday = (day: Day): number => (((day + 3) % 7) + 7) % 7;

function dayOf(date: string, what: string): Day {
  if (!isCalendarDate(date)) throw new RangeError(`${what} "${date}" is not a calendar date (YYYY-MM-DD)`);
  return daysBetween(EPOCH, date);
}

function rangeOf(from: string, to: string): { from: Day; to: Day } {
  const range = { from: dayOf(from, "from"), to: dayOf(to, "to") };
  if (range.from > range.to) throw new RangeError(`the range starts (${from}) after it ends (${to})`);
  return range;
}

/** A stretch of days over which one meeting schedule is in force; `end` is Infinity for the last. */
interface Stretch {
  start: Day;
  end: Day;
  meetings: MeetingSchedule;
}

function sameSchedule(a: MeetingSchedule, b: MeetingSchedule): boolean {
  if (a.frequency === "monthly") return b.frequency === "monthly" && a.dayOfMonth === b.dayOfMonth;
  return b.frequency === a.frequency && a.weekday === b.weekday;
}

function checkSchedule(meetings: MeetingSchedule): MeetingSchedule {
  if (meetings.frequency === "monthly") {
    const { dayOfMonth } = meetings;
    if (!Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 28)
      throw new RangeError(`dayOfMonth ${dayOfMonth} is not a whole number from 1 to 28`);
  } else if (!WEEKDAYS.includes(meetings.weekday)) {
    throw new RangeError(`"${meetings.weekday}" is not a weekday`);
  }
  return meetings;
}

/** The versions as consecutive stretches, versions with the same schedule as the one before merged. */
function stretchesOf(versions: readonly MeetingRules[]): Stretch[] {
  // Array.prototype.sort is stable: of two versions from the same day, the later in the list stays later.
  const sorted = versions
    .map((v) => ({ start: dayOf(v.validFrom, "validFrom"), meetings: checkSchedule(v.meetings) }))
    .sort((a, b) => a.start - b.start);
  const stretches: Stretch[] = [];
  for (const [i, version] of sorted.entries()) {
    const end = (sorted[i + 1]?.start ?? Number.POSITIVE_INFINITY) - 1;
    if (end < version.start) continue;
    const last = stretches.at(-1);
    if (last && sameSchedule(last.meetings, version.meetings)) last.end = end;
    else stretches.push({ start: version.start, end, meetings: version.meetings });
  }
  return stretches;
}

/** The meeting days of one stretch within [from, to], ascending. */
function* meetingDays(stretch: Stretch, from: Day, to: Day): Generator<Day> {
  const lo = Math.max(stretch.start, from);
  const hi = Math.min(stretch.end, to);
  if (lo > hi) return;
  const m = stretch.meetings;
  switch (m.frequency) {
    case "weekly":
    case "fortnightly": {
      const step = m.frequency === "weekly" ? 7 : 14;
      const anchor = stretch.start + ((WEEKDAYS.indexOf(m.weekday) - isoWeekday(stretch.start) + 7) % 7);
      for (let day = anchor + Math.max(0, Math.ceil((lo - anchor) / step)) * step; day <= hi; day += step)
        yield day;
      return;
    }
    case "monthly": {
      const first = new Date(lo * MS_PER_DAY);
      const year = first.getUTCFullYear();
      // Date.UTC carries month 12 into January of the next year, and so on.
      for (let month = first.getUTCMonth(); ; month++) {
        const day = Date.UTC(year, month, m.dayOfMonth) / MS_PER_DAY;
        if (day > hi) return;
        if (day >= lo) yield day;
      }
    }
    default: {
      const unknown: never = m;
      throw new RangeError(`unknown meeting schedule ${JSON.stringify(unknown)}`);
    }
  }
}

/** Expected meeting days in [from, to] with the frequency in force on each, ascending. */
function* expectedDays(
  stretches: readonly Stretch[],
  from: Day,
  to: Day,
): Generator<{ day: Day; frequency: MeetingFrequency }> {
  for (const stretch of stretches)
    for (const day of meetingDays(stretch, from, to)) yield { day, frequency: stretch.meetings.frequency };
}

/** Every date in [from, to] on which the rules in force that day say the group meets, ascending. */
export function expectedMeetings(versions: readonly MeetingRules[], from: string, to: string): string[] {
  const range = rangeOf(from, to);
  return [...expectedDays(stretchesOf(versions), range.from, range.to)].map((e) => dateOf(e.day));
}

/**
 * The first expected meeting strictly after `after`, or null when there are no rules. Exact, however far
 * ahead (rules adopted for next year): the work grows with the number of versions, not the distance.
 */
export function nextMeeting(versions: readonly MeetingRules[], after: string): string | null {
  const start = dayOf(after, "after") + 1;
  for (const e of expectedDays(stretchesOf(versions), start, LAST_DAY)) return dateOf(e.day);
  return null;
}

/** The index of the first of the ascending `days` on or after `day`. */
function firstOnOrAfter(days: readonly Day[], day: Day): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The meetings expected in [from, to], the meetings held then, and which expected dates were missed:
 * matched by the windows and the nearest-first rule in this module's opening comment.
 */
export function missedMeetings(
  versions: readonly MeetingRules[],
  held: readonly string[],
  from: string,
  to: string,
): MeetingRegularity {
  const range = rangeOf(from, to);
  const expected = [...expectedDays(stretchesOf(versions), range.from, range.to)];
  const heldDays = held
    .map((date) => dayOf(date, "held meeting"))
    .filter((day) => day >= range.from && day <= range.to)
    .sort((a, b) => a - b);
  const taken = heldDays.map(() => false);
  const matched: MeetingRegularity["matched"] = [];
  const missed: string[] = [];
  for (const { day, frequency } of expected) {
    const window = MEETING_WINDOWS[frequency];
    let best = -1;
    for (let i = firstOnOrAfter(heldDays, day - window.before); i < heldDays.length; i++) {
      const h = heldDays[i]!;
      if (h > day + window.after) break;
      // Strictly nearer only: of two equally near, the earlier (found first) stays.
      if (!taken[i] && (best < 0 || Math.abs(h - day) < Math.abs(heldDays[best]! - day))) best = i;
    }
    if (best < 0) missed.push(dateOf(day));
    else {
      taken[best] = true;
      matched.push({ expected: dateOf(day), held: dateOf(heldDays[best]!) });
    }
  }
  return {
    expected: expected.map((e) => dateOf(e.day)),
    held: heldDays.map(dateOf),
    matched,
    missed,
    extra: heldDays.filter((_, i) => !taken[i]).map(dateOf),
  };
}
