// The one place where errors become HTTP responses: { "error": { "code", "message", "details"? } },
// the message in the request's language. Anything unexpected is a 500 with nothing half-written
// (every write runs in a transaction that has already rolled back by the time we get here).

import {
  detailMessage,
  domainErrorMessage,
  type RawIssue,
  summaryCode,
  type TranslatedIssue,
  translateIssues,
} from "@qadam/core/contract/validation";
import { statusOf } from "@qadam/core/error-status";
import {
  DomainError,
  type ErrorCode,
  isDomainError,
  paramsToWire,
  type WireParams,
} from "@qadam/core/errors";
import { type Locale, negotiateLocale, translate } from "@qadam/core/i18n";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import {
  isInvalidTextRepresentation,
  isTransientConflict,
  isUniqueViolation,
} from "../db/constraint-errors.js";

/**
 * One problem of several: where it is in the request, its code, its message, the member it concerns,
 * and (a domain's problem) its parameters, so that a client keeping it can say it in another language.
 */
export interface ErrorDetailBody {
  path: string;
  code: ErrorCode;
  message: string;
  params?: WireParams;
  memberId?: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; params?: WireParams; details?: ErrorDetailBody[] };
}

const PARAMS_SCHEMA = {
  type: "object",
  description:
    "The problem's parameters (always on a domain's problem in details; on the error, left out when it has none), to say it again in another language: strings, numbers, amounts as { minor (a string of minor units), currency }, phrases as { phrase, params }",
  additionalProperties: true,
};

/** The error shape as the OpenAPI document gives it (components.schemas.Error). */
export const ERROR_SCHEMA: Record<string, unknown> = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", description: "A stable machine code, e.g. VALIDATION_FAILED, INVALID_DATE" },
        message: {
          type: "string",
          description: "The first problem, or all of them, in the request's language",
        },
        params: PARAMS_SCHEMA,
        details: {
          type: "array",
          description: "Every problem found, when there are several or the request's fields are named",
          items: {
            type: "object",
            required: ["path", "code", "message"],
            properties: {
              path: {
                type: "string",
                description: "Where in the request: body.lines.2.amount, querystring.date",
              },
              code: {
                type: "string",
                description: "This problem's code (INVALID_DATE, MEETING_LOAN_OVER_LIMIT…)",
              },
              message: {
                type: "string",
                description: "This problem, its field named by its translated label",
              },
              params: PARAMS_SCHEMA,
              memberId: {
                type: "string",
                description: "The member (person id) the problem concerns, if any",
              },
            },
          },
        },
      },
    },
  },
};

/** The error's own parameters for its body: left out when it has none (a detail's are always given). */
function withParams(params: DomainError["params"]): { params?: WireParams } {
  return Object.keys(params).length > 0 ? { params: paramsToWire(params) } : {};
}

/** The body of an error: its code and message, and every problem it carries (a domain error's details are paths in the body). */
export function errorBody(locale: Locale, error: DomainError, details?: ErrorDetailBody[]): ErrorBody {
  const all =
    details ??
    error.details.map((d) => ({
      path: d.path ? `body.${d.path}` : "body",
      code: d.code,
      message: detailMessage(locale, d),
      params: paramsToWire(d.params),
      ...(d.memberId !== undefined ? { memberId: d.memberId } : {}),
    }));
  return {
    error: {
      code: error.code,
      message: domainErrorMessage(locale, error),
      ...withParams(error.params),
      ...(all.length > 0 ? { details: all } : {}),
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

const REQUEST_PARTS = { body: "body", querystring: "query", params: "params", headers: "headers" } as const;

/** A schema's refusal, every issue at once: 400 VALIDATION_FAILED, or 422 of a value's code when all are about values. */
export function validationError(locale: Locale, issues: readonly TranslatedIssue[]): ErrorBody {
  const summary = issues.map((i) => i.message).join("; ");
  return {
    error: {
      code: summaryCode(issues),
      message: translate(locale, "errors.VALIDATION_FAILED", { details: summary }),
      details: [...issues],
    },
  };
}

function classify(error: unknown): { domain: DomainError } | null {
  if (isDomainError(error)) return { domain: error };
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
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error.validationContext ?? "body") as keyof typeof REQUEST_PARTS;
    const part = REQUEST_PARTS[context] ?? "body";
    const issues: RawIssue[] = error.validation.map((v) => ({
      ...v.params,
      code: v.keyword,
      path: v.instancePath
        .split("/")
        .filter((p) => p !== "")
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    }));
    const body = validationError(locale, translateIssues(locale, issues, request[part], context));
    return reply.code(statusOf(body.error.code)).send(body);
  }
  const known = classify(error);
  if (known) return reply.code(statusOf(known.domain.code)).send(errorBody(locale, known.domain));
  if (isResponseSerializationError(error))
    request.log.error({ err: error }, "response did not match its schema");
  else request.log.error({ err: error }, "unexpected error");
  return reply.code(500).send(errorBody(locale, new DomainError("INTERNAL")));
}
