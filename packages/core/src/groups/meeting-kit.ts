// The meeting kit: what a phone keeps of a group to prepare and check a meeting with no connection —
// the rules' versions, the members with their savings, the group's balances, its open internal loans
// with their repayments, and what its loans from the federation or the MFO owe by date. The server
// gives it (GET /groups/{id}/meeting-kit); the phone keeps it in IndexedDB and, offline, makes the
// draft with draftMeeting and checks the meeting with planMeeting, the very functions the server uses:
// a meeting the phone accepts is one the server accepts, unless the books moved in between.
// Amounts are decimal strings in major units of the group's currency, as everywhere in the API.
import { z } from "zod";
import { addDays } from "../clock.js";
import { issueValueCode } from "../contract/schemas.js";
import { DomainError, type ErrorDetail } from "../errors.js";
import { ALLOCATION_ORDERS, type AllocationOrder, allocatePayment } from "../loans/allocation.js";
import { parseAmount } from "../money/amount.js";
import { currency as currencyOf, formatMoney, money, rate } from "../money/index.js";
import { internalLoanOn } from "./internal-loans.js";
import type { GroupState, MeetingInput, MeetingPlan, OpenLoan } from "./meeting.js";
import { planMeeting } from "./meeting.js";
import { type DraftState, draftMeeting, type MeetingDraft, nextMeetingDue } from "./meeting-draft.js";
import { type MeetingInputJson, meetingInputFrom, meetingInputJson } from "./meeting-input.js";
import { type GroupRules, groupRulesSpec, rulesFrom, rulesOn } from "./rules.js";

const text = z.string();
const amount = z.string();

export const meetingKitSchema = z
  .object({
    groupId: text,
    name: text,
    currency: text,
    timeZone: text,
    openedOn: text,
    today: text.describe("The group's business date when the kit was made"),
    fetchedAt: text.describe("When the kit was made (ISO instant)"),
    latestMeeting: text.nullable().describe("The date of the latest meeting recorded, null before the first"),
    meetingIds: z
      .array(text)
      .describe(
        "The ids of the group's latest meetings (up to 100, newest first, reversed ones included): a meeting the phone saved is in the kit's figures exactly when its id is here",
      ),
    nextMeeting: text
      .nullable()
      .describe("The date of the next meeting the rules expect, null without rules"),
    rules: z
      .array(z.object({ validFrom: text, rules: groupRulesSpec }))
      .describe("Every version, oldest first"),
    members: z
      .array(
        z.object({
          personId: text,
          name: text,
          joinedOn: text,
          leftOn: text.nullable(),
          savings: amount.describe("Her savings in the group's books"),
        }),
      )
      .describe("Members on the next meeting's date (on today's when none is expected)"),
    cashBox: amount,
    bank: amount,
    socialFund: amount,
    externalLoans: amount.describe("What the group owes on loans recorded by its meetings"),
    openLoans: z.array(
      z.object({
        id: text,
        personId: text,
        principal: amount,
        monthlyRate: text.describe("A fraction a month: 0.02 is 2 %"),
        method: z.enum(["flat", "declining"]),
        termMonths: z.number().int(),
        issuedOn: text,
        repayments: z.array(z.object({ on: text, interest: amount, principal: amount })),
      }),
    ),
    groupLoans: z
      .array(
        z.object({
          loanId: text,
          penaltyPending: amount.describe("Penalties the engine will charge by the next meeting"),
          allocationOrder: z
            .enum(Object.keys(ALLOCATION_ORDERS) as [AllocationOrder, ...AllocationOrder[]])
            .describe("The order the loan's product pays an installment's parts in"),
          installments: z
            .array(
              z.object({
                number: z.number().int(),
                dueOn: text,
                owed: amount.describe("What the installment still owes, all parts together"),
                principal: amount,
                interest: amount,
                fee: amount,
                penalty: amount,
              }),
            )
            .describe("Every installment not fully paid, oldest first"),
        }),
      )
      .describe("The group's loans from the federation or the MFO that the reader may collect"),
  })
  .describe("What a phone keeps of a group to prepare and check a meeting offline");
export type MeetingKit = z.infer<typeof meetingKitSchema>;

const rulesOfKit = new WeakMap<MeetingKit, GroupRules[]>();

/** The rules' versions in minor units, oldest first (read once per kit: the flow checks on every change). */
export function kitRules(kit: MeetingKit): GroupRules[] {
  let rules = rulesOfKit.get(kit);
  if (!rules) {
    const cur = currencyOf(kit.currency);
    rules = kit.rules.map((v) => rulesFrom(v.rules, v.validFrom, cur));
    rulesOfKit.set(kit, rules);
  }
  return rules;
}

/** The date of the meeting to prepare on `today` (the phone's date): the next one the rules expect. */
export function kitNextMeeting(kit: MeetingKit, today: string): string | null {
  return nextMeetingDue(kitRules(kit), kit.latestMeeting, today, kit.openedOn);
}

function minor(kit: MeetingKit, value: string): bigint {
  return parseAmount(value, kit.currency).minor;
}

function openLoansOf(kit: MeetingKit): OpenLoan[] {
  return kit.openLoans.map((l) => ({
    id: l.id,
    personId: l.personId,
    terms: {
      principal: minor(kit, l.principal),
      monthlyRate: rate(l.monthlyRate),
      method: l.method,
      termMonths: l.termMonths,
      issuedOn: l.issuedOn,
    },
    repayments: l.repayments.map((r) => ({
      on: r.on,
      interest: minor(kit, r.interest),
      principal: minor(kit, r.principal),
    })),
  }));
}

function membersOn(kit: MeetingKit, date: string) {
  return kit.members
    .filter((m) => m.joinedOn <= date && (m.leftOn === null || m.leftOn > date))
    .map((m) => ({ personId: m.personId, name: m.name }));
}

/**
 * The group's state before a meeting of `heldOn` as the kit has it. Errors: MEETING_NO_RULES (no rules
 * in force on that date), MEETING_DATE_ORDER (before the latest meeting).
 */
export function kitState(kit: MeetingKit, heldOn: string): GroupState {
  if (kit.latestMeeting !== null && heldOn < kit.latestMeeting)
    throw new DomainError("MEETING_DATE_ORDER", { date: heldOn, latest: kit.latestMeeting });
  const rules = rulesOn(kitRules(kit), heldOn);
  if (rules === null) throw new DomainError("MEETING_NO_RULES", { name: kit.name, date: heldOn });
  return {
    rules,
    members: membersOn(kit, heldOn),
    savings: new Map(kit.members.map((m) => [m.personId, minor(kit, m.savings)])),
    cashBox: minor(kit, kit.cashBox),
    bank: minor(kit, kit.bank),
    socialFund: minor(kit, kit.socialFund),
    externalLoans: minor(kit, kit.externalLoans),
    openLoans: openLoansOf(kit),
  };
}

/** What the group's outside loans ask for at a meeting of `heldOn`: the installments due by then. */
function groupLoansDue(kit: MeetingKit, heldOn: string): DraftState["groupLoans"] {
  return kit.groupLoans.map((l) => ({
    loanId: l.loanId,
    due: l.installments.reduce(
      (s, i) => (i.dueOn <= heldOn ? s + minor(kit, i.owed) : s),
      minor(kit, l.penaltyPending),
    ),
  }));
}

/** The meeting of `heldOn` prefilled (draftMeeting), as the server's GET …/meetings/draft makes it. */
export function kitDraft(kit: MeetingKit, heldOn: string): MeetingDraft {
  const state = kitState(kit, heldOn);
  return draftMeeting({
    heldOn,
    previousMeeting: kit.latestMeeting,
    rules: state.rules,
    members: state.members,
    cashBox: state.cashBox,
    openLoans: state.openLoans,
    groupLoans: groupLoansDue(kit, heldOn),
  });
}

/**
 * The meeting checked as the server checks it: its form (meetingInputJson, as the API's validation does),
 * its amounts in the currency (meetingInputFrom), its date, then planMeeting under the rules in force on
 * its date. Returns the plan, or throws a DomainError listing every problem at once, each with its path
 * in the body ("lines.3.amount"), its code and the member it concerns. `today` is the phone's date: a
 * meeting after it is refused (MEETING_DATE_IN_FUTURE), as on the server, a day's grace allowed for
 * the server's time zone.
 */
export function checkMeetingOnKit(kit: MeetingKit, json: unknown, today: string): MeetingPlan {
  const parsed = meetingInputJson.safeParse(json);
  if (!parsed.success) {
    // As the API's validation words them (contract/validation.ts), without the words: path and code.
    const details: ErrorDetail[] = parsed.error.issues.map((issue) => {
      const value = String(valueAt(json, issue.path) ?? "").slice(0, 40);
      const path = issue.path.map(String).join(".");
      return {
        path,
        code: issueValueCode(issue as unknown as Record<string, unknown>) ?? "VALIDATION_FAILED",
        params: { amount: value, date: value, id: value, currency: kit.currency, details: path },
      };
    });
    const code = details.every((d) => d.code !== "VALIDATION_FAILED")
      ? (details[0]?.code ?? "VALIDATION_FAILED")
      : "VALIDATION_FAILED";
    throw new DomainError(code, { details: details.map((d) => d.path).join(", ") }, details);
  }
  const input: MeetingInput = meetingInputFrom(parsed.data, kit.currency);
  if (input.heldOn > addDays(today, 1))
    throw new DomainError("MEETING_DATE_IN_FUTURE", { date: input.heldOn });
  if (input.heldOn < kit.openedOn)
    throw new DomainError("ORG_DATE_BEFORE_OPENING", { date: input.heldOn, openedOn: kit.openedOn });
  return planMeeting(input, kitState(kit, input.heldOn));
}

/**
 * The kit as it will be once this meeting is recorded: the meeting is the latest, the next is the one
 * after it, and the members' savings, the cash box, the bank, the social fund, what the group owes and
 * its open internal loans (new ones in, repaid ones out) are what the server's books will then say. A
 * phone that keeps meetings waiting to be sent drafts and checks the next one from here, so that a
 * group meeting twice with no connection is not refused for the first meeting's money. A new loan is
 * kept by the id the phone gave it (a line without one, which the phone never writes, is left out). A
 * payment on the group's outside loan is split as the lender's engine splits a repayment (oldest
 * installment first, in the product's order), its principal part off what the group owes; penalties
 * the engine has yet to charge stay pending. Errors: those of checkMeetingOnKit (a meeting the kit
 * refuses has no after).
 */
export function kitAfter(kit: MeetingKit, json: MeetingInputJson, today: string): MeetingKit {
  const plan = checkMeetingOnKit(kit, json, today);
  const input = meetingInputFrom(json, kit.currency);
  const cur = currencyOf(kit.currency);
  const m = (minor: bigint) => formatMoney(money(minor, cur));
  const rules = rulesOn(kitRules(kit), input.heldOn);
  const newLoans: OpenLoan[] = input.lines.flatMap((line) =>
    line.kind === "loan" && line.loanId !== undefined && rules !== null
      ? [
          {
            id: line.loanId,
            personId: line.personId,
            terms: {
              principal: line.amount,
              monthlyRate: rules.loans.monthlyRate,
              method: rules.loans.method,
              termMonths: line.termMonths,
              issuedOn: input.heldOn,
            },
            repayments: [],
          },
        ]
      : [],
  );
  const stillOpen = [...plan.after.loans, ...newLoans].filter(
    (l) => internalLoanOn(l.terms, l.repayments, input.heldOn).principalOutstanding > 0n,
  );
  const paid = new Map<string, bigint>();
  let principalPaid = 0n;
  for (const line of input.lines)
    if (line.kind === "loanRepayment") paid.set(line.loanId, (paid.get(line.loanId) ?? 0n) + line.amount);
  for (const l of kit.groupLoans) principalPaid += groupLoanSplit(kit, l, paid.get(l.loanId) ?? 0n).principal;
  return {
    ...kit,
    latestMeeting: input.heldOn,
    meetingIds: input.id === undefined ? kit.meetingIds : [input.id, ...kit.meetingIds],
    nextMeeting: nextMeetingDue(kitRules(kit), input.heldOn, kit.today, kit.openedOn),
    members: kit.members.map((x) => ({ ...x, savings: m(plan.after.savings.get(x.personId) ?? 0n) })),
    cashBox: m(plan.cashAfter),
    bank: m(plan.after.bank),
    socialFund: m(plan.after.socialFund),
    externalLoans: m(plan.after.externalLoans - principalPaid),
    openLoans: stillOpen
      .sort((a, b) => a.terms.issuedOn.localeCompare(b.terms.issuedOn) || a.id.localeCompare(b.id))
      .map((l) => ({
        id: l.id,
        personId: l.personId,
        principal: m(l.terms.principal),
        monthlyRate: l.terms.monthlyRate.toString(),
        method: l.terms.method,
        termMonths: l.terms.termMonths,
        issuedOn: l.terms.issuedOn,
        repayments: l.repayments.map((r) => ({
          on: r.on,
          interest: m(r.interest),
          principal: m(r.principal),
        })),
      })),
    groupLoans: kit.groupLoans.map((l) => groupLoanAfter(kit, l, paid.get(l.loanId) ?? 0n)),
  };
}

type GroupLoanOfKit = MeetingKit["groupLoans"][number];

/** The kit's installments as the loan engine reads them (minor units by part). */
function owedOfKit(kit: MeetingKit, loan: GroupLoanOfKit) {
  return loan.installments.map((i) => ({
    number: i.number,
    dueDate: i.dueOn,
    outstanding: {
      principal: minor(kit, i.principal),
      interest: minor(kit, i.interest),
      fee: minor(kit, i.fee),
      penalty: minor(kit, i.penalty),
    },
  }));
}

/** A payment on the group's outside loan split as the engine splits a repayment (allocatePayment). */
function groupLoanSplit(kit: MeetingKit, loan: GroupLoanOfKit, paid: bigint) {
  const owed = owedOfKit(kit, loan);
  if (paid <= 0n) return { owed, principal: 0n };
  const { allocations } = allocatePayment(paid, owed, loan.allocationOrder);
  let principal = 0n;
  for (const a of allocations) {
    const at = owed.find((o) => o.number === a.number);
    if (at) at.outstanding = { ...at.outstanding, [a.component]: at.outstanding[a.component] - a.minor };
    if (a.component === "principal") principal += a.minor;
  }
  return { owed, principal };
}

/** The group's outside loan once the meeting's payment on it is counted; its pending penalties stay. */
function groupLoanAfter(kit: MeetingKit, loan: GroupLoanOfKit, paid: bigint): GroupLoanOfKit {
  const cur = currencyOf(kit.currency);
  const m = (minor: bigint) => formatMoney(money(minor, cur));
  const installments = groupLoanSplit(kit, loan, paid).owed.flatMap((i) => {
    const { principal, interest, fee, penalty } = i.outstanding;
    const owed = principal + interest + fee + penalty;
    return owed > 0n
      ? [
          {
            number: i.number,
            dueOn: i.dueDate,
            owed: m(owed),
            principal: m(principal),
            interest: m(interest),
            fee: m(fee),
            penalty: m(penalty),
          },
        ]
      : [];
  });
  return { ...loan, installments };
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let at: unknown = input;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
