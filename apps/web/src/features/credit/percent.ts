// A percent the API gives as a decimal string ("37.1") written with the reader's decimal separator
// ("37,1" in Kazakh, Russian and French), without passing through a number.
import { intlHasLocaleData } from "../../i18n/format.js";

export function formatPercent(locale: string, text: string): string {
  const tag = locale === "kk" && !intlHasLocaleData(locale) ? "ru" : locale;
  const separator =
    new Intl.NumberFormat(tag).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  return text.replace(".", separator);
}
