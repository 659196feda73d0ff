// The summary and the passbook pages after a meeting, from the kit kept on the phone: the totals are the
// sums of the meeting's lines, each member's savings move by her savings less her withdrawals, loans by
// what she borrowed less the principal she repaid (split as the server splits it), and the cash box by
// the meeting's cash lines, as the server's own planMeeting moves it.
import type { MeetingInputJson, MeetingLineJson } from "@qadam/core/groups/meeting-input";
import { checkMeetingOnKit, type MeetingKit } from "@qadam/core/groups/meeting-kit";
import { formatMoney, money, parseAmount } from "@qadam/core/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterMeeting, kitBasis } from "./after-meeting.js";

const A = "01900000-0000-7000-8000-00000000000a";
const B = "01900000-0000-7000-8000-00000000000b";
const C = "01900000-0000-7000-8000-00000000000c";
const LOAN = "01900000-0000-7000-8000-0000000000f1";

function kit(over: Partial<MeetingKit> = {}): MeetingKit {
  return {
    groupId: "01900000-0000-7000-8000-000000000001",
    name: "Moldir",
    currency: "KZT",
    timeZone: "Asia/Almaty",
    openedOn: "2026-01-05",
    today: "2026-03-02",
    fetchedAt: "2026-03-02T05:00:00.000Z",
    latestMeeting: "2026-02-23",
    meetingIds: [],
    nextMeeting: "2026-03-02",
    rules: [
      {
        validFrom: "2026-01-05",
        rules: {
          meetings: { frequency: "weekly", weekday: "monday" },
          savings: { compulsory: { kind: "fixed", amount: "500" }, voluntary: true, withdrawals: true },
          loans: {
            monthlyRatePercent: "2",
            method: "declining",
            maxMultipleOfSavings: "3",
            maxTermMonths: 12,
          },
          fines: { absence: "100", lateness: "50", lateRepayment: "200" },
          socialFund: { contribution: "100", purposes: ["illness", "death"] },
          cycle: { months: 12, shareout: "standard" },
        },
      },
    ],
    members: [
      { personId: A, name: "Aigerim", joinedOn: "2026-01-05", leftOn: null, savings: "4000" },
      { personId: B, name: "Bibigul", joinedOn: "2026-01-05", leftOn: null, savings: "3500" },
      { personId: C, name: "Dana", joinedOn: "2026-01-05", leftOn: null, savings: "2000" },
    ],
    cashBox: "20000",
    bank: "0",
    socialFund: "1000",
    externalLoans: "0",
    openLoans: [
      {
        id: LOAN,
        personId: B,
        principal: "6000",
        monthlyRate: "0.02",
        method: "declining",
        termMonths: 6,
        issuedOn: "2026-02-02",
        repayments: [],
      },
    ],
    groupLoans: [],
    ...over,
  };
}

const meeting: MeetingInputJson = {
  heldOn: "2026-03-02",
  attendance: [
    { personId: A, status: "present" },
    { personId: B, status: "late" },
    { personId: C, status: "absent" },
  ],
  lines: [
    { kind: "savings", personId: A, amount: "500" },
    { kind: "savings", personId: B, amount: "500" },
    { kind: "voluntarySavings", personId: A, amount: "250" },
    { kind: "repayment", personId: B, loanId: LOAN, amount: "1120" },
    { kind: "loan", personId: A, amount: "3000", termMonths: 6 },
    { kind: "fine", personId: B, amount: "50", reason: "lateness" },
    { kind: "fine", personId: C, amount: "100", reason: "absence" },
    { kind: "socialContribution", personId: A, amount: "100" },
    { kind: "socialPayout", personId: C, amount: "400", purpose: "illness" },
    { kind: "withdrawal", personId: C, amount: "300" },
  ],
  cashCounted: null,
};

const minor = (text: string) => parseAmount(text, "KZT").minor;

describe("after a meeting, from the kit before it", () => {
  const summary = afterMeeting(kit(), meeting, "before");

  it("totals the meeting's lines for the group to hear", () => {
    expect(summary).toMatchObject({
      members: 3,
      present: 2,
      savings: minor("1250"),
      withdrawals: minor("300"),
      repaid: minor("1120"),
      loansIssued: minor("3000"),
      loansCount: 1,
      fines: minor("150"),
      socialIn: minor("100"),
      socialOut: minor("400"),
      cashBefore: minor("20000"),
    });
  });

  it("moves the cash box as the server's own check of the meeting does", () => {
    const plan = checkMeetingOnKit(kit(), meeting, "2026-03-02");
    expect(summary.cashAfter).toBe(plan.cashAfter);
  });

  it("gives each member her lines, her savings and her loans before and after", () => {
    const [a, b, c] = summary.pages;
    expect(a).toMatchObject({
      name: "Aigerim",
      attendance: "present",
      savingsBefore: minor("4000"),
      savingsAfter: minor("4750"),
      loanBefore: 0n,
      loanAfter: minor("3000"),
    });
    expect(a?.lines.map((l) => l.kind)).toEqual([
      "savings",
      "voluntarySavings",
      "loan",
      "socialContribution",
    ]);
    expect(c).toMatchObject({
      savingsBefore: minor("2000"),
      savingsAfter: minor("1700"),
      attendance: "absent",
    });
    // Her repayment is split as the server splits it: interest first, the rest lowers what she owes.
    const plan = checkMeetingOnKit(kit(), meeting, "2026-03-02");
    const interest = plan.interest[3] ?? 0n;
    expect(interest).toBeGreaterThan(0n);
    expect(b).toMatchObject({
      loanBefore: minor("6000"),
      loanAfter: minor("6000") - (minor("1120") - interest),
    });
  });
});

describe("after a meeting, from a kit read again once it was recorded", () => {
  it("takes the balances after from the kit, and those before by taking the meeting away", () => {
    const before = afterMeeting(kit(), meeting, "before");
    const b = new Map(before.pages.map((p) => [p.personId, p] as const));
    const recorded = kit({
      latestMeeting: "2026-03-02",
      fetchedAt: "2026-03-02T09:00:00.000Z",
      cashBox: "20570",
      members: kit().members.map((m) => {
        const page = b.get(m.personId);
        return { ...m, savings: formatMoney(money(page?.savingsAfter ?? 0n, "KZT")) };
      }),
    });
    expect(kitBasis(recorded, "2026-03-02", "2026-03-02T08:00:00.000Z")).toBe("after");
    expect(kitBasis(kit(), "2026-03-02", null)).toBe("before");
    expect(
      kitBasis({ ...recorded, latestMeeting: "2026-03-09" }, "2026-03-02", "2026-03-02T08:00:00.000Z"),
    ).toBe("none");
    const after = afterMeeting(recorded, meeting, "after");
    expect(after.cashAfter).toBe(minor("20570"));
    expect(after.cashBefore).toBe(minor("20570") - (before.cashAfter ?? 0n) + minor("20000"));
    for (const page of after.pages) {
      const was = b.get(page.personId);
      expect([page.savingsBefore, page.savingsAfter]).toEqual([was?.savingsBefore, was?.savingsAfter]);
    }
    expect(afterMeeting(recorded, meeting, "none").pages[0]).toMatchObject({
      savingsBefore: null,
      loanAfter: null,
    });
  });
});

const amountText = fc.integer({ min: 1, max: 500_000 }).map((n) => (n / 100).toFixed(2));
const memberLine = fc.oneof(
  fc.record({ kind: fc.constantFrom("savings", "voluntarySavings", "withdrawal", "socialContribution") }),
  fc.record({ kind: fc.constant("fine") }),
  fc.record({ kind: fc.constant("loan") }),
);

describe("any meeting", () => {
  it("moves the members' savings by its savings less its withdrawals, and totals its lines", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(memberLine, fc.constantFrom(A, B, C), amountText), { maxLength: 30 }),
        fc.constantFrom("before", "after") as fc.Arbitrary<"before" | "after">,
        (raw, basis) => {
          const lines: MeetingLineJson[] = raw.map(([{ kind }, personId, amount]) =>
            kind === "fine"
              ? { kind, personId, amount, reason: "other" }
              : kind === "loan"
                ? { kind, personId, amount, termMonths: 3 }
                : { kind: kind as "savings", personId, amount },
          );
          const s = afterMeeting(kit(), { ...meeting, lines }, basis);
          const of = (kinds: string[]) =>
            lines.reduce((sum, l) => (kinds.includes(l.kind) ? sum + minor(l.amount) : sum), 0n);
          const moved = s.pages.reduce(
            (sum, p) => sum + (p.savingsAfter ?? 0n) - (p.savingsBefore ?? 0n),
            0n,
          );
          expect(moved).toBe(of(["savings", "voluntarySavings"]) - of(["withdrawal"]));
          expect(s.savings).toBe(of(["savings", "voluntarySavings"]));
          expect(s.withdrawals).toBe(of(["withdrawal"]));
          expect(s.fines).toBe(of(["fine"]));
          expect(s.loansIssued).toBe(of(["loan"]));
          expect(s.socialIn).toBe(of(["socialContribution"]));
          const lent = s.pages.reduce((sum, p) => sum + (p.loanAfter ?? 0n) - (p.loanBefore ?? 0n), 0n);
          expect(lent).toBe(of(["loan"]));
          // Every line is on its member's page, once.
          expect(s.pages.reduce((n, p) => n + p.lines.length, 0)).toBe(lines.length);
          expect((s.cashAfter ?? 0n) - (s.cashBefore ?? 0n)).toBe(
            of(["savings", "voluntarySavings", "fine"]) - of(["withdrawal", "loan"]),
          );
        },
      ),
    );
  });
});
