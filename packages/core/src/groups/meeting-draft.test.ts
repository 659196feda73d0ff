import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { currency } from "../money/index.js";
import type { OpenLoan } from "./meeting.js";
import { draftMeeting, nextMeetingDue } from "./meeting-draft.js";
import { DEFAULT_RULES, type GroupRules, groupRulesSpec, rulesFrom } from "./rules.js";

const rules = (spec = DEFAULT_RULES, validFrom = "2026-01-01"): GroupRules =>
  rulesFrom(groupRulesSpec.parse(spec), validFrom, currency("KZT"));

const members = [
  { personId: "aigerim", name: "Айгерім" },
  { personId: "bota", name: "Бота" },
];

/** 1,000.00 for 2 months at 2 % a month flat, issued on 14 January 2026. */
const loan = (id: string, personId: string, repayments: OpenLoan["repayments"] = []): OpenLoan => ({
  id,
  personId,
  terms: {
    principal: 100_000n,
    monthlyRate: new Decimal("0.02"),
    method: "flat",
    termMonths: 2,
    issuedOn: "2026-01-14",
  },
  repayments,
});

describe("a meeting's draft", () => {
  it("prefills every member's compulsory savings and social-fund contribution, and the cash to count", () => {
    const draft = draftMeeting({
      heldOn: "2026-01-21",
      previousMeeting: "2026-01-14",
      rules: rules(),
      members,
      cashBox: 70_000n,
      openLoans: [],
      groupLoans: [],
    });
    expect(draft.input).toEqual({
      heldOn: "2026-01-21",
      attendance: [
        { personId: "aigerim", status: "present" },
        { personId: "bota", status: "present" },
      ],
      lines: [
        { kind: "savings", personId: "aigerim", amount: 50_000n },
        { kind: "socialContribution", personId: "aigerim", amount: 10_000n },
        { kind: "savings", personId: "bota", amount: 50_000n },
        { kind: "socialContribution", personId: "bota", amount: 10_000n },
      ],
      // The social fund has its own box: only the savings go into the cash box.
      cashCounted: 170_000n,
    });
  });

  it("saves the minimum number of shares, and nothing when the minimum is none", () => {
    const shares = (minShares: number) =>
      rules({
        ...DEFAULT_RULES,
        savings: {
          compulsory: { kind: "shares", sharePrice: "200", minShares, maxShares: 5 },
          voluntary: true,
          withdrawals: false,
        },
        socialFund: { contribution: "0", purposes: ["illness"] },
      });
    const state = { heldOn: "2026-01-21", previousMeeting: null, members, cashBox: 0n, openLoans: [] };
    expect(draftMeeting({ ...state, rules: shares(2), groupLoans: [] }).input.lines).toEqual([
      { kind: "savings", personId: "aigerim", amount: 40_000n },
      { kind: "savings", personId: "bota", amount: 40_000n },
    ]);
    expect(draftMeeting({ ...state, rules: shares(0), groupLoans: [] }).input.lines).toEqual([]);
  });

  it("asks for the installment due, and fines a member whose installment the last meeting did not see paid", () => {
    // Aigerim's installment 1 (500.00 + 20.00) fell due on 14 February, before the meeting of 18 February,
    // which she missed: on 25 February she owes it, the interest of the month begun on the 14th (a
    // repayment pays interest first) and a late-repayment fine of 200.00. Bota paid hers.
    const draft = draftMeeting({
      heldOn: "2026-02-25",
      previousMeeting: "2026-02-18",
      rules: rules(),
      members,
      cashBox: 0n,
      openLoans: [
        loan("loan-a", "aigerim"),
        loan("loan-b", "bota", [{ on: "2026-02-14", interest: 2_000n, principal: 50_000n }]),
      ],
      groupLoans: [],
    });
    const forAigerim = draft.input.lines.filter((l) => "personId" in l && l.personId === "aigerim");
    expect(forAigerim).toEqual([
      { kind: "savings", personId: "aigerim", amount: 50_000n },
      { kind: "socialContribution", personId: "aigerim", amount: 10_000n },
      { kind: "repayment", personId: "aigerim", loanId: "loan-a", amount: 54_000n },
      { kind: "fine", personId: "aigerim", amount: 20_000n, reason: "lateRepayment" },
    ]);
    expect(draft.members[0]?.loans).toEqual([
      { loanId: "loan-a", principal: 50_000n, interest: 4_000n, daysLate: 11 },
    ]);
    // Bota's next installment falls due on 14 March: nothing to repay yet, no fine.
    expect(draft.input.lines.filter((l) => "personId" in l && l.personId === "bota")).toHaveLength(2);
    expect(draft.input.cashCounted).toBe(2n * 50_000n + 54_000n + 20_000n);
  });

  it("asks nothing of a loan with no installment due, even with a month's interest begun", () => {
    const draft = draftMeeting({
      heldOn: "2026-01-21",
      previousMeeting: "2026-01-14",
      rules: rules(),
      members,
      cashBox: 0n,
      openLoans: [loan("loan-a", "aigerim")],
      groupLoans: [],
    });
    expect(draft.input.lines.filter((l) => l.kind === "repayment")).toEqual([]);
    expect(draft.members[0]?.loans).toEqual([]);
  });

  it("does not fine an installment that fell due after the last meeting", () => {
    const draft = draftMeeting({
      heldOn: "2026-02-18",
      previousMeeting: "2026-02-11",
      rules: rules(),
      members,
      cashBox: 0n,
      openLoans: [loan("loan-a", "aigerim")],
      groupLoans: [],
    });
    expect(draft.input.lines.filter((l) => l.kind === "fine")).toEqual([]);
    expect(draft.input.lines).toContainEqual({
      kind: "repayment",
      personId: "aigerim",
      loanId: "loan-a",
      amount: 54_000n,
    });
  });

  it("repays the group's loans from the cash the box holds once the members have paid", () => {
    const draft = draftMeeting({
      heldOn: "2026-01-21",
      previousMeeting: null,
      rules: rules(),
      members,
      cashBox: 5_000n,
      openLoans: [],
      groupLoans: [
        { loanId: "mfo-1", due: 60_000n },
        { loanId: "mfo-2", due: 90_000n },
        { loanId: "mfo-3", due: 0n },
      ],
    });
    // 50.00 + 2 × 500.00 in the box: 600.00 to mfo-1, the remaining 450.00 to mfo-2.
    expect(draft.input.lines.filter((l) => l.kind === "loanRepayment")).toEqual([
      { kind: "loanRepayment", loanId: "mfo-1", amount: 60_000n },
      { kind: "loanRepayment", loanId: "mfo-2", amount: 45_000n },
    ]);
    expect(draft.groupLoans.map((l) => l.amount)).toEqual([60_000n, 45_000n, 0n]);
    expect(draft.input.cashCounted).toBe(0n);
  });
});

describe("the next meeting due", () => {
  const weekly = [rules()];
  it("is the first the rules expect after the latest meeting", () => {
    expect(nextMeetingDue(weekly, "2026-01-07", "2026-01-12", "2025-01-01")).toBe("2026-01-14");
    expect(nextMeetingDue(weekly, "2026-01-14", "2026-01-14", "2025-01-01")).toBe("2026-01-21");
  });

  it("starts from the first rules, or the group's opening if later, before any meeting", () => {
    expect(nextMeetingDue(weekly, null, "2026-01-02", "2025-01-01")).toBe("2026-01-07");
    expect(nextMeetingDue(weekly, null, "2026-01-02", "2026-01-08")).toBe("2026-01-14");
  });

  it("skips the meetings missed, whose window closed before today", () => {
    // Last met on 7 January; on Monday 26 January the meeting of the 21st (window to the 24th) is missed.
    expect(nextMeetingDue(weekly, "2026-01-07", "2026-01-26", "2025-01-01")).toBe("2026-01-28");
    // On Saturday the 24th the meeting of the 21st may still be entered.
    expect(nextMeetingDue(weekly, "2026-01-07", "2026-01-24", "2025-01-01")).toBe("2026-01-21");
    expect(nextMeetingDue(weekly, "2025-01-07", "2026-01-26", "2025-01-01")).toBe("2026-01-28");
  });

  it("is none without rules", () => {
    expect(nextMeetingDue([], null, "2026-01-26", "2025-01-01")).toBeNull();
  });
});
