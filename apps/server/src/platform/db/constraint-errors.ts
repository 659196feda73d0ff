// Database constraint errors, recognised by driver code (never by message text, which differs
// between SQLite and PostgreSQL), so a command can turn a lost race into its own domain error.

function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

export function isForeignKeyViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === "23503" || code === "SQLITE_CONSTRAINT_FOREIGNKEY";
}

export function isCheckViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === "23514" || code === "SQLITE_CONSTRAINT_CHECK";
}

/** A conflict between concurrent transactions that a retry may resolve. */
export function isTransientConflict(error: unknown): boolean {
  const code = codeOf(error);
  return code === "40001" || code === "40P01" || code === "SQLITE_BUSY";
}

/** PostgreSQL's "invalid text representation" (e.g. a malformed uuid): bad input, not a server fault. */
export function isInvalidTextRepresentation(error: unknown): boolean {
  // 22P02 invalid text representation, 22007/22008 bad dates, 22021 a character (NUL) text cannot hold.
  return ["22P02", "22007", "22008", "22021"].includes(codeOf(error) ?? "");
}
