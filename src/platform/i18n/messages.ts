// The shape every language's messages must fill: a missing translation fails the type check.
import type { ErrorCode } from "../errors.js";

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
}

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
