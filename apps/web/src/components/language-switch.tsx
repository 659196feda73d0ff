// The language menu, on every screen: the choice applies at once and is remembered.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { chooseLocale, currentLocale, LOCALES, type Locale } from "../i18n/i18n.js";

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
        onChange={(event) => void chooseLocale(event.target.value as Locale, userId)}
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
