// The one way the app talks to Qadam: JSON over /api/v1 with the session cookie, the reader's language
// in Accept-Language (so the API's error messages come back in it), an idempotency key on every write,
// and responses checked by the contract's schemas where core has them.
import { systemIds } from "@qadam/core/ids";
import type { z } from "zod";
import { currentLocale } from "../i18n/i18n.js";

/** One problem the API found, on the field its path names (body.newPassword, querystring.date). */
export interface ApiProblem {
  path: string;
  code: string;
  message: string;
}

/** An answer other than 2xx: the API's stable code and its message, already in the reader's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ApiProblem[] = [],
  ) {
    super(message);
  }

  /** The message of the problem on `field` (a body field's name), if the API named one. */
  onField(field: string): string | undefined {
    return this.details.find((d) => d.path === `body.${field}` || d.path === field)?.message;
  }
}

/** The network failed (offline, server down): no answer at all. */
export class NetworkError extends Error {
  override name = "NetworkError";
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface Request<S extends z.ZodType | undefined> {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  schema?: S;
}

type Result<S> = S extends z.ZodType ? z.infer<S> : unknown;

export async function api<S extends z.ZodType | undefined = undefined>(
  method: Method,
  path: `/api/v1/${string}`,
  request: Request<S> = {},
): Promise<Result<S>> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(request.query ?? {})) if (v !== undefined) query.set(k, String(v));
  const url = query.size > 0 ? `${path}?${query}` : path;
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": currentLocale() };
  if (method !== "GET") headers["Idempotency-Key"] = systemIds.next();
  if (request.body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: "same-origin",
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: ApiProblem[] } })?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "INTERNAL",
      error?.message ?? response.statusText,
      error?.details ?? [],
    );
  }
  return (request.schema ? request.schema.parse(json) : json) as Result<S>;
}
