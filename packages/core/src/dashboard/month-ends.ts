// The dates a dashboard's series are read at: the last day of each month before the end date's month,
// then the end date itself, so the latest point is the day asked for.
import { addDays, isCalendarDate } from "../clock.js";

/** The last day of the month that `date` (YYYY-MM-DD) falls in. */
export function monthEnd(date: string): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** `months` dates in ascending order: the month-ends of the `months - 1` months before `to`'s, then `to`. */
export function monthEnds(to: string, months: number): string[] {
  if (!isCalendarDate(to)) throw new RangeError(`"${to}" is not a YYYY-MM-DD date`);
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`${months} is not a count of months`);
  const dates = [to];
  let firstOfMonth = `${to.slice(0, 8)}01`;
  while (dates.length < months) {
    const previousEnd = addDays(firstOfMonth, -1);
    dates.unshift(previousEnd);
    firstOfMonth = `${previousEnd.slice(0, 8)}01`;
  }
  return dates;
}

/** The first day of the month that `date` falls in: the start of the period its figures are counted over. */
export function monthStart(date: string): string {
  return `${date.slice(0, 8)}01`;
}
