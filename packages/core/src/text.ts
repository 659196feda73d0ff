// Folding text for case-insensitive matching the same way on SQLite (whose lower() is ASCII-only)
// and PostgreSQL: done in JavaScript, stored beside the original.
export function foldForSearch(text: string): string {
  return text.normalize("NFKC").toLocaleLowerCase("ru").replaceAll("ё", "е").replace(/\s+/g, " ").trim();
}

/** A LIKE pattern matching `part` anywhere, with LIKE's own characters escaped by "\". */
export function containsPattern(part: string): string {
  return `%${foldForSearch(part).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
