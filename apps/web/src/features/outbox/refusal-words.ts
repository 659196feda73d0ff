// A refused meeting's reason in the reader's language. The server said it in the language the meeting
// was sent in, which the bookkeeper may have changed since; with each problem's parameters kept beside
// its words, core says it again in hers (its words load only when a refusal is on the screen). A refusal
// whose code or parameters this build cannot read stays as the server said it.
import type { ErrorCode, ErrorDetail } from "@qadam/core/errors";
import type { Locale } from "@qadam/core/i18n/texts";
import { useEffect, useState } from "react";
import type { Refusal } from "../../offline/device-db.js";

/** The refusal's message and each of its problems' messages, in that order. */
export interface RefusalWords {
  message: string;
  details: readonly string[];
}

type Say = (locale: Locale, refusal: Refusal) => RefusalWords | null;

let loading: Promise<Say> | null = null;

function loadSay(): Promise<Say> {
  loading ??= Promise.all([import("@qadam/core/contract/validation"), import("@qadam/core/errors")]).then(
    ([validation, errors]) =>
      (locale, refusal) => {
        // The server gives every problem in details its parameters, and the error's own only when
        // it has some; a problem without them (a form's refusal, an older server) cannot be said again.
        const details: ErrorDetail[] = [];
        for (const d of refusal.details) {
          const params = d.params === undefined ? null : errors.paramsFromWire(d.params);
          if (!params) return null;
          details.push({ path: d.path.replace(/^body\.?/, ""), code: d.code as ErrorCode, params });
        }
        const top = errors.paramsFromWire(refusal.params ?? {});
        if (!top) return null;
        const error = new errors.DomainError(refusal.code as ErrorCode, top, details);
        const words = {
          message: validation.domainErrorMessage(locale, error),
          details: details.map((d) => validation.detailMessage(locale, d)),
        };
        // A parameter the words need and the refusal lacks: the server's own words are better.
        return [words.message, ...words.details].some((w) => w.includes("{{")) ? null : words;
      },
  );
  return loading;
}

/** The refusal in `locale`: as kept until core's words are loaded, or when it cannot be said again. */
export function useRefusalWords(refusal: Refusal, locale: Locale): RefusalWords {
  const kept: RefusalWords = { message: refusal.message, details: refusal.details.map((d) => d.message) };
  const [said, setSaid] = useState<{ for: Refusal; locale: Locale; words: RefusalWords } | null>(null);
  useEffect(() => {
    let live = true;
    void loadSay().then((say) => {
      let words: RefusalWords | null = null;
      try {
        words = say(locale, refusal);
      } catch {
        // a code this build does not know: keep the server's words
      }
      if (live && words) setSaid({ for: refusal, locale, words });
    });
    return () => {
      live = false;
    };
  }, [refusal, locale]);
  return said && said.for === refusal && said.locale === locale ? said.words : kept;
}
