// How the dashboard writes its axes and dates compactly, in the reader's language. Chrome has no Kazakh
// Intl data: there, numbers take Russian's separators (Kazakh's too) but Kazakh's own words for thousands
// and millions, and dates are written in figures rather than in Russian month names.
import { intlHasLocaleData } from "../../i18n/format.js";

const KAZAKH_SCALES = [
  [1e9, "млрд"],
  [1e6, "млн"],
  [1e3, "мың"],
] as const;

/** A chart axis' value, short: "4M", "4 млн", "200 мың". */
export function compactNumber(
  locale: string,
  value: number,
  withIntlData = intlHasLocaleData(locale),
): string {
  if (locale === "kk" && !withIntlData) {
    const figures = new Intl.NumberFormat("ru", { maximumFractionDigits: 1 });
    for (const [scale, word] of KAZAKH_SCALES)
      if (Math.abs(value) >= scale) return `${figures.format(value / scale)} ${word}`;
    return figures.format(value);
  }
  return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** A date, short, for a table's rows: "Jan 31, 2026", "31 янв. 2026 г.", "31.01.2026". */
export function shortDate(locale: string, date: string, withIntlData = intlHasLocaleData(locale)): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  if (locale === "kk" && !withIntlData)
    return `${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}.${y}`;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** The month and year of a date, for an axis: "Dec 25", "дек. 25", "12.2025". */
export function monthLabel(locale: string, date: string, withIntlData = intlHasLocaleData(locale)): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  if (locale === "kk" && !withIntlData) return `${String(m).padStart(2, "0")}.${y}`;
  return new Intl.DateTimeFormat(locale, { month: "short", year: "2-digit", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, 15)),
  );
}

/** The locale whose separators write the reader's numbers. */
export function numberLocale(locale: string): string {
  return locale === "kk" && !intlHasLocaleData(locale) ? "ru" : locale;
}
