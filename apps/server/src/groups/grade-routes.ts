// HTTP routes of group grading: the grade a group would get on a date, a grade recorded into its
// history, that history, and the tenant's scoring table from a date. Each criterion comes with its
// reason as a key and values (for the web app) and as a sentence in the request's language. The schemas
// are the contract's (@qadam/core/groups/contract).

import { businessDate } from "@qadam/core/clock";
import { calendarDate as date, recordId } from "@qadam/core/contract/schemas";
import { DomainError } from "@qadam/core/errors";
import {
  type CriterionDto,
  type GradeDto,
  gradeBody,
  gradeHistorySchema,
  gradeQuery,
  gradeSchema,
  gradingTableVersionSchema,
  recordedGradeSchema,
} from "@qadam/core/groups/contract";
import { type CriterionScore, DEFAULT_GRADING_TABLE, gradingTableSchema } from "@qadam/core/groups/grading";
import { type Locale, translate } from "@qadam/core/i18n";
import { formatMoney, money } from "@qadam/core/money";
import { checkDate } from "@qadam/core/orgs/values";
import { z } from "zod";
import type { RouteModule } from "../platform/http/context.js";
import { command, query } from "../platform/http/route.js";
import { type GradeReport, gradeHistory, gradeOn, recordGrade, setGradingTable } from "./grades.js";
import { findGroup } from "./store.js";

/** A criterion's reason, "grading.<criterion>" or "grading.notMeasured.<criterion>", as a sentence. */
function criterionReason(locale: Locale, c: Pick<CriterionScore, "reason">): string {
  return translate(locale, c.reason.key, c.reason.values);
}

function criterionDto(locale: Locale, c: CriterionScore): CriterionDto {
  return {
    name: c.name,
    score: c.score,
    max: c.max,
    value: c.value,
    reason: { key: c.reason.key, values: c.reason.values, text: criterionReason(locale, c) },
  };
}

function gradeDto(locale: Locale, r: GradeReport, currency: string): GradeDto {
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
const tags = ["groups"];
const GROUP_CHECKS = ["ORG_NOT_A_GROUP", "BOOKS_NOT_OPEN", "ORG_DATE_BEFORE_OPENING"] as const;

export const gradeRoutes: RouteModule = (app, deps) => {
  query(app, {
    method: "GET",
    path: "/api/v1/groups/:groupId/grade",
    tags,
    summary:
      "The grade (A, B or C) the group's own records earn on a date (default: today), criterion by criterion; nothing is written",
    description:
      "The group graded from its own records over the window of months to the date, by the tenant's grading " +
      "table in force: each criterion's score with its reason, as a key and values and as a sentence in the " +
      "request's language, and the facts measured.",
    params: groupParams,
    query: gradeQuery,
    response: gradeSchema,
    errors: GROUP_CHECKS,
    handle: async ({ actor, params, query, request }) => {
      const group = await findGroup(deps.db, actor, params.groupId);
      const on = checkDate(query.on ?? businessDate(deps.clock.now(), group.timeZone));
      if (on < group.openedOn)
        throw new DomainError("ORG_DATE_BEFORE_OPENING", { date: on, openedOn: group.openedOn });
      const report = await gradeOn(deps.db, actor, group.id, on, query.windowMonths);
      return gradeDto(request.locale, report, group.currency);
    },
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/groups/:groupId/grades",
    tags,
    summary: "Grade the group on a date and keep the grade in its history",
    description:
      "Grades the group on the date as GET …/grade does, and records the grade, its criteria and the table " +
      "used into the group's history.",
    permission: "groups.grade",
    params: groupParams,
    body: gradeBody,
    example: { on: "2026-06-30", windowMonths: 6 },
    response: recordedGradeSchema,
    errors: GROUP_CHECKS,
    command: { name: "group.grade", status: 201 },
    run: async (trx, ctx, { params, body, request }) => {
      const group = await findGroup(trx, ctx.actor, params.groupId);
      const on = checkDate(body.on);
      if (on < group.openedOn)
        throw new DomainError("ORG_DATE_BEFORE_OPENING", { date: on, openedOn: group.openedOn });
      const report = await recordGrade(trx, ctx, group.id, on, body.windowMonths);
      return { ...gradeDto(request.locale, report, group.currency), id: report.id };
    },
  });

  query(app, {
    method: "GET",
    path: "/api/v1/groups/:groupId/grades",
    tags,
    summary: "Every grade the group was given, newest first",
    description: "The grades recorded for the group, newest first, each with its criteria and their reasons.",
    params: groupParams,
    response: gradeHistorySchema,
    list: { whole: "a group is graded a few times a year at most (one recorded grade per grading)" },
    errors: ["ORG_NOT_A_GROUP"],
    handle: async ({ actor, params, request }) => {
      const rows = await gradeHistory(deps.db, actor, params.groupId);
      return {
        items: rows.map((r) => ({ ...r, criteria: r.criteria.map((c) => criterionDto(request.locale, c)) })),
      };
    },
  });

  command(app, deps, {
    method: "PUT",
    path: "/api/v1/grading-table/:validFrom",
    tags,
    summary: "Set the tenant's grading table from a date (tenant administrators only)",
    description:
      "The tenant's scoring table (bands and the steps of each criterion) from a date on; only an actor who " +
      "may configure grading over the whole tenant may set it (else FORBIDDEN).",
    params: z.object({ validFrom: date }),
    body: gradingTableSchema,
    example: DEFAULT_GRADING_TABLE,
    response: gradingTableVersionSchema,
    errors: ["FORBIDDEN", "VALIDATION_FAILED"],
    command: { name: "grading.table" },
    run: (trx, ctx, { params, body }) =>
      setGradingTable(trx, ctx, { validFrom: checkDate(params.validFrom), table: body }),
  });
};
