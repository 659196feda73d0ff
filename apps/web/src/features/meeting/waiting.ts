// The meetings saved on this phone and not in the kit's figures, counted into the kit before the next
// meeting is drafted: a group that meets twice with no connection gets its second meeting from the
// first one's balances (cash, savings, loans), and the server, which records them in the order they
// were saved, then finds the same figures. A meeting is in the kit exactly when the kit names its id
// (one sent after the kit was read is not). Pure: the screen gives it the kit and the outbox.
import { kitAfter, type MeetingKit } from "@qadam/core/groups/meeting-kit";
import type { OutboxMeeting } from "../../offline/device-db.js";

export interface KitWithWaiting {
  kit: MeetingKit;
  /** How many meetings saved on the phone the kit now counts. */
  counted: number;
  /** Whether one of them could not be counted (the kit refuses it: the books moved): figures may be off. */
  uncertain: boolean;
}

/**
 * The kit with the group's meetings saved on this phone and not in it counted in, in the order the
 * sender sends them (saved first, sent first): those waiting or being sent, and those the server
 * recorded after the kit was read. `except` is the meeting being corrected (it is the one drafted, not
 * one before it); refused meetings are in no books.
 */
export function kitWithWaiting(
  kit: MeetingKit,
  outbox: readonly OutboxMeeting[],
  except: string | null,
  today: string,
): KitWithWaiting {
  const inKit = new Set(kit.meetingIds);
  const toCount = outbox
    .filter(
      (m) =>
        m.groupId === kit.groupId &&
        m.id !== except &&
        !inKit.has(m.id) &&
        (m.state === "waiting" || m.state === "sending" || m.state === "sent"),
    )
    .sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.id.localeCompare(b.id));
  let after = kit;
  let counted = 0;
  for (const m of toCount) {
    try {
      after = kitAfter(after, m.body, today);
    } catch {
      // One the kit refuses (the books moved since): the server will say why; the rest build on it.
      return { kit: after, counted, uncertain: true };
    }
    counted += 1;
  }
  return { kit: after, counted, uncertain: false };
}
