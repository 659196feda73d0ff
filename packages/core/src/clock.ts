// The clock is passed in, never read implicitly, so tests and the demo control time.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(start: Date, stepMs = 0): Clock {
  let t = start.getTime();
  return {
    now() {
      const d = new Date(t);
      t += stepMs;
      return d;
    },
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Dates already worked out, by instant and zone: a command asks for the same one at every step. */
const recent = new Map<string, string>();

/** The calendar date (YYYY-MM-DD) of an instant in an IANA time zone. */
export function businessDate(instant: Date, timeZone: string): string {
  const key = `${instant.getTime()}|${timeZone}`;
  let date = recent.get(key);
  if (date === undefined) {
    date = formatDate(instant, timeZone);
    if (recent.size >= 256) recent.clear();
    recent.set(key, date);
  }
  return date;
}

function formatDate(instant: Date, timeZone: string): string {
  // Building a formatter costs far more than using one: one per time zone.
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 1800;
}

/** A calendar date moved by whole days (negative to go back). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
