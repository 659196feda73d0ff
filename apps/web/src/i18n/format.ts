// Dates, counts and amounts as the reader's language writes them, through Intl: "2026 ж. 2 желтоқсан",
// "1 250,50 ₸" in Kazakh, Russian and French, "₸1,250.50" in English. Amounts never pass through a number.
// Chrome (desktop and Android) ships without Kazakh's locale data and would write "2026 M12 2" and
// "₸ 1,250.50": there, Kazakh dates are written from CLDR's Kazakh pattern and month names below, and
// amounts by core's formatMoneyFor, with Russian's separators and symbol place, which are Kazakh's too.
import { formatMoneyFor, fromJson } from "@qadam/core/money";

/** CLDR's Kazakh month names (format, wide) and long date pattern "y 'ж'. d MMMM". */
const KAZAKH_MONTHS = [
  "қаңтар",
  "ақпан",
  "наурыз",
  "сәуір",
  "мамыр",
  "маусым",
  "шілде",
  "тамыз",
  "қыркүйек",
  "қазан",
  "қараша",
  "желтоқсан",
];

const ownData = new Map<string, boolean>();

/** Whether this browser's Intl has the locale's own data (without it, months come out as "M12"). */
export function intlHasLocaleData(locale: string): boolean {
  let has = ownData.get(locale);
  if (has === undefined) {
    const month = new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2026, 11, 15)),
    );
    has = !/^M?\d+$/.test(month);
    ownData.set(locale, has);
  }
  return has;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function parts(date: string): [number, number, number] | null {
  const [y, m, d] = date.slice(0, 10).split("-").map(Number);
  return y && m && d ? [y, m, d] : null;
}

/** A calendar date (YYYY-MM-DD, a business date with no time zone) in the reader's words. */
export function formatDate(locale: string, date: string, withIntlData = intlHasLocaleData(locale)): string {
  const ymd = parts(date);
  if (!ymd) return date;
  const [y, m, d] = ymd;
  if (locale === "kk" && !withIntlData) return `${y} ж. ${d} ${KAZAKH_MONTHS[m - 1]}`;
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant (ISO timestamp) as a date and time in the device's time zone. */
export function formatInstant(
  locale: string,
  instant: string,
  withIntlData = intlHasLocaleData(locale),
): string {
  const at = new Date(instant);
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  if (locale === "kk" && !withIntlData) {
    const local = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, "0")}-${String(at.getDate()).padStart(2, "0")}`;
    return `${formatDate(locale, local, false)}, ${time.format(at)}`;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(at);
}

/** Today's date as YYYY-MM-DD on this device. */
export function todayHere(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An amount of the API ("1250.50" beside its currency) in the reader's words. */
export function formatAmount(
  locale: string,
  amount: string,
  currency: string,
  withIntlData = intlHasLocaleData(locale),
): string {
  return formatMoneyFor(locale, fromJson({ amount, currency }), withIntlData);
}
