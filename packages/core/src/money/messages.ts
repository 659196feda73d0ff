// The messages of amounts and currencies.
import type { Texts } from "../i18n/texts.js";
import type { MoneyErrorCode } from "./errors.js";

export type MoneyMessages = {
  errors: Record<MoneyErrorCode, Texts>;
};

export const moneyMessages: MoneyMessages = {
  errors: {
    UNKNOWN_CURRENCY: {
      kk: "«{{currency}}» валютасы белгісіз.",
      ru: "Валюта «{{currency}}» неизвестна.",
      en: "“{{currency}}” is not a known currency.",
      fr: "« {{currency}} » n'est pas une devise connue.",
    },
    INVALID_AMOUNT: {
      kk: "«{{amount}}» — {{currency}} валютасындағы сома емес.",
      ru: "«{{amount}}» — не сумма в {{currency}}.",
      en: "“{{amount}}” is not an amount in {{currency}}.",
      fr: "« {{amount}} » n'est pas un montant en {{currency}}.",
    },
  },
};
