import { checkMeetingOnKit, kitDraft, kitNextMeeting } from "@qadam/core/groups/meeting-kit";
import { describe, expect, it } from "vitest";
import type { OutboxMeeting } from "../../offline/device-db.js";
import { bodyOf, startFlow } from "./flow.js";
import { kit } from "./testing.js";
import { expectedCash } from "./totals.js";
import { kitWithWaiting } from "./waiting.js";

const TODAY = "2026-12-09";
const KIT = kit();

/** The draft of a meeting on the kit, as the flow saves it, waiting in the outbox. */
function waitingMeeting(
  id: string,
  over: Partial<OutboxMeeting> = {},
  base = KIT,
  heldOn = "2026-12-02",
): OutboxMeeting {
  const state = startFlow(base, id, heldOn);
  return {
    id,
    groupId: base.groupId,
    userId: "u",
    body: { ...bodyOf(state, expectedCash(state, base), base.currency), id },
    idempotencyKey: `k-${id}`,
    state: "waiting",
    attempts: 0,
    savedAt: "2026-12-02T09:00:00.000Z",
    lastTriedAt: null,
    lastFailure: null,
    sentAt: null,
    refusal: null,
    ...over,
  };
}

const FIRST = "01930000-0000-7000-8000-00000000a001";
const SECOND = "01930000-0000-7000-8000-00000000a002";

describe("meetings waiting on the phone, counted into the kit", () => {
  it("drafts the second meeting from the first one's balances, and checks it as the server will", () => {
    const first = waitingMeeting(FIRST);
    const { kit: after, counted, uncertain } = kitWithWaiting(KIT, [first], null, TODAY);
    expect({ counted, uncertain }).toEqual({ counted: 1, uncertain: false });
    const plan = checkMeetingOnKit(KIT, first.body, TODAY);
    expect(after.cashBox).toBe((Number(plan.cashAfter) / 100).toFixed(2));
    expect(after.latestMeeting).toBe(first.body.heldOn);
    expect(after.nextMeeting).toBe("2026-12-09");
    expect(kitNextMeeting(after, TODAY)).toBe("2026-12-09");
    // Every member saved 500 at the first meeting: the second starts from it.
    expect(after.members.map((m) => m.savings)).toEqual(KIT.members.map(() => "10500.00"));
    // The second meeting, drafted from there, is accepted on the kit with the first counted; on the
    // kit alone its cash count would not match the books.
    const second = waitingMeeting(SECOND, {}, after, "2026-12-09");
    expect(second.body.heldOn).toBe("2026-12-09");
    expect(() => checkMeetingOnKit(after, second.body, TODAY)).not.toThrow();
    expect(() => checkMeetingOnKit(KIT, second.body, TODAY)).toThrow();
    // The loan repaid at the first meeting asks less at the second.
    const due = (k: typeof KIT) => kitDraft(k, "2026-12-09").groupLoans.reduce((s, l) => s + l.due, 0n);
    expect(due(after)).toBeLessThan(due(KIT));
  });

  it("counts two in the order they are sent, leaves out the one corrected, other groups' and sent ones", () => {
    const first = waitingMeeting(FIRST);
    const afterFirst = kitWithWaiting(KIT, [first], null, TODAY).kit;
    const second = waitingMeeting(SECOND, { savedAt: "2026-12-09T09:00:00.000Z" }, afterFirst, "2026-12-09");
    const both = kitWithWaiting(KIT, [second, first], null, TODAY);
    expect(both.counted).toBe(2);
    expect(both.kit.latestMeeting).toBe("2026-12-09");
    expect(kitWithWaiting(KIT, [second, first], SECOND, TODAY).counted).toBe(1);
    expect(kitWithWaiting(KIT, [{ ...first, groupId: "other" }], null, TODAY).counted).toBe(0);
    expect(kitWithWaiting(KIT, [{ ...first, state: "refused" }], null, TODAY).counted).toBe(0);
  });

  it("counts one the server recorded after the kit was read, and not one the kit names", () => {
    const first = waitingMeeting(FIRST, { state: "sent", attempts: 2 });
    expect(kitWithWaiting(KIT, [first], null, TODAY).counted).toBe(1);
    const read = kitWithWaiting(KIT, [first], null, TODAY).kit;
    expect(read.meetingIds[0]).toBe(FIRST);
    // The server's next kit names it: it is in its figures, not counted again.
    expect(kitWithWaiting(read, [first], null, TODAY)).toEqual({ kit: read, counted: 0, uncertain: false });
    expect(kitWithWaiting({ ...KIT, meetingIds: [FIRST] }, [first], null, TODAY).counted).toBe(0);
  });

  it("stops, uncertain, at one the kit refuses", () => {
    const wrong = waitingMeeting(FIRST);
    wrong.body = { ...wrong.body, cashCounted: "1" };
    expect(kitWithWaiting(KIT, [wrong], null, TODAY)).toMatchObject({ counted: 0, uncertain: true });
  });
});
