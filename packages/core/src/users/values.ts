// Rules on the plain values of users and access, shared by the HTTP schemas and the commands.

/** Control characters (C0 and DEL) have no place in a login or a name, and PostgreSQL refuses NUL in text. */
export function hasControlCharacters(value: string): boolean {
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}
