// Search terms for people: each name folded to lowercase (ё as е), the phone's digits and the IIN.
// Stored in person_search_terms and matched by prefix ranges, which use the index on both databases.
import { foldForSearch } from "../platform/text.js";
import { phoneDigits } from "./phone.js";

export interface Searchable {
  familyName: string | null;
  givenName: string | null;
  patronymic: string | null;
  phone: string | null;
  iin: string | null;
}

/** The words of a name: split on spaces, hyphens and apostrophes, punctuation dropped. */
export function nameWords(text: string): string[] {
  return foldForSearch(text)
    .split(/[\s\-'’ʼ.,]+/u)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter((w) => w.length > 0);
}

export function searchTermsFor(person: Searchable): string[] {
  const terms = new Set<string>();
  for (const name of [person.familyName, person.givenName, person.patronymic]) {
    if (name) for (const w of nameWords(name)) terms.add(w);
  }
  // Phones are searched by their digits, with and without the country code ("+7 701…" or "8 701…").
  if (person.phone) {
    const digits = person.phone.replace(/\D/g, "");
    terms.add(`#${digits}`);
    if (digits.startsWith("7") && digits.length === 11) terms.add(`#${digits.slice(1)}`);
  }
  if (person.iin) terms.add(`=${person.iin}`);
  return [...terms];
}

export type QueryTerm = { kind: "prefix"; term: string } | { kind: "exact"; term: string };

/** Turns what a user typed into terms that must all match: an IIN, a phone, or name prefixes. */
export function parseQuery(query: string): QueryTerm[] {
  const trimmed = query.trim();
  if (/^\d{12}$/.test(trimmed.replace(/[\s-]/g, "")))
    return [{ kind: "exact", term: `=${trimmed.replace(/[\s-]/g, "")}` }];
  const digits = phoneDigits(trimmed);
  if (digits) {
    // "8 701 …" is the domestic form of "+7 701 …".
    const national = digits.startsWith("8") && digits.length === 11 ? digits.slice(1) : digits;
    return [{ kind: "prefix", term: `#${national}` }];
  }
  return [...new Set(nameWords(trimmed))].slice(0, 5).map((term) => ({ kind: "prefix", term }));
}

/** The exclusive upper bound of every string that starts with `prefix`. */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}
