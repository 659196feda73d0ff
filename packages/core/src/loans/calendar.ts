// Business calendars: which days are working days (weekends and a list of public holidays), moving a
// due date to the next working day, and stepping dates by a repayment frequency.
import { addDays, daysBetween } from "../clock.js";

export { addDays, daysBetween };

export const FREQUENCIES = ["weekly", "biweekly", "every-4-weeks", "monthly", "quarterly"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Periods in a year, for interest "per repayment period" (the 30/360 style). */
export const PERIODS_PER_YEAR: Record<Frequency, number> = {
  weekly: 52,
  biweekly: 26,
  "every-4-weeks": 13,
  monthly: 12,
  quarterly: 4,
};

export interface WorkingCalendar {
  /** ISO weekday numbers that are days off: 6 Saturday, 7 Sunday. */
  weekend: readonly number[];
  /** Public holidays, "YYYY-MM-DD". */
  holidays: readonly string[];
}

export const SATURDAY_SUNDAY: WorkingCalendar = { weekend: [6, 7], holidays: [] };

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Adds months keeping the day of month where it exists, else the month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const d = toUtc(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return toIso(target);
}

/** The k-th due date counted from the first (k = 0 is the first itself), before any working-day move. */
export function nthDueDate(firstDue: string, frequency: Frequency, k: number): string {
  switch (frequency) {
    case "weekly":
      return addDays(firstDue, 7 * k);
    case "biweekly":
      return addDays(firstDue, 14 * k);
    case "every-4-weeks":
      return addDays(firstDue, 28 * k);
    case "monthly":
      return addMonths(firstDue, k);
    case "quarterly":
      return addMonths(firstDue, 3 * k);
    default: {
      const never: never = frequency;
      throw new Error(`unknown frequency ${String(never)}`);
    }
  }
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  const weekday = toUtc(date).getUTCDay() || 7;
  return !calendar.weekend.includes(weekday) && !calendar.holidays.includes(date);
}

/** The date itself if it is a working day, else the next working day. */
export function nextWorkingDay(date: string, calendar: WorkingCalendar): string {
  let d = date;
  for (let i = 0; i < 366 && !isWorkingDay(d, calendar); i++) d = addDays(d, 1);
  return d;
}
