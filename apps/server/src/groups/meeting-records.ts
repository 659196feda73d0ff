// A group's meetings as recorded: the list (posted and reversed, in order), and one meeting with its
// attendance and its lines read back as MeetingLine, with the loan each loan line issued and the
// interest part of each repayment.

import type { Actor } from "@qadam/core/auth/actor";
import { decodeCursor, toPage } from "@qadam/core/contract/pagination";
import { DomainError } from "@qadam/core/errors";
import { ATTENDANCE, type Attendance, type MeetingLine } from "@qadam/core/groups/meeting";
import {
  FINE_KINDS,
  type FineKind,
  SOCIAL_FUND_PURPOSES,
  type SocialFundPurpose,
} from "@qadam/core/groups/rules";
import { isUuid } from "@qadam/core/ids";
import { firstJoinedOn } from "../people/index.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { findGroup } from "./store.js";

export interface MeetingSummary {
  id: string;
  seq: number;
  heldOn: string;
  status: "posted" | "reversed";
  cashCounted: bigint | null;
  /** The meeting this one corrected, if any. */
  replacesId: string | null;
  recordedAt: string;
}

export interface RecordedLine {
  lineNo: number;
  line: MeetingLine;
  /** The loan a loan line issued, or the loan a repayment repaid; null for other kinds. */
  loanId: string | null;
  /** The interest part of a repayment (or of an external loan repaid); null for other kinds. */
  interest: bigint | null;
}

export interface MeetingRecord extends MeetingSummary {
  groupId: string;
  currency: string;
  attendance: Array<{ personId: string; status: Attendance }>;
  lines: RecordedLine[];
}

type SummaryRow = {
  id: string;
  seq: number;
  heldOn: string;
  status: string;
  cashCounted: string | number | bigint | null;
  replacesId: string | null;
  recordedAt: string;
};

function summaryOf(r: SummaryRow): MeetingSummary {
  return {
    id: r.id,
    seq: Number(r.seq),
    heldOn: r.heldOn,
    status: r.status === "reversed" ? "reversed" : "posted",
    cashCounted: r.cashCounted === null ? null : toBigInt(r.cashCounted),
    replacesId: r.replacesId,
    recordedAt: r.recordedAt,
  };
}

const SUMMARY = ["id", "seq", "heldOn", "status", "cashCounted", "replacesId", "recordedAt"] as const;

/**
 * The group's meetings in the order they were recorded, reversed ones included: all of them, or given
 * `page` a page of them after the cursor (the last meeting seen; INVALID_CURSOR if it is not the
 * group's), with the cursor of the next page (null on the last).
 */
export async function meetingsOf(
  db: Db,
  actor: Actor,
  groupId: string,
  page?: { limit: number; cursor?: string | undefined },
): Promise<{ groupId: string; currency: string; meetings: MeetingSummary[]; nextCursor: string | null }> {
  const group = await findGroup(db, actor, groupId);
  let query = db
    .selectFrom("meetings")
    .select(SUMMARY)
    .where("tenantId", "=", group.tenantId)
    .where("orgId", "=", group.id)
    .orderBy("seq");
  if (page) {
    const after = decodeCursor(page.cursor);
    if (after !== null) {
      const last = await db
        .selectFrom("meetings")
        .select("seq")
        .where("tenantId", "=", group.tenantId)
        .where("orgId", "=", group.id)
        .where("id", "=", after)
        .executeTakeFirst();
      if (!last) throw new DomainError("INVALID_CURSOR");
      query = query.where("seq", ">", last.seq);
    }
    query = query.limit(page.limit + 1);
  }
  const rows = (await query.execute()).map(summaryOf);
  const { items, nextCursor } = page ? toPage(rows, page.limit) : { items: rows, nextCursor: null };
  return { groupId: group.id, currency: group.currency, meetings: items, nextCursor };
}

/** One meeting of the group with its attendance and lines (NOT_FOUND for another group's meeting). */
export async function meetingRecord(
  db: Db,
  actor: Actor,
  groupId: string,
  meetingId: string,
): Promise<MeetingRecord> {
  const group = await findGroup(db, actor, groupId);
  const row = isUuid(meetingId)
    ? await db
        .selectFrom("meetings")
        .select(SUMMARY)
        .where("tenantId", "=", group.tenantId)
        .where("orgId", "=", group.id)
        .where("id", "=", meetingId)
        .executeTakeFirst()
    : undefined;
  if (!row) throw new DomainError("NOT_FOUND", { entity: "meeting" });
  const marked = await db
    .selectFrom("meetingAttendance")
    .select(["personId", "status"])
    .where("tenantId", "=", group.tenantId)
    .where("meetingId", "=", row.id)
    .execute();
  // In the order the members first joined the group, as the roster lists them.
  const joined = await firstJoinedOn(
    db,
    group,
    marked.map((a) => a.personId),
  );
  const attendance = marked
    .filter((a) => joined.has(a.personId))
    .sort((a, b) => {
      const x = joined.get(a.personId) ?? "";
      const y = joined.get(b.personId) ?? "";
      return x < y ? -1 : x > y ? 1 : a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0;
    });
  const lines = await db
    .selectFrom("meetingLines")
    .select(["lineNo", "personId", "kind", "amount", "interest", "internalLoanId", "detail"])
    .where("tenantId", "=", group.tenantId)
    .where("meetingId", "=", row.id)
    .orderBy("lineNo")
    .execute();
  return {
    ...summaryOf(row),
    groupId: group.id,
    currency: group.currency,
    attendance: [...new Map(attendance.map((a) => [a.personId, a])).values()].map((a) => ({
      personId: a.personId,
      status: oneOf(ATTENDANCE, a.status, "present"),
    })),
    lines: lines.map((l) => {
      const interest = l.interest === null ? null : toBigInt(l.interest);
      return {
        lineNo: Number(l.lineNo),
        line: lineOf({ ...l, amount: toBigInt(l.amount), interest }),
        loanId: l.internalLoanId,
        interest,
      };
    }),
  };
}

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return (values as readonly (string | null)[]).includes(value) ? (value as T) : fallback;
}

/** A stored line back as the MeetingLine recorded (commands.ts keeps kind-specific facts in `detail`). */
function lineOf(l: {
  kind: string;
  personId: string | null;
  amount: bigint;
  interest: bigint | null;
  internalLoanId: string | null;
  detail: string | null;
}): MeetingLine {
  const personId = l.personId ?? "";
  const amount = l.amount;
  const detail = l.detail ?? "";
  switch (l.kind) {
    case "savings":
    case "voluntarySavings":
    case "withdrawal":
    case "socialContribution":
      return { kind: l.kind, personId, amount };
    case "loan": {
      const terms = JSON.parse(detail || "{}") as { termMonths?: number; purpose?: string | null };
      return {
        kind: "loan",
        personId,
        amount,
        termMonths: terms.termMonths ?? 0,
        purpose: terms.purpose ?? null,
      };
    }
    case "repayment":
      return { kind: "repayment", personId, loanId: l.internalLoanId ?? "", amount };
    case "fine":
      return { kind: "fine", personId, amount, reason: oneOf<FineKind>(FINE_KINDS, l.detail, "other") };
    case "socialPayout":
      return {
        kind: "socialPayout",
        personId,
        amount,
        purpose: oneOf<SocialFundPurpose>(SOCIAL_FUND_PURPOSES, l.detail, "other"),
      };
    case "expense":
    case "otherIncome":
    case "externalLoanReceived":
      return { kind: l.kind, amount, detail };
    case "externalLoanRepaid":
      return { kind: "externalLoanRepaid", amount, interest: l.interest ?? 0n, detail };
    case "loanRepayment":
      return {
        kind: "loanRepayment",
        loanId: (JSON.parse(detail || "{}") as { loanId?: string }).loanId ?? "",
        amount,
      };
    case "federationFee":
    case "bankDeposit":
    case "bankWithdrawal":
      return { kind: l.kind, amount };
    default:
      throw new Error(`unknown meeting line kind ${l.kind}`);
  }
}
