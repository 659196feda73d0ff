// How every language starts a message about one line of a request body ("Line 3: …"), and that message
// without it, for a screen that shows the problem on its line already (the body's line number is a
// place in the request, which the reader never sees). Its own module: the outbox reads it without
// loading every domain's messages.
import type { Locale } from "./texts.js";

/** The one prefix each language's line messages start with (a test holds every message to it). */
export const LINE_PREFIX: Readonly<Record<Locale, string>> = {
  kk: "{{line}}-жол: ",
  ru: "Строка {{line}}: ",
  en: "Line {{line}}: ",
  fr: "Ligne {{line}} : ",
};

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const PREFIXES = Object.entries(LINE_PREFIX).map(
  ([locale, prefix]) =>
    [locale, new RegExp(`^${prefix.split("{{line}}").map(literal).join("\\d+")}`, "u")] as const,
);

/**
 * The message without its "Line 3: " (in whichever of the languages it was written), starting with a
 * capital; a message that does not name a line comes back as it is.
 */
export function withoutLinePrefix(message: string): string {
  for (const [locale, prefix] of PREFIXES) {
    const found = prefix.exec(message);
    if (found) {
      const rest = message.slice(found[0].length);
      return rest.charAt(0).toLocaleUpperCase(locale) + rest.slice(1);
    }
  }
  return message;
}
