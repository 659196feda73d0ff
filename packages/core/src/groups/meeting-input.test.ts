import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { ATTENDANCE, type MeetingInput, type MeetingLine } from "./meeting.js";
import { meetingInputFrom, meetingInputJson, meetingInputJsonOf } from "./meeting-input.js";
import { FINE_KINDS, SOCIAL_FUND_PURPOSES } from "./rules.js";

const A = "0190a5b2-0000-7000-8000-000000000001";
const B = "0190a5b2-0000-7000-8000-000000000002";
const LOAN = "0190a5b2-0000-7000-8000-0000000000aa";

const json = {
  heldOn: "2026-01-07",
  attendance: [
    { personId: A, status: "present" },
    { personId: B, status: "late" },
  ],
  lines: [
    { kind: "savings", personId: A, amount: "500" },
    { kind: "voluntarySavings", personId: B, amount: "150.50" },
    { kind: "loan", personId: A, amount: "1500", termMonths: 5, purpose: "a sewing machine" },
    { kind: "loan", personId: B, amount: "100", termMonths: 2 },
    { kind: "repayment", personId: B, loanId: LOAN, amount: "330.00" },
    { kind: "fine", personId: B, amount: "50", reason: "lateness" },
    { kind: "socialContribution", personId: A, amount: "100" },
    { kind: "socialPayout", personId: B, amount: "2000", purpose: "illness" },
    { kind: "expense", amount: "0.01", detail: "ledger book" },
    { kind: "externalLoanRepaid", amount: "10500", interest: "500", detail: "federation loan" },
    { kind: "bankDeposit", amount: "1000" },
  ],
  cashCounted: "12345.60",
};

function refusal(body: () => unknown): DomainError {
  try {
    body();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("a meeting as JSON", () => {
  it("turns every amount into minor units of the group's currency", () => {
    const input = meetingInputFrom(meetingInputJson.parse(json), "KZT");
    expect(input.heldOn).toBe("2026-01-07");
    expect(input.attendance).toEqual(json.attendance);
    expect(input.cashCounted).toBe(1_234_560n);
    expect(input.lines).toEqual([
      { kind: "savings", personId: A, amount: 50_000n },
      { kind: "voluntarySavings", personId: B, amount: 15_050n },
      { kind: "loan", personId: A, amount: 150_000n, termMonths: 5, purpose: "a sewing machine" },
      { kind: "loan", personId: B, amount: 10_000n, termMonths: 2, purpose: null },
      { kind: "repayment", personId: B, loanId: LOAN, amount: 33_000n },
      { kind: "fine", personId: B, amount: 5_000n, reason: "lateness" },
      { kind: "socialContribution", personId: A, amount: 10_000n },
      { kind: "socialPayout", personId: B, amount: 200_000n, purpose: "illness" },
      { kind: "expense", amount: 1n, detail: "ledger book" },
      { kind: "externalLoanRepaid", amount: 1_050_000n, interest: 50_000n, detail: "federation loan" },
      { kind: "bankDeposit", amount: 100_000n },
    ]);
  });

  it("takes a cash count left out, or null, as not counted", () => {
    const { cashCounted: _, ...uncounted } = json;
    expect(meetingInputFrom(meetingInputJson.parse(uncounted), "KZT").cashCounted).toBeNull();
    expect(
      meetingInputFrom(meetingInputJson.parse({ ...json, cashCounted: null }), "KZT").cashCounted,
    ).toBeNull();
  });

  it("counts amounts in the currency's own minor unit", () => {
    const yen = meetingInputFrom(
      meetingInputJson.parse({
        ...json,
        lines: [{ kind: "savings", personId: A, amount: "500" }],
        cashCounted: "500",
      }),
      "JPY",
    );
    expect(yen.lines[0]?.amount).toBe(500n);
    expect(yen.cashCounted).toBe(500n);
  });

  it("refuses an amount not written the one way, as INVALID_AMOUNT in the schema, naming the path", () => {
    for (const amount of [
      "abc",
      "1e5",
      "",
      "12,50",
      "1".repeat(16),
      " 10",
      "10 ",
      "+10",
      "10.",
      ".5",
      "-0",
      "-5",
    ]) {
      const parsed = meetingInputJson.safeParse({
        ...json,
        lines: [{ kind: "savings", personId: A, amount }],
      });
      expect(parsed.success, amount).toBe(false);
      expect(parsed.error?.issues).toEqual([
        expect.objectContaining({ path: ["lines", 0, "amount"], params: { code: "INVALID_AMOUNT" } }),
      ]);
    }
  });

  it("refuses every amount with more decimals than the currency has, all at once, each with its path and member", () => {
    const body = meetingInputJson.parse({
      ...json,
      lines: [
        { kind: "savings", personId: A, amount: "1.234" },
        { kind: "savings", personId: B, amount: "100" },
        { kind: "externalLoanRepaid", amount: "100", interest: "0.001", detail: "federation" },
      ],
      cashCounted: "10.5",
    });
    const error = refusal(() => meetingInputFrom(body, "KZT"));
    expect(error.code).toBe("INVALID_AMOUNT");
    expect(error.params).toEqual({ amount: "1.234", currency: "KZT" });
    expect(error.details.map((d) => [d.path, d.memberId])).toEqual([
      ["lines.0.amount", A],
      ["lines.2.interest", undefined],
    ]);
    const yen = meetingInputJson.parse({ ...json, lines: [], cashCounted: "10.5" });
    expect(refusal(() => meetingInputFrom(yen, "JPY")).params).toEqual({ amount: "10.5", currency: "JPY" });
  });

  it("refuses unknown kinds, fields a kind does not have, and unknown words", () => {
    const bad = (line: Record<string, unknown>) =>
      meetingInputJson.safeParse({ ...json, lines: [line] }).success;
    expect(bad({ kind: "gift", personId: A, amount: "5" })).toBe(false);
    expect(bad({ kind: "savings", personId: A, amount: "5", loanId: LOAN })).toBe(false);
    expect(bad({ kind: "savings", amount: "5" })).toBe(false);
    expect(bad({ kind: "fine", personId: A, amount: "5", reason: "rudeness" })).toBe(false);
    expect(bad({ kind: "socialPayout", personId: A, amount: "5", purpose: "wedding" })).toBe(false);
    expect(bad({ kind: "loan", personId: A, amount: "5", termMonths: 1.5 })).toBe(false);
    expect(bad({ kind: "expense", amount: "5", detail: "  " })).toBe(false);
    expect(bad({ kind: "savings", personId: A, amount: 5 })).toBe(false);
    expect(
      meetingInputJson.safeParse({ ...json, attendance: [{ personId: A, status: "asleep" }] }).success,
    ).toBe(false);
    expect(meetingInputJson.safeParse({ ...json, heldOn: "7 January" }).success).toBe(false);
  });

  it("reads back what it wrote: from minor units to JSON and back is the identity", () => {
    const personId = fc.constantFrom(A, B);
    const amount = fc.bigInt({ min: 1n, max: 10n ** 14n });
    const detail = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== "");
    const line: fc.Arbitrary<MeetingLine> = fc.oneof(
      fc.record({
        kind: fc.constantFrom(
          "savings",
          "voluntarySavings",
          "withdrawal",
          "socialContribution",
        ) as fc.Arbitrary<"savings">,
        personId,
        amount,
      }),
      fc.record({
        kind: fc.constant("loan" as const),
        personId,
        amount,
        termMonths: fc.integer({ min: 1, max: 60 }),
        purpose: fc.option(detail, { nil: null }),
      }),
      fc.record({ kind: fc.constant("repayment" as const), personId, loanId: fc.constant(LOAN), amount }),
      fc.record({
        kind: fc.constant("fine" as const),
        personId,
        amount,
        reason: fc.constantFrom(...FINE_KINDS),
      }),
      fc.record({
        kind: fc.constant("socialPayout" as const),
        personId,
        amount,
        purpose: fc.constantFrom(...SOCIAL_FUND_PURPOSES),
      }),
      fc.record({
        kind: fc.constantFrom("expense", "otherIncome", "externalLoanReceived") as fc.Arbitrary<"expense">,
        amount,
        detail,
      }),
      fc.record({ kind: fc.constant("externalLoanRepaid" as const), amount, interest: amount, detail }),
      fc.record({
        kind: fc.constantFrom("bankDeposit", "bankWithdrawal") as fc.Arbitrary<"bankDeposit">,
        amount,
      }),
    );
    const meeting: fc.Arbitrary<MeetingInput> = fc.record({
      heldOn: fc.constant("2026-03-04"),
      attendance: fc.array(fc.record({ personId, status: fc.constantFrom(...ATTENDANCE) }), { maxLength: 3 }),
      lines: fc.array(line, { maxLength: 12 }),
      cashCounted: fc.option(fc.bigInt({ min: 0n, max: 10n ** 14n }), { nil: null }),
    });
    fc.assert(
      fc.property(meeting, fc.constantFrom("KZT", "USD", "JPY", "KWD"), (input, currency) => {
        const sent = JSON.parse(JSON.stringify(meetingInputJsonOf(input, currency)));
        expect(meetingInputFrom(meetingInputJson.parse(sent), currency)).toEqual(input);
      }),
    );
  });
});
