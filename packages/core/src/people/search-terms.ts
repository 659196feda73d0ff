// Search terms for people: each name folded to lowercase (ё as е), the phone's digits and the IIN.
// Stored in person_search_terms and matched by prefix ranges, which use the index on both databases.
import { foldForSearch } from "../text.js";
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

/** An IIN (exact) or a phone number (its digits as a prefix) typed as one piece, else null. */
function numberTerm(text: string): QueryTerm | null {
  const iin = text.replace(/[\s-]/g, "");
  if (/^\d{12}$/.test(iin)) return { kind: "exact", term: `=${iin}` };
  const digits = phoneDigits(text);
  if (!digits) return null;
  // "8 701 …" is the domestic form of "+7 701 …" (Kazakh numbers start with 7 after the trunk 8),
  // stored as "#701…" beside the international "#7701…": partial numbers are found too.
  const national = /^87/.test(digits) && digits.length <= 11 ? digits.slice(1) : digits;
  return { kind: "prefix", term: `#${national}` };
}

/**
 * Turns what a user typed into terms that must all match: an IIN or a phone typed alone (spaces
 * allowed), else each word as a name prefix, or as an IIN or phone when it is one ("Айгүл 8701").
 */
export function parseQuery(query: string): QueryTerm[] {
  const whole = numberTerm(query.trim());
  if (whole) return [whole];
  // Runs of numeric chunks are one number: "Айгүл 8 701 234" is a name and a phone.
  const pieces: string[] = [];
  for (const chunk of query.split(/\s+/u).filter((c) => c.length > 0)) {
    const numeric = /^[+\d()-]*\d[+\d()-]*$/.test(chunk);
    const last = pieces.length - 1;
    if (numeric && last >= 0 && /\d$/.test(pieces[last] ?? "")) pieces[last] = `${pieces[last]} ${chunk}`;
    else pieces.push(chunk);
  }
  const terms = new Map<string, QueryTerm>();
  for (const piece of pieces) {
    const number = numberTerm(piece);
    const found = number ? [number] : nameWords(piece).map((term) => ({ kind: "prefix" as const, term }));
    for (const t of found) terms.set(t.term, t);
  }
  return [...terms.values()].slice(0, 5);
}

/** The exclusive upper bound of every string that starts with `prefix`. */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}
