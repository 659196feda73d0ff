// HTTP routes of group grading: the grade a group would get on a date, a grade recorded into its
// history, that history, and the tenant's scoring table from a date. Each criterion comes with its
// reason as a key and values (for the web app) and as a sentence in the request's language.

import { businessDate } from "@qadam/core/clock";
import { calendarDate as date, recordId } from "@qadam/core/contract/schemas";
import { DomainError } from "@qadam/core/errors";
import { type CriterionScore, GRADING_CRITERIA, gradingTableSchema } from "@qadam/core/groups/grading";
import { type Locale, translate } from "@qadam/core/i18n";
import { formatMoney, money } from "@qadam/core/money";
import { checkDate } from "@qadam/core/orgs/values";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { commandRoute } from "../platform/http/command-route.js";
import { actorOf, type RouteModule } from "../platform/http/context.js";
import { type GradeReport, gradeHistory, gradeOn, recordGrade, setGradingTable } from "./grades.js";
import { findGroup } from "./store.js";

const text = z.string();
const int = z.number().int();
const grade = z.enum(["A", "B", "C"]);

const criterionSchema = z.object({
  name: z.enum(GRADING_CRITERIA),
  score: int,
  max: int,
  /** The measured percent (one decimal, truncated), the member count for groupSize, null if not measured. */
  value: text.nullable(),
  reason: z.object({
    key: text,
    values: z.record(text, z.union([text, z.number()])),
    /** The reason as a sentence in the request's language. */
    text,
  }),
});

const gradeSchema = z.object({
  groupId: text,
  gradedOn: text,
  windowFrom: text,
  grade,
  score: int,
  max: int,
  criteria: z.array(criterionSchema),
  currency: text,
  /** What the group's records showed over the window (amounts in major units). */
  facts: z.object({
    meetingsExpected: int,
    meetingsHeld: int,
    attendances: int,
    memberMeetings: int,
    savingsPaid: int,
    savingsDue: int,
    loansOutstanding: text,
    loanFundCash: text,
    borrowers: int,
    members: int,
    repaidOnTime: int,
    repaymentsDue: int,
    recordedWithinWeek: int,
    activeMembers: int,
  }),
});

/** A criterion's reason, "grading.<criterion>" or "grading.notMeasured.<criterion>", as a sentence. */
function criterionReason(locale: Locale, c: Pick<CriterionScore, "reason">): string {
  return translate(locale, c.reason.key, c.reason.values);
}

function criterionDto(locale: Locale, c: CriterionScore): z.infer<typeof criterionSchema> {
  return {
    name: c.name,
    score: c.score,
    max: c.max,
    value: c.value,
    reason: { key: c.reason.key, values: c.reason.values, text: criterionReason(locale, c) },
  };
}

function gradeDto(locale: Locale, r: GradeReport, currency: string): z.infer<typeof gradeSchema> {
  const m = (minor: bigint) => formatMoney(money(minor, currency));
  return {
    groupId: r.groupId,
    gradedOn: r.gradedOn,
    windowFrom: r.windowFrom,
    grade: r.grade,
    score: r.score,
    max: r.max,
    criteria: r.criteria.map((c) => criterionDto(locale, c)),
    currency,
    facts: {
      ...r.facts,
      loansOutstanding: m(r.facts.loansOutstanding),
      loanFundCash: m(r.facts.loanFundCash),
    },
  };
}

const groupParams = z.object({ groupId: recordId });
const windowMonths = z.coerce.number().int().min(1).max(36).default(6);

export const gradeRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["groups"];

  app.get(
    "/api/v1/groups/:groupId/grade",
    {
      schema: {
        tags,
        summary:
          "The grade (A, B or C) the group's own records earn on a date (default: today), criterion by criterion; nothing is written",
        params: groupParams,
        querystring: z.object({ on: date.optional(), windowMonths }),
        response: { 200: gradeSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const group = await findGroup(deps.db, actor, request.params.groupId);
      const on = checkDate(request.query.on ?? businessDate(deps.clock.now(), group.timeZone));
      if (on < group.openedOn)
        throw new DomainError("ORG_DATE_BEFORE_OPENING", { date: on, openedOn: group.openedOn });
      const report = await gradeOn(deps.db, actor, group.id, on, request.query.windowMonths);
      return gradeDto(request.locale, report, group.currency);
    },
  );

  app.post(
    "/api/v1/groups/:groupId/grades",
    {
      schema: {
        tags,
        summary: "Grade the group on a date and keep the grade in its history",
        params: groupParams,
        body: z.strictObject({ on: date, windowMonths: z.number().int().min(1).max(36).default(6) }),
        response: { 201: gradeSchema.extend({ id: text }) },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "group.grade", status: 201 }, async (trx, ctx) => {
        const group = await findGroup(trx, ctx.actor, request.params.groupId);
        const on = checkDate(request.body.on);
        if (on < group.openedOn)
          throw new DomainError("ORG_DATE_BEFORE_OPENING", { date: on, openedOn: group.openedOn });
        const report = await recordGrade(trx, ctx, group.id, on, request.body.windowMonths);
        return { ...gradeDto(request.locale, report, group.currency), id: report.id };
      }),
  );

  app.get(
    "/api/v1/groups/:groupId/grades",
    {
      schema: {
        tags,
        summary: "Every grade the group was given, newest first",
        params: groupParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: text,
                gradedOn: text,
                windowFrom: text,
                grade,
                score: int,
                max: int,
                criteria: z.array(criterionSchema),
                recordedAt: text,
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const rows = await gradeHistory(deps.db, actorOf(request), request.params.groupId);
      return {
        items: rows.map((r) => ({ ...r, criteria: r.criteria.map((c) => criterionDto(request.locale, c)) })),
      };
    },
  );

  app.put(
    "/api/v1/grading-table/:validFrom",
    {
      schema: {
        tags,
        summary: "Set the tenant's grading table from a date (tenant administrators only)",
        params: z.object({ validFrom: date }),
        body: gradingTableSchema,
        response: { 200: z.object({ validFrom: text, table: gradingTableSchema }) },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "grading.table" }, (trx, ctx) =>
        setGradingTable(trx, ctx, { validFrom: checkDate(request.params.validFrom), table: request.body }),
      ),
  );
};
