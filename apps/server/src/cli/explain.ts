// A domain error at the command line: its translated message as one clear line (a CliError; one line
// per problem when it carries several), in the language asked for; anything else is a fault and goes on with its stack.

import { detailMessage, domainErrorMessage } from "@qadam/core/contract/validation";
import { isDomainError } from "@qadam/core/errors";
import type { Locale } from "@qadam/core/i18n";
import { CliError } from "./io.js";

export function explainIn(locale: Locale) {
  return (error: unknown): never => {
    if (isDomainError(error) && error.details.length > 1)
      throw new CliError(error.details.map((d) => `${d.path}: ${detailMessage(locale, d)}`).join("\n"));
    if (isDomainError(error)) throw new CliError(domainErrorMessage(locale, error));
    throw error;
  };
}

/** In English, the command line's language unless a command takes --lang. */
export const explain = explainIn("en");
