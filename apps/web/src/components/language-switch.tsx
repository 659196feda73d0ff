// The language menu, on every screen: the choice applies at once and is remembered on this device and,
// when logged in, on her account for every device.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { saveOwnLocale } from "../api/account.js";
import { chooseLocale, currentLocale, LOCALES, type Locale } from "../i18n/i18n.js";

async function choose(locale: Locale, userId: string | null): Promise<void> {
  await chooseLocale(locale, userId);
  // Offline or refused, the choice still holds on this device; the account keeps its last one.
  if (userId) await saveOwnLocale(locale).catch(() => undefined);
}

export function LanguageSwitch({ userId }: { userId: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="language">
      <label htmlFor={id}>{t("language.label")}</label>
      <select
        id={id}
        name="language"
        value={currentLocale()}
        onChange={(event) => void choose(event.target.value as Locale, userId)}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`languages.${locale}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
