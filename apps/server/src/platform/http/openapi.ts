// The OpenAPI document finished from the routes' declarations (route.ts): each operation's error codes
// as its 4xx responses, and on each command the required Idempotency-Key header and the request example.
import { statusOf } from "@qadam/core/error-status";
import type { ErrorCode } from "@qadam/core/errors";

interface Operation {
  parameters?: Array<Record<string, unknown>>;
  requestBody?: { content?: Record<string, Record<string, unknown>> };
  responses?: Record<string, unknown>;
  "x-error-codes"?: ErrorCode[];
  "x-command"?: string;
  "x-example"?: unknown;
}

export const IDEMPOTENCY_KEY_PARAMETER = {
  name: "Idempotency-Key",
  in: "header",
  required: true,
  description:
    "A key the client chooses for this write (a UUID is best): a replay with the same key and body answers " +
    "the first response and changes nothing; the same key with another body answers 409 IDEMPOTENCY_KEY_REUSED.",
  schema: {
    type: "string",
    pattern: "^[\\x21-\\x7e]{1,255}$",
    example: "0190f3d2-6a4e-7c1b-9f00-3b2a1c0d4e5f",
  },
};

/** The 4xx (and 5xx) responses of an operation, one per status, each listing its codes. */
function errorResponses(codes: readonly ErrorCode[]): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(statusOf(code), [...(byStatus.get(statusOf(code)) ?? []), code]);
  return Object.fromEntries(
    [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) => [
        String(status),
        {
          description: `Error codes: ${list.join(", ")}`,
          content: {
            "application/json": {
              schema: { $ref: "#/components/schemas/Error" },
              example: { error: { code: list[0], message: "…" } },
            },
          },
        },
      ]),
  );
}

/** Completes every declared operation of the document in place, and returns it. */
export function completeDocument<T extends object>(doc: T): T {
  const paths = (doc as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  for (const methods of Object.values(paths)) {
    for (const value of Object.values(methods)) {
      const op = value as Operation;
      const codes = op["x-error-codes"];
      if (codes) op.responses = { ...op.responses, ...errorResponses(codes) };
      if (op["x-command"] !== undefined)
        op.parameters = [...(op.parameters ?? []), { ...IDEMPOTENCY_KEY_PARAMETER }];
      const example = op["x-example"];
      const json = op.requestBody?.content?.["application/json"];
      if (example !== undefined && json) json.example = example;
    }
  }
  return doc;
}
