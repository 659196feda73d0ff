// A form's problems: the contract schema's, found before sending, else the API's on the same field,
// both already in the reader's language; and an amount as a person types it ("12 500,50") made canonical.
import { formatMoney, parseAmount } from "@qadam/core/money";
import type { z } from "zod";
import { ApiError } from "../../api/client.js";
import { checkWith, type FieldErrors } from "../../components/issues.js";

/** The canonical amount text ("12500.50") of what was typed, or the text as typed for the schema to refuse. */
export function typedAmount(text: string, currency: string): string {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  try {
    return formatMoney(parseAmount(compact, currency));
  } catch {
    return text.trim();
  }
}

export function validate<S extends z.ZodType>(schema: S, input: unknown) {
  return checkWith(schema, input);
}

/** The field a refusal concerns when the API names none in its details (its code says which). */
export type CodeFields = Readonly<Record<string, string>>;

function apiProblem(error: unknown, field: string, codeFields: CodeFields): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.onField(field) ?? (codeFields[error.code] === field ? error.message : undefined);
}

/** The message for a field: the form's own check first, else what the API said of it. */
export function problemOn(
  errors: FieldErrors,
  error: unknown,
  field: string,
  codeFields: CodeFields = {},
): string | undefined {
  return errors[field] ?? apiProblem(error, field, codeFields);
}

/** An API error that names no field of the form: shown above the button. */
export function unplacedError(
  error: unknown,
  fields: readonly string[],
  codeFields: CodeFields = {},
): unknown {
  if (!error) return null;
  if (fields.some((f) => apiProblem(error, f, codeFields))) return null;
  return error;
}
