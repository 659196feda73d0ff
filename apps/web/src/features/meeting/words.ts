// Core's words for a problem's code (every domain's messages in every language, about 30 kB gzipped),
// loaded only when the flow has a problem to show: a meeting recorded from the draft never needs them,
// and the meeting route stays light on a slow line.
import type { ErrorCode, ErrorParams } from "@qadam/core/errors";
import type { Locale } from "@qadam/core/i18n/texts";
import { useEffect, useState } from "react";

/** A problem in words; `onItsLine` leaves out "Line 21:", a number the bookkeeper never sees. */
type ErrorMessage = (
  locale: Locale,
  error: { code: ErrorCode; params: ErrorParams },
  onItsLine: boolean,
) => string;

let loaded: ErrorMessage | null = null;
let loading: Promise<ErrorMessage> | null = null;

/** Loads core's words once; resolves with its errorMessage. */
export function loadErrorWords(): Promise<ErrorMessage> {
  loading ??= import("@qadam/core/i18n").then((i18n) => {
    const words: ErrorMessage = (locale, error, onItsLine) =>
      onItsLine ? i18n.errorMessageOnItsLine(locale, error) : i18n.errorMessage(locale, error);
    loaded = words;
    return words;
  });
  return loading;
}

/** Core's errorMessage once loaded (null until then); loads it when `needed`. */
export function useErrorWords(needed: boolean): ErrorMessage | null {
  const [words, setWords] = useState<ErrorMessage | null>(() => loaded);
  useEffect(() => {
    if (!needed || words) return;
    let live = true;
    void loadErrorWords().then((w) => {
      if (live) setWords(() => w);
    });
    return () => {
      live = false;
    };
  }, [needed, words]);
  return words;
}
