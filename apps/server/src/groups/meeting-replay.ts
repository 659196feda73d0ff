// A meeting sent again under the id its client chose (a retry, a double tap, a second device with the
// same meeting): found, compared with what was recorded, and answered as recorded, nothing written
// twice. Another meeting under that id, or this one with other contents, answers ID_CONFLICT.

import { DomainError } from "@qadam/core/errors";
import type { MeetingInput, MeetingLine } from "@qadam/core/groups/meeting";
import type { Organisation } from "@qadam/core/orgs/types";
import { accountTotalPostedBy } from "../books/index.js";
import type { CommandContext } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { meetingRecord } from "./meeting-records.js";
import { groupAccounts } from "./store.js";

/** What recording a meeting answers (commands.ts's RecordedMeeting). */
interface Recorded {
  meetingId: string;
  seq: number;
  entryId: string | null;
  cashAfter: bigint;
  loansIssued: string[];
}

/** JSON with its keys sorted and bigints as text: two meetings are the same when these are equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "bigint") return v.toString();
    if (v && typeof v === "object" && !Array.isArray(v))
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return v;
  });
}

/** A loan line without the id of the loan it issues (compared apart: the client may leave it out). */
function withoutLoanId(line: MeetingLine): MeetingLine {
  if (line.kind !== "loan") return line;
  const { loanId: _, ...rest } = line;
  return rest;
}

/** A meeting's contents: its date, the cash counted, who came (in any order) and its lines in order. */
function contentsOf(m: Omit<MeetingInput, "id">): string {
  return canonical({
    heldOn: m.heldOn,
    cashCounted: m.cashCounted,
    attendance: [...m.attendance]
      .map((a) => ({ personId: a.personId, status: a.status }))
      .sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0)),
    lines: m.lines.map(withoutLoanId),
  });
}

/**
 * The meeting already recorded under `input.id`, answered as its recording was; null when the id is free.
 * ID_CONFLICT when the id is another meeting's, of another group or another tenant (which must not be
 * revealed: the same answer), or this meeting's with other contents, or when a correction's
 * replacement comes under an id already used.
 */
export async function meetingAlreadyRecorded(
  trx: Db,
  ctx: CommandContext,
  group: Organisation,
  input: MeetingInput & { id: string },
  replaces: string | null,
): Promise<Recorded | null> {
  const row = await trx
    .selectFrom("meetings")
    .select(["tenantId", "orgId", "entryId", "recordedAt"])
    .where("id", "=", input.id)
    .executeTakeFirst();
  if (!row) return null;
  const conflict = new DomainError("ID_CONFLICT", { id: input.id });
  if (row.tenantId !== ctx.actor.tenantId || row.orgId !== group.id || replaces !== null) throw conflict;
  const record = await meetingRecord(trx, ctx.actor, group.id, input.id);
  const stored: Omit<MeetingInput, "id"> = {
    heldOn: record.heldOn,
    cashCounted: record.cashCounted,
    attendance: record.attendance,
    lines: record.lines.map((l) => l.line),
  };
  if (contentsOf(stored) !== contentsOf(input)) throw conflict;
  input.lines.forEach((line, i) => {
    if (line.kind === "loan" && line.loanId !== undefined && record.lines[i]?.loanId !== line.loanId)
      throw conflict;
  });
  return {
    meetingId: record.id,
    seq: record.seq,
    entryId: row.entryId,
    cashAfter: await cashAfter(trx, group, row.recordedAt),
    loansIssued: record.lines.flatMap((l) => (l.line.kind === "loan" && l.loanId ? [l.loanId] : [])),
  };
}

/** The cash box as the books held it once the meeting (and what it posted with it) was recorded. */
async function cashAfter(trx: Db, group: Organisation, recordedAt: string): Promise<bigint> {
  const accounts = await groupAccounts(trx, group);
  return accountTotalPostedBy(trx, group.tenantId, accounts.cashBox, recordedAt);
}

/** The ids the client chose for the loans its meeting issues must be new, and each given once: ID_CONFLICT. */
export async function refuseTakenLoanIds(trx: Db, input: MeetingInput): Promise<void> {
  const chosen = input.lines.flatMap((line, i) =>
    line.kind === "loan" && line.loanId !== undefined ? [{ id: line.loanId, at: i }] : [],
  );
  if (chosen.length === 0) return;
  const taken = new Set(
    (
      await trx
        .selectFrom("internalLoans")
        .select("id")
        .where(
          "id",
          "in",
          chosen.map((c) => c.id),
        )
        .execute()
    ).map((r) => r.id),
  );
  const seen = new Set<string>();
  for (const c of chosen) {
    if (taken.has(c.id) || seen.has(c.id))
      throw new DomainError("ID_CONFLICT", { id: c.id }, [
        { path: `lines.${c.at}.loanId`, code: "ID_CONFLICT", params: { id: c.id } },
      ]);
    seen.add(c.id);
  }
}
