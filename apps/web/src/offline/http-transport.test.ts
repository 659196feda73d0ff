// How the server's answers to a meeting sent from the outbox are sorted: recorded, refused (kept to
// correct), or "try later" (kept waiting) — a 5xx, a logged-out session or a busy group is never a refusal.
import { describe, expect, it } from "vitest";
import type { OutboxMeeting } from "./device-db.js";
import { httpTransport } from "./http-transport.js";

const meeting: OutboxMeeting = {
  id: "0190b000-0000-7000-8000-000000000001",
  groupId: "0190a000-0000-7000-8000-000000000002",
  userId: "0190a000-0000-7000-8000-000000000001",
  body: { id: "0190b000-0000-7000-8000-000000000001", heldOn: "2026-01-06", attendance: [], lines: [] },
  idempotencyKey: "key-1",
  state: "sending",
  attempts: 1,
  savedAt: "2026-01-06T10:00:00.000Z",
  lastTriedAt: null,
  lastFailure: null,
  sentAt: null,
  refusal: null,
};

function answering(status: number, body?: unknown) {
  const seen: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetcher = (async (url: string, init?: RequestInit) => {
    seen.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  }) as typeof fetch;
  return { fetcher, seen };
}

describe("sending a meeting over HTTP", () => {
  it("posts the meeting with its own idempotency key and the reader's language", async () => {
    const { fetcher, seen } = answering(201, { id: meeting.id });
    expect(await httpTransport(() => "kk", fetcher)(meeting)).toEqual({ kind: "recorded" });
    const headers = seen[0]?.init?.headers as Record<string, string>;
    expect(seen[0]?.url).toBe(`/api/v1/groups/${meeting.groupId}/meetings`);
    expect({ key: headers["Idempotency-Key"], lang: headers["Accept-Language"] }).toEqual({
      key: "key-1",
      lang: "kk",
    });
    expect(JSON.parse(String(seen[0]?.init?.body))).toEqual(meeting.body);
  });

  it("keeps the server's reason, per line, when it refuses", async () => {
    const error = {
      code: "MEETING_INVALID",
      message: "Жиналыс қабылданбады",
      details: [{ path: "body.lines.2.amount", code: "INVALID_AMOUNT", message: "Сома дұрыс емес" }],
    };
    const { fetcher } = answering(422, { error });
    expect(await httpTransport(() => "kk", fetcher)(meeting)).toEqual({ kind: "refused", refusal: error });
  });

  it("keeps each problem's parameters, to say it again in another language", async () => {
    const error = {
      code: "MEETING_CASH_MISMATCH",
      message: "Санап шыққан касса…",
      params: { counted: { minor: "8465410", currency: "KZT" } },
      details: [
        {
          path: "body.cashCounted",
          code: "MEETING_CASH_MISMATCH",
          message: "Санап шыққан касса…",
          params: { counted: { minor: "8465410", currency: "KZT" } },
          memberId: "not kept",
        },
      ],
    };
    const { fetcher } = answering(422, { error });
    const outcome = await httpTransport(() => "kk", fetcher)(meeting);
    expect(outcome).toEqual({
      kind: "refused",
      refusal: { ...error, details: [{ ...error.details[0], memberId: undefined }] },
    });
  });

  it("refuses on another's meeting under the id, and on a forbidden group", async () => {
    for (const [status, code] of [
      [409, "ID_CONFLICT"],
      [403, "FORBIDDEN"],
    ] as const) {
      const { fetcher } = answering(status, { error: { code, message: code } });
      expect((await httpTransport(() => "en", fetcher)(meeting)).kind).toBe("refused");
    }
  });

  it("tries later on no connection, a server failure, a logged-out session or a busy group", async () => {
    const offline = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    expect(await httpTransport(() => "en", offline)(meeting)).toEqual({
      kind: "unreachable",
      reason: "Failed to fetch",
    });
    for (const [status, body] of [
      [500, undefined],
      [502, undefined],
      [503, { error: { code: "UNAVAILABLE", message: "down" } }],
      [401, { error: { code: "UNAUTHENTICATED", message: "log in" } }],
      [409, { error: { code: "CONCURRENT_UPDATE", message: "busy" } }],
      [429, undefined],
    ] as const) {
      const { fetcher } = answering(status, body);
      expect({ status, kind: (await httpTransport(() => "en", fetcher)(meeting)).kind }).toEqual({
        status,
        kind: "unreachable",
      });
    }
  });
});
