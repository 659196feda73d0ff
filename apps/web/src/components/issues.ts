// A form's problems by field: found before sending by the contract's own schema, worded by core in the
// reader's language exactly as the API would word them.
import { type RawIssue, translateIssues } from "@qadam/core/contract/validation";
import type { z } from "zod";
import { currentLocale } from "../i18n/i18n.js";

export type FieldErrors = Partial<Record<string, string>>;

export function checkWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of translateIssues(currentLocale(), result.error.issues as unknown as RawIssue[], input))
    errors[issue.path] ??= issue.message;
  return { ok: false, errors };
}
