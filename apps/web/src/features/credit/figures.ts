// Figures for narrow screens, without passing through a number: a percent the API gives as a decimal
// string ("37.1") with the reader's decimal separator, and a date in its short numeric form.
import { intlHasLocaleData } from "../../i18n/format.js";

export function formatPercent(locale: string, text: string): string {
  const tag = locale === "kk" && !intlHasLocaleData(locale) ? "ru" : locale;
  const separator =
    new Intl.NumberFormat(tag).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  return text.replace(".", separator);
}

/** A calendar date (YYYY-MM-DD) in the reader's short numeric form ("04.01.2027"), for narrow tables. */
export function formatShortDate(locale: string, date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  if (!y || !m || !d) return date;
  const tag = locale === "kk" && !intlHasLocaleData(locale) ? "ru" : locale;
  return new Intl.DateTimeFormat(tag, {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
