// The one place where errors become HTTP responses: { "error": { "code", "message", "details"? } },
// the message in the request's language. Anything unexpected is a 500 with nothing half-written
// (every write runs in a transaction that has already rolled back by the time we get here).
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import {
  isInvalidTextRepresentation,
  isTransientConflict,
  isUniqueViolation,
} from "../db/constraint-errors.js";
import { DomainError, type ErrorCode, isDomainError, statusOf } from "../errors.js";
import { errorMessage, type Locale, negotiateLocale } from "../i18n/index.js";

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Array<{ path: string; issue: string }> };
}

export function errorBody(
  locale: Locale,
  error: DomainError,
  details?: Array<{ path: string; issue: string }>,
): ErrorBody {
  return {
    error: {
      code: error.code,
      message: errorMessage(locale, error),
      ...(details && details.length > 0 ? { details } : {}),
    },
  };
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "MALFORMED_REQUEST",
  FST_ERR_CTP_EMPTY_JSON_BODY: "MALFORMED_REQUEST",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "MALFORMED_REQUEST",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_VALIDATION: "VALIDATION_FAILED",
  FST_ERR_BAD_URL: "ROUTE_NOT_FOUND",
  FST_ERR_RATE_LIMIT: "RATE_LIMITED",
};

function classify(
  error: unknown,
): { domain: DomainError; details?: Array<{ path: string; issue: string }> } | null {
  if (isDomainError(error)) return { domain: error };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      path: `${error.validationContext ?? "request"}${v.instancePath.replaceAll("/", ".")}`,
      issue: v.message ?? "invalid",
    }));
    return {
      domain: new DomainError("VALIDATION_FAILED", {
        details: details.map((d) => `${d.path}: ${d.issue}`).join("; "),
      }),
      details,
    };
  }
  if (isUniqueViolation(error) || isTransientConflict(error))
    return { domain: new DomainError("CONCURRENT_UPDATE") };
  if (isInvalidTextRepresentation(error))
    return { domain: new DomainError("VALIDATION_FAILED", { details: "malformed value" }) };
  const fe = error as Partial<FastifyError>;
  if (typeof fe.code === "string" && FASTIFY_CODES[fe.code]) {
    const code = FASTIFY_CODES[fe.code] as ErrorCode;
    return {
      domain: new DomainError(code, code === "MALFORMED_REQUEST" ? { details: "JSON" } : { details: "" }),
    };
  }
  if (error instanceof SyntaxError)
    return { domain: new DomainError("MALFORMED_REQUEST", { details: "JSON" }) };
  const status = typeof fe.statusCode === "number" ? fe.statusCode : 500;
  if (status === 429) return { domain: new DomainError("RATE_LIMITED") };
  if (status >= 400 && status < 500)
    return { domain: new DomainError("MALFORMED_REQUEST", { details: fe.message ?? "" }) };
  return null;
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = request.locale ?? negotiateLocale(request.headers["accept-language"]);
  const known = classify(error);
  if (known) {
    return reply.code(statusOf(known.domain.code)).send(errorBody(locale, known.domain, known.details));
  }
  if (isResponseSerializationError(error))
    request.log.error({ err: error }, "response did not match its schema");
  else request.log.error({ err: error }, "unexpected error");
  return reply.code(500).send(errorBody(locale, new DomainError("INTERNAL")));
}
