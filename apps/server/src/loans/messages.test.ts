import { LOCALES } from "@qadam/core/i18n";
import { messagesIn } from "@qadam/core/i18n/messages";
import { describe, expect, it } from "vitest";
import { LOAN_STATUSES, TRANSACTION_KINDS } from "./store.js";

describe("the loans' messages", () => {
  it("name every status and transaction kind the store has, in every language", () => {
    for (const locale of LOCALES) {
      const messages = messagesIn(locale);
      expect(Object.keys(messages.statuses.loan).sort(), locale).toEqual([...LOAN_STATUSES].sort());
      expect(Object.keys(messages.loanTransactionKinds).sort(), locale).toEqual(
        [...TRANSACTION_KINDS].sort(),
      );
    }
  });
});
