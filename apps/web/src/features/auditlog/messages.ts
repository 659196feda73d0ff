// The auditlog feature's texts, under the key "auditlog", in Kazakh, Russian, English and French.
import type { FeatureMessages } from "../../i18n/register.js";

export const messages = {
  en: {},
  ru: {},
  kk: {},
  fr: {},
} satisfies FeatureMessages;
