// Sending one meeting from the outbox to the server: the meeting's own idempotency key, the reader's
// language (a refusal comes back in it), and the answer sorted into recorded, refused or "try later".
import type { WireParams } from "@qadam/core/errors";
import type { OutboxMeeting } from "./device-db.js";
import type { SendOutcome } from "./outbox.js";

/** Answers that say "not now" rather than "no": the meeting stays waiting and is sent again later. */
const TRY_LATER = new Set([401, 408, 425, 429]);
const BUSY_CODES = new Set(["CONCURRENT_UPDATE"]);

export function httpTransport(locale: () => string, fetcher: typeof fetch = fetch) {
  return async (meeting: OutboxMeeting): Promise<SendOutcome> => {
    let response: Response;
    try {
      response = await fetcher(`/api/v1/groups/${meeting.groupId}/meetings`, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          Accept: "application/json",
          "Accept-Language": locale(),
          "Content-Type": "application/json",
          "Idempotency-Key": meeting.idempotencyKey,
        },
        body: JSON.stringify(meeting.body),
      });
    } catch (error) {
      return { kind: "unreachable", reason: error instanceof Error ? error.message : String(error) };
    }
    if (response.ok) return { kind: "recorded" };
    let error: {
      code?: string;
      message?: string;
      params?: WireParams;
      details?: Array<{ path: string; code: string; message: string; params?: WireParams }>;
    } = {};
    try {
      error = ((await response.json()) as { error?: typeof error }).error ?? {};
    } catch {
      // no JSON body: a proxy's or the server's crash page
    }
    if (response.status >= 500 || TRY_LATER.has(response.status) || BUSY_CODES.has(error.code ?? ""))
      return { kind: "unreachable", reason: error.message ?? `HTTP ${response.status}` };
    return {
      kind: "refused",
      refusal: {
        code: error.code ?? `HTTP_${response.status}`,
        message: error.message ?? response.statusText,
        ...(error.params ? { params: error.params } : {}),
        details: (error.details ?? []).map((d) => ({
          path: d.path,
          code: d.code,
          message: d.message,
          ...(d.params ? { params: d.params } : {}),
        })),
      },
    };
  };
}
