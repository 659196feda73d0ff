// The admin feature's texts, under the key "admin", in Kazakh, Russian, English and French.
import type { FeatureMessages } from "../../i18n/register.js";

export const messages = {
  en: {},
  ru: {},
  kk: {},
  fr: {},
} satisfies FeatureMessages;
