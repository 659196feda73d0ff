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
