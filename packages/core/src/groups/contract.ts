// The groups domain's contract: the request and response schemas of a self-help group's books under
// /api/v1 (rules, meetings, passbooks, regularity, the meeting draft, the share-out, grades, the
// grading table and the roll-up), and their types. Amounts go out as decimal strings in major units
// beside the group's currency; the meeting a client sends is meetingInputJson (./meeting-input.ts).
import { z } from "zod";
import { pageQuery, pageSchema } from "../contract/pagination.js";
import { calendarDate as date } from "../contract/schemas.js";
import { GRADING_CRITERIA, gradingTableSchema } from "./grading.js";
import { INDICATORS, type IndicatorUnit } from "./indicators.js";
import { meetingInputJson } from "./meeting-input.js";
import { groupRulesSpec } from "./rules.js";
import { SHAREOUT_METHODS } from "./shareout.js";

const text = z.string();
const int = z.number().int();

// Rules

export const rulesVersionSchema = z.object({ groupId: text, validFrom: text, rules: groupRulesSpec });
export type RulesVersionDto = z.infer<typeof rulesVersionSchema>;
export const rulesVersionsSchema = z.object({ items: z.array(rulesVersionSchema) });

// Meetings

export const meetingSummarySchema = z.object({
  id: text,
  seq: int,
  heldOn: text,
  status: z.enum(["posted", "reversed"]),
  cashCounted: text.nullable(),
  replacesId: text.nullable(),
  recordedAt: text,
});
export type MeetingSummaryDto = z.infer<typeof meetingSummarySchema>;

/** A line as sent (see ./meeting-input.ts), with its number; a loan line also names the loan it issued. */
export const meetingLineSchema = z.object({
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

export const meetingSchema = meetingSummarySchema.extend({
  groupId: text,
  currency: text,
  attendance: z.array(z.object({ personId: text, status: text })),
  lines: z.array(meetingLineSchema),
});
export type MeetingDto = z.infer<typeof meetingSchema>;

export const recordedMeetingSchema = meetingSchema.extend({
  entryId: text.nullable(),
  /** Cash in the box after the meeting, as the books hold it. */
  cashAfter: text,
  loansIssued: z.array(text),
});
export type RecordedMeetingDto = z.infer<typeof recordedMeetingSchema>;

/** The group's meetings in the order they were recorded, a page at a time, beside the group's currency. */
export const meetingListSchema = pageSchema(meetingSummarySchema).extend({ groupId: text, currency: text });
export type MeetingListDto = z.infer<typeof meetingListSchema>;
export const meetingsQuery = z.object({ ...pageQuery });

export const correctMeetingBody = z.strictObject({ replacement: meetingInputJson.nullable() });
export const correctionSchema = z.object({
  reversed: meetingSchema,
  replacement: recordedMeetingSchema.nullable(),
});

// Passbook and regularity

export const passbookSchema = z.object({
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
});
export type PassbookDto = z.infer<typeof passbookSchema>;

export const regularityQuery = z.object({ from: date.optional(), to: date.optional() });
export const regularitySchema = z.object({
  groupId: text,
  from: text,
  to: text,
  expected: z.array(text),
  held: z.array(text),
  matched: z.array(z.object({ expected: text, held: text })),
  missed: z.array(text),
  extra: z.array(text),
});

// The meeting draft

export const meetingDraftQuery = z.object({ on: date.optional() });
export const meetingDraftSchema = z
  .object({
    groupId: text,
    currency: text,
    heldOn: text.describe("The meeting's date: the one asked for, or the next the rules expect"),
    meeting: meetingInputJson.describe(
      "The body of POST /groups/{groupId}/meetings, prefilled: every member present, her compulsory savings and social-fund contribution, the installments due on her internal loans, the fines the rules charge, the repayments due on the group's loans from the federation or the MFO, and cashCounted, the cash the box should then hold. Posted unchanged, it records a valid meeting.",
    ),
    cashBefore: text.describe("Cash in the box before the meeting, as the books hold it"),
    members: z.array(
      z.object({
        personId: text,
        name: text,
        savings: text.describe("Compulsory savings under the rules in force"),
        socialContribution: text,
        fines: text.describe("Fines the rules charge (a late repayment)"),
        loans: z.array(
          z.object({
            loanId: text,
            principal: text.describe("Principal of the installments due, not yet paid"),
            interest: text.describe("Interest of the installments due, not yet paid"),
            daysLate: z.number().int(),
          }),
        ),
      }),
    ),
    groupLoans: z.array(
      z.object({
        loanId: text,
        due: text.describe("What the installments due on or before the meeting still owe"),
        amount: text.describe("The repayment in the draft: what is due, at most the cash in the box"),
      }),
    ),
  })
  .describe("What is due at a meeting");
export type MeetingDraftDto = z.infer<typeof meetingDraftSchema>;

// The share-out

export const shareoutSchema = z.object({
  groupId: text,
  method: z.enum(SHAREOUT_METHODS),
  /** The rule actually applied ("standard" for a loss). */
  sharedAs: z.enum(SHAREOUT_METHODS),
  cycleFrom: text,
  closesOn: text,
  currency: text,
  distributable: text.describe(
    "The value shared: the group's net worth on closesOn = cash + loansOutstanding + interestDue − socialFund − owed − owedInterest = Σ members' payout",
  ),
  cash: text.describe("Loan-fund cash: the cash box and the bank"),
  socialFund: text.describe("Kept by the group, not shared out"),
  openLoans: z.number().int(),
  loansOutstanding: text.describe("Principal of the internal loans still open"),
  interestDue: text.describe("Interest charged on those loans and not yet paid"),
  owed: text.describe(
    "What the group owes outside (federation, MFO and other loans) as its books hold it: principal and penalties charged",
  ),
  owedInterest: text.describe(
    "Interest, fees and penalties not yet charged that the group owes on its loans from the federation or the MFO on closesOn: what a payoff that day would ask beyond `owed`",
  ),
  cashNow: text.describe(
    "Paid in cash at the share-out: the cash less what the group owes (owed and owedInterest), at most the net worth",
  ),
  carriedOver: text.describe("Left in the group as members' opening savings of the next cycle"),
  members: z.array(
    z.object({
      personId: text,
      name: text,
      savings: text,
      profit: text.describe("payout − savings"),
      payout: text.describe("Her claim on the net worth: cashNow + carriedOver"),
      cashNow: text.describe("Paid to her in cash now: her claim's share of the cash paid"),
      carriedOver: text.describe("Kept as her opening savings of the next cycle"),
    }),
  ),
});
export type ShareoutDto = z.infer<typeof shareoutSchema>;
export const shareoutQuery = z.object({ on: date.optional() });
export const shareoutBody = z.strictObject({ on: date, carryOverLoans: z.boolean().default(false) });
export const closedShareoutSchema = shareoutSchema.extend({ shareoutId: text });

// Grades

const grade = z.enum(["A", "B", "C"]);

export const criterionSchema = z.object({
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
export type CriterionDto = z.infer<typeof criterionSchema>;

export const gradeSchema = z.object({
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
export type GradeDto = z.infer<typeof gradeSchema>;

export const gradeQuery = z.object({
  on: date.optional(),
  windowMonths: z.coerce.number().int().min(1).max(36).default(6),
});
export const gradeBody = z.strictObject({
  on: date,
  windowMonths: z.number().int().min(1).max(36).default(6),
});
export const recordedGradeSchema = gradeSchema.extend({ id: text });
export const gradeHistorySchema = z.object({
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
});
export const gradingTableVersionSchema = z.object({ validFrom: text, table: gradingTableSchema });

// The roll-up

const units = ["fraction", "fraction a year", "minor units"] as const satisfies readonly IndicatorUnit[];

export const indicatorSchema = z.object({
  /** A fraction with six decimals ("0.884615"), or an amount in major units; null when nothing to measure. */
  value: text.nullable(),
  unit: z.enum(units),
  /** The exact fraction, as integers (money in minor units). */
  numerator: text,
  denominator: text,
});

export const figuresSchema = z.object({
  groups: z.object({ total: int, active: int, dormant: int }),
  members: z.object({ atStart: int, active: int, joined: int, droppedOut: int }),
  meetings: z.object({ held: int, expected: int }),
  attendance: z.object({ memberMeetings: int, attended: int }),
  savings: z.object({ inPeriod: text, inCycle: text, held: text }),
  funds: z.object({ loanFundCash: text, otherFundsCash: text, property: text }),
  profitInCycle: text,
  groupWeeks: int,
  internalLoans: z.object({
    outstanding: z.object({ count: int, amount: text }),
    late: z.object({ count: int, amount: text }),
  }),
  externalLoans: z.object({
    count: int,
    outstanding: text,
    atRisk30: text,
    /** atRisk30 ÷ outstanding, six decimals; null when nothing is outstanding. */
    par30: text.nullable(),
  }),
  shareouts: z.object({ count: int, amount: text }),
  grades: z.object({ A: int, B: int, C: int, ungraded: int }),
});

export const rollUpRowSchema = z.object({
  figures: figuresSchema,
  indicators: z.record(z.enum(INDICATORS.map((i) => i.key) as [string, ...string[]]), indicatorSchema),
});
export type RollUpRowDto = z.infer<typeof rollUpRowSchema>;
const orgRowSchema = rollUpRowSchema.extend({ orgId: text.nullable(), name: text.nullable() });

export const groupRollUpQuery = z.object({ from: date.optional(), to: date.optional() });
export const groupRollUpSchema = z.object({
  orgId: text,
  name: text,
  kind: text,
  from: text,
  to: text,
  currencies: z.array(
    z.object({
      currency: text,
      total: rollUpRowSchema,
      byFederation: z.array(orgRowSchema),
      byCluster: z.array(orgRowSchema),
      byRegion: z.array(rollUpRowSchema.extend({ region: text.nullable() })),
    }),
  ),
});
export type GroupRollUpJson = z.infer<typeof groupRollUpSchema>;
