// HTTP routes of a self-help group's books: rules by date, meetings (record, list, read, correct the
// latest), passbooks and missed meetings; share-out and grades in cycle-routes.ts and grade-routes.ts.
// Money goes out as decimal strings beside the group's currency; every write is an idempotent command.
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { formatMoney, money } from "../money/index.js";
import { checkDate } from "../orgs/values.js";
import type { Actor } from "../platform/auth/actor.js";
import { addDays, businessDate, daysBetween } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import { DomainError } from "../platform/errors.js";
import { commandRoute } from "../platform/http/command-route.js";
import { actorOf, type RouteModule } from "../platform/http/context.js";
import { calendarDate as date, recordId } from "../platform/http/schemas.js";
import { adoptRules, correctLatestMeeting, type RecordedMeeting, recordMeeting } from "./commands.js";
import { cycleRoutes } from "./cycle-routes.js";
import { gradeRoutes } from "./grade-routes.js";
import { addMonths } from "./internal-loans.js";
import { meetingInputFrom, meetingInputJson, meetingLineJsonOf } from "./meeting-input.js";
import { type MeetingRecord, type MeetingSummary, meetingRecord, meetingsOf } from "./meeting-records.js";
import { meetingRegularity, passbook } from "./queries.js";
import { groupRulesSpec } from "./rules.js";
import { findGroup } from "./store.js";

const text = z.string();
const int = z.number().int();

const rulesVersionSchema = z.object({ groupId: text, validFrom: text, rules: groupRulesSpec });

const meetingSummarySchema = z.object({
  id: text,
  seq: int,
  heldOn: text,
  status: z.enum(["posted", "reversed"]),
  cashCounted: text.nullable(),
  replacesId: text.nullable(),
  recordedAt: text,
});

/** A line as sent (see meeting-input.ts), with its number; a loan line also names the loan it issued. */
const meetingLineSchema = z.object({
  lineNo: int,
  kind: text,
  personId: text.optional(),
  amount: text,
  /** The loan issued (loan) or repaid (repayment). */
  loanId: text.nullable().optional(),
  /** The interest part of a repayment, or the interest of an external loan repaid. */
  interest: text.nullable().optional(),
  termMonths: int.optional(),
  purpose: text.nullable().optional(),
  reason: text.optional(),
  detail: text.optional(),
});

const meetingSchema = meetingSummarySchema.extend({
  groupId: text,
  currency: text,
  attendance: z.array(z.object({ personId: text, status: text })),
  lines: z.array(meetingLineSchema),
});

const recordedMeetingSchema = meetingSchema.extend({
  entryId: text.nullable(),
  /** Cash in the box after the meeting, as the books hold it. */
  cashAfter: text,
  loansIssued: z.array(text),
});

function summaryDto(m: MeetingSummary, currency: string): z.infer<typeof meetingSummarySchema> {
  return {
    id: m.id,
    seq: m.seq,
    heldOn: m.heldOn,
    status: m.status,
    cashCounted: m.cashCounted === null ? null : formatMoney(money(m.cashCounted, currency)),
    replacesId: m.replacesId,
    recordedAt: m.recordedAt,
  };
}

function meetingDto(m: MeetingRecord): z.infer<typeof meetingSchema> {
  const cur = m.currency;
  return {
    ...summaryDto(m, cur),
    groupId: m.groupId,
    currency: cur,
    attendance: m.attendance,
    lines: m.lines.map((l) => ({
      lineNo: l.lineNo,
      ...meetingLineJsonOf(l.line, cur),
      ...(l.line.kind === "loan" ? { loanId: l.loanId } : {}),
      ...(l.line.kind === "repayment"
        ? { interest: l.interest === null ? null : formatMoney(money(l.interest, cur)) }
        : {}),
    })),
  };
}

async function recordedDto(db: Db, actor: Actor, groupId: string, r: RecordedMeeting) {
  const record = await meetingRecord(db, actor, groupId, r.meetingId);
  return {
    ...meetingDto(record),
    entryId: r.entryId,
    cashAfter: formatMoney(money(r.cashAfter, record.currency)),
    loansIssued: r.loansIssued,
  };
}

/** The longest range the missed-meetings report covers in one call. */
const MAX_REGULARITY_DAYS = 3_660;

const groupParams = z.object({ groupId: recordId });
const meetingParams = z.object({ groupId: recordId, meetingId: recordId });

export const groupRoutes: RouteModule = async (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["groups"];

  app.put(
    "/api/v1/groups/:groupId/rules/:validFrom",
    {
      schema: {
        tags,
        summary:
          "Adopt the group's rules from a date (replacing a version of the same date that no meeting used)",
        params: z.object({ groupId: recordId, validFrom: date }),
        body: groupRulesSpec,
        response: { 200: rulesVersionSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "group.rules" }, async (trx, ctx) => {
        const validFrom = checkDate(request.params.validFrom);
        const adopted = await adoptRules(trx, ctx, request.params.groupId, {
          validFrom,
          rules: request.body,
        });
        return { ...adopted, rules: request.body };
      }),
  );

  app.get(
    "/api/v1/groups/:groupId/rules",
    {
      schema: {
        tags,
        summary: "Every version of the group's rules, oldest first",
        params: groupParams,
        response: { 200: z.object({ items: z.array(rulesVersionSchema) }) },
      },
    },
    async (request) => {
      const group = await findGroup(deps.db, actorOf(request), request.params.groupId);
      const rows = await deps.db
        .selectFrom("groupRules")
        .select(["validFrom", "spec"])
        .where("tenantId", "=", group.tenantId)
        .where("orgId", "=", group.id)
        .orderBy("validFrom")
        .execute();
      return {
        items: rows.map((r) => ({
          groupId: group.id,
          validFrom: r.validFrom,
          rules: groupRulesSpec.parse(JSON.parse(r.spec)),
        })),
      };
    },
  );

  app.post(
    "/api/v1/groups/:groupId/meetings",
    {
      schema: {
        tags,
        summary:
          "Record a meeting: attendance of every member, the money moved (amounts in major units) and the cash counted",
        params: groupParams,
        body: meetingInputJson,
        response: { 201: recordedMeetingSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "meeting.record", status: 201 }, async (trx, ctx) => {
        const group = await findGroup(trx, ctx.actor, request.params.groupId);
        const input = meetingInputFrom(request.body, group.currency);
        const recorded = await recordMeeting(trx, ctx, group.id, input);
        return recordedDto(trx, ctx.actor, group.id, recorded);
      }),
  );

  app.get(
    "/api/v1/groups/:groupId/meetings",
    {
      schema: {
        tags,
        summary: "The group's meetings in the order they were recorded, reversed ones included",
        params: groupParams,
        response: {
          200: z.object({ groupId: text, currency: text, items: z.array(meetingSummarySchema) }),
        },
      },
    },
    async (request) => {
      const list = await meetingsOf(deps.db, actorOf(request), request.params.groupId);
      return {
        groupId: list.groupId,
        currency: list.currency,
        items: list.meetings.map((m) => summaryDto(m, list.currency)),
      };
    },
  );

  app.get(
    "/api/v1/groups/:groupId/meetings/:meetingId",
    {
      schema: {
        tags,
        summary: "One meeting with its attendance and its lines",
        params: meetingParams,
        response: { 200: meetingSchema },
      },
    },
    async (request) =>
      meetingDto(
        await meetingRecord(deps.db, actorOf(request), request.params.groupId, request.params.meetingId),
      ),
  );

  app.post(
    "/api/v1/groups/:groupId/meetings/:meetingId/correction",
    {
      schema: {
        tags,
        summary:
          "Correct the group's latest meeting: its entry is reversed and the replacement, if any, recorded instead",
        params: meetingParams,
        body: z.strictObject({ replacement: meetingInputJson.nullable() }),
        response: {
          200: z.object({ reversed: meetingSchema, replacement: recordedMeetingSchema.nullable() }),
        },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "meeting.correct" }, async (trx, ctx) => {
        const group = await findGroup(trx, ctx.actor, request.params.groupId);
        const replacement = request.body.replacement
          ? meetingInputFrom(request.body.replacement, group.currency)
          : null;
        const done = await correctLatestMeeting(trx, ctx, group.id, request.params.meetingId, replacement);
        return {
          reversed: meetingDto(await meetingRecord(trx, ctx.actor, group.id, done.reversed)),
          replacement: done.replacement
            ? await recordedDto(trx, ctx.actor, group.id, done.replacement)
            : null,
        };
      }),
  );

  app.get(
    "/api/v1/groups/:groupId/members/:personId/passbook",
    {
      schema: {
        tags,
        summary: "A member's passbook: her savings, loans, fines and social-fund lines with running balances",
        params: z.object({ groupId: recordId, personId: recordId }),
        response: {
          200: z.object({
            groupId: text,
            personId: text,
            currency: text,
            savings: text,
            loans: text,
            finesPaid: text,
            socialContributions: text,
            socialPayouts: text,
            lines: z.array(
              z.object({
                heldOn: text,
                meetingId: text,
                lineNo: int,
                kind: text,
                amount: text,
                interest: text.nullable(),
                loanId: text.nullable(),
                detail: text.nullable(),
                savings: text,
                loans: text,
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const book = await passbook(deps.db, actorOf(request), request.params.groupId, request.params.personId);
      const m = (minor: bigint) => formatMoney(money(minor, book.currency));
      return {
        groupId: book.groupId,
        personId: book.personId,
        currency: book.currency,
        savings: m(book.savings),
        loans: m(book.loans),
        finesPaid: m(book.finesPaid),
        socialContributions: m(book.socialContributions),
        socialPayouts: m(book.socialPayouts),
        lines: book.lines.map((l) => ({
          heldOn: l.heldOn,
          meetingId: l.meetingId,
          lineNo: l.lineNo,
          kind: l.kind,
          amount: m(l.amount),
          interest: l.interest === null ? null : m(l.interest),
          loanId: l.loanId,
          detail: l.detail,
          savings: m(l.savings),
          loans: m(l.loans),
        })),
      };
    },
  );

  app.get(
    "/api/v1/groups/:groupId/meeting-regularity",
    {
      schema: {
        tags,
        summary:
          "Meetings the rules expected between two dates (default: the six months to today), those held, and those missed",
        params: groupParams,
        querystring: z.object({ from: date.optional(), to: date.optional() }),
        response: {
          200: z.object({
            groupId: text,
            from: text,
            to: text,
            expected: z.array(text),
            held: z.array(text),
            matched: z.array(z.object({ expected: text, held: text })),
            missed: z.array(text),
            extra: z.array(text),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const group = await findGroup(deps.db, actor, request.params.groupId);
      const to = checkDate(request.query.to ?? businessDate(deps.clock.now(), group.timeZone));
      const from = checkDate(request.query.from ?? addDays(addMonths(to, -6), 1));
      if (from > to) throw new DomainError("PERIOD_INVALID", { from, to });
      if (daysBetween(from, to) > MAX_REGULARITY_DAYS)
        throw new DomainError("VALIDATION_FAILED", { details: "the period may be at most ten years" });
      const report = await meetingRegularity(deps.db, actor, group.id, from, to);
      return { groupId: group.id, from, to, ...report };
    },
  );

  await cycleRoutes(fastify, deps);
  await gradeRoutes(fastify, deps);
};
