// The shape every language's messages must fill: a missing translation fails the type check.
import type { ErrorCode, ProblemKey } from "../errors.js";

export type Entity =
  | "organisation"
  | "person"
  | "household"
  | "membership"
  | "user"
  | "grant"
  | "tenant"
  | "loan"
  | "loanProduct"
  | "record"
  | "account"
  | "journalEntry"
  | "group"
  | "meeting"
  | "internalLoan";

export interface Messages {
  errors: Record<ErrorCode, string>;
  entities: Record<Entity, string>;
  /** Words a message nests by a parameter's value ("$t(memberRoles.{{role}})"), so they are translated too. */
  memberRoles: Record<"president" | "secretary" | "treasurer" | "member", string>;
  iinReasons: Record<"format" | "century" | "birth-date" | "check-digit", string>;
  /** Why a password is refused (WEAK_PASSWORD's reason; see auth/password-strength.ts). */
  passwordWeakness: Record<"short" | "login" | "repeated" | "common" | "guessable", string>;
  /**
   * A request's validation problems, from Zod's issue codes (platform/http/validation.ts): each text
   * names the field by its label ({{field}}, from `fields`), never by its JSON key.
   */
  validation: Record<ValidationKey, string> & {
    kinds: Record<ValueKind, string>;
    /** A schema's own checks, named by the key a refinement carries in its params (`check`). */
    checks: Record<ValidationCheck, string>;
  };
  /** The label of each field the API takes, by its JSON key (a test keeps it in step with the OpenAPI document). */
  fields: Record<FieldName, string>;
  /** Stands in a message for the name of a group the reader may not see. */
  hiddenGroupName: string;
  /**
   * A group's grade, criterion by criterion: "grading.<criterion>" with the measured values, and
   * "grading.notMeasured.<criterion>" when there was nothing to measure (see groups/grading.ts).
   */
  grading: Record<GradingCriterionName, string> & { notMeasured: Record<GradingCriterionName, string> };
  /** Statuses by domain, as the word a message shows for them ("$t(statuses.loan.{{status}})"). */
  statuses: { loan: Record<LoanStatusName, string> };
  /** Kinds and names a message shows by their word rather than their code. */
  orgKinds: Record<OrgKindName, string>;
  loanTransactionKinds: Record<LoanTransactionKindName, string>;
  loanFields: Record<"principal" | "installments", string>;
  socialFundPurposes: Record<SocialFundPurposeName, string>;
  /** The names of the accounts of the chart templates (books/accounts.ts), in the tenant's language. */
  chartOfAccounts: Record<AccountNameKey, string>;
  /** Phrases a message takes as a parameter (a PhraseParam of platform/errors.ts). */
  problems: Record<ProblemKey, string>;
  /** The descriptions of the journal entries Qadam writes itself, in the tenant's language. */
  journal: Record<JournalTextKey, string>;
}

// The domains' vocabularies, named here because the platform imports no domain; a test
// (locales.test.ts) checks them against the domains' own lists.
export type LoanStatusName = "applied" | "approved" | "rejected" | "active" | "closed" | "written_off";
export type OrgKindName = "association" | "partner_ngo" | "federation" | "cluster" | "shg" | "mfo" | "centre";
export type LoanTransactionKindName =
  | "disbursement"
  | "repayment"
  | "prepayment"
  | "penalty"
  | "reversal"
  | "reschedule"
  | "write_off"
  | "recovery"
  | "refund";
export type SocialFundPurposeName = "illness" | "death" | "childbirth" | "education" | "disaster" | "other";

export type AccountNameKey =
  | "assets"
  | "liabilities"
  | "equity"
  | "income"
  | "expenses"
  | "cash"
  | "cashBox"
  | "bank"
  | "loanPortfolio"
  | "individualLoans"
  | "groupLoans"
  | "loansToGroups"
  | "loansToMembers"
  | "interestReceivable"
  | "feesReceivable"
  | "penaltiesReceivable"
  | "loanLossAllowance"
  | "socialFundCash"
  | "borrowings"
  | "clientAdvances"
  | "advancesFromGroups"
  | "membersSavings"
  | "externalLoans"
  | "socialFund"
  | "capital"
  | "revolvingFund"
  | "retainedEarnings"
  | "membershipFees"
  | "interestIncome"
  | "interestFromMembers"
  | "feeIncome"
  | "penaltyIncome"
  | "fines"
  | "otherIncome"
  | "recoveries"
  | "loanLosses"
  | "operatingExpenses"
  | "interestExpense"
  | "groupExpenses"
  | "interestOnExternalLoans";

export type JournalTextKey =
  | "loanDisbursed"
  | "loanPenalty"
  | "loanRepayment"
  | "loanPrepayment"
  | "loanReversal"
  | "loanRepaymentReapplied"
  | "loanReprocessed"
  | "loanRepaymentReprocessed"
  | "loanPrepaymentReprocessed"
  | "loanWrittenOffReprocessed"
  | "loanWrittenOff"
  | "loanRecovery"
  | "loanAdvanceRefunded"
  | "meeting"
  | "meetingCorrection"
  | "meetingCorrected"
  | "shareOut"
  | "membershipFee"
  | "capitalContributed"
  | "cashFloatDrawn";

/** The criteria of groups/grading.ts (the platform names them here: it imports no domain). */
export type GradingCriterionName =
  | "meetingRegularity"
  | "attendance"
  | "savingsRegularity"
  | "fundOnLoan"
  | "loanRotation"
  | "repaymentOnTime"
  | "booksUpToDate"
  | "groupSize";

export type ValidationKey =
  | "required"
  | "type"
  | "tooShort"
  | "tooLong"
  | "tooLow"
  | "tooLowExclusive"
  | "tooHigh"
  | "tooHighExclusive"
  | "tooFew"
  | "tooMany"
  | "format"
  | "multipleOf"
  | "unknownKeys"
  | "oneOf"
  | "union"
  | "date"
  | "amount"
  | "id"
  | "invalid"
  | "theRequest"
  | "aField";

export type ValueKind =
  | "string"
  | "number"
  | "int"
  | "boolean"
  | "object"
  | "array"
  | "null"
  | "date"
  | "bigint"
  | "other";

/** The JSON keys of the fields the API takes (bodies, query strings and path parameters). */
export const FIELD_NAMES = [
  "A",
  "B",
  "absence",
  "accountId",
  "allocationOrder",
  "amortization",
  "amount",
  "annualRate",
  "annualRatePercent",
  "apiTokenId",
  "appliedOn",
  "atLeast",
  "attendance",
  "bands",
  "birthDate",
  "booksUpToDate",
  "borrower",
  "borrowerId",
  "businessDate",
  "carryOverLoans",
  "cashCounted",
  "channel",
  "code",
  "command",
  "compulsory",
  "consent",
  "contribution",
  "count",
  "countedOn",
  "criteria",
  "currency",
  "currentPassword",
  "cursor",
  "cycle",
  "dailyRatePercent",
  "date",
  "dayOfMonth",
  "daysInYear",
  "description",
  "detail",
  "disbursed",
  "disbursementFee",
  "displayName",
  "district",
  "expiresAt",
  "familyName",
  "feeDisbursement",
  "feeInstallment",
  "fines",
  "firstDue",
  "firstDueOn",
  "firstPeriod",
  "frequency",
  "from",
  "fundOnLoan",
  "givenName",
  "givenOn",
  "graceInterest",
  "gracePrincipal",
  "grantId",
  "grants",
  "groupId",
  "groupSize",
  "heldOn",
  "holidays",
  "householdId",
  "id",
  "iin",
  "installmentFee",
  "installments",
  "interest",
  "interestMethod",
  "interestPeriod",
  "joinedOn",
  "jointLiability",
  "kind",
  "lateness",
  "lateRepayment",
  "leftOn",
  "limit",
  "lines",
  "loanId",
  "loanRotation",
  "loans",
  "locale",
  "login",
  "max",
  "maxInstallments",
  "maxMultipleOfSavings",
  "maxPrincipal",
  "maxShares",
  "maxTermMonths",
  "meetingId",
  "meetingRegularity",
  "meetings",
  "members",
  "memo",
  "method",
  "minGroupGrade",
  "minInstallments",
  "minPrincipal",
  "minShares",
  "monthlyRatePercent",
  "months",
  "movedOn",
  "name",
  "newPassword",
  "note",
  "on",
  "openedOn",
  "orgId",
  "overpayment",
  "parentId",
  "password",
  "patronymic",
  "penalty",
  "percent",
  "personId",
  "phone",
  "place",
  "points",
  "prepayment",
  "principal",
  "productId",
  "purpose",
  "purposes",
  "q",
  "reason",
  "reducedAfterDays",
  "reducedDailyRatePercent",
  "region",
  "repaymentOnTime",
  "replacement",
  "requestId",
  "role",
  "rounding",
  "savings",
  "savingsRegularity",
  "scope",
  "sex",
  "share",
  "shareout",
  "sharePrice",
  "socialFund",
  "status",
  "steps",
  "template",
  "termMonths",
  "territoryCode",
  "text",
  "timeZone",
  "to",
  "transactionId",
  "type",
  "under",
  "userId",
  "validFrom",
  "version",
  "village",
  "voluntary",
  "weekday",
  "windowMonths",
  "withdrawals",
  "writeOffAfterDays",
  "yearlyCapPercent",
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** The checks a schema's refinements name in their params ({ check: "tenths", ... }). */
export type ValidationCheck =
  | "tenths"
  | "aboveCriterionMax"
  | "topStepAwardsMax"
  | "thresholdsGoDown"
  | "lowerStepAwardsLess"
  | "oneCriterionCounts"
  | "bandBelowB"
  | "bandAboveTotal"
  | "daysInYear"
  | "controlCharacters"
  | "nameRequired"
  | "sharesMinAboveMax"
  | "sharePricePositive";
