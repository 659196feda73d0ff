import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  disbursedOn,
  disbursedState,
  type LoanState,
  type LoanStateColumns,
  loanStateColumns,
  loanStateFrom,
} from "./state.js";

const day = fc
  .integer({ min: 0, max: 3650 })
  .map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
const decision = fc.record({
  by: fc.option(fc.uuid(), { nil: null }),
  on: day,
  note: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
});
const state: fc.Arbitrary<LoanState> = fc.oneof(
  fc.constant({ status: "applied" as const }),
  fc.record({ status: fc.constantFrom("approved" as const, "rejected" as const), decision }),
  fc.record({ status: fc.constant("active" as const), decision, disbursedOn: day }),
  fc.record({ status: fc.constant("closed" as const), decision, disbursedOn: day, closedOn: day }),
  fc.record({ status: fc.constant("written_off" as const), decision, disbursedOn: day, writtenOffOn: day }),
);

const APPLIED: LoanStateColumns = {
  status: "applied",
  decidedBy: null,
  decidedOn: null,
  decisionNote: null,
  disbursedOn: null,
  closedOn: null,
  writtenOffOn: null,
};

describe("a loan's state", () => {
  it("reads back from its columns exactly as it was written", () => {
    fc.assert(
      fc.property(state, (s) => {
        expect(loanStateFrom(loanStateColumns(s))).toEqual(s);
      }),
    );
  });

  it("keeps in its columns only the dates its status has", () => {
    fc.assert(
      fc.property(state, (s) => {
        const c = loanStateColumns(s);
        expect(c.disbursedOn !== null).toBe(["active", "closed", "written_off"].includes(s.status));
        expect(c.closedOn !== null).toBe(s.status === "closed");
        expect(c.writtenOffOn !== null).toBe(s.status === "written_off");
        expect(c.decidedOn !== null).toBe(s.status !== "applied");
        expect(disbursedOn(s)).toBe(c.disbursedOn);
      }),
    );
  });

  it("refuses columns no state gives: a decided loan without its decision, a paid-out one without its date", () => {
    expect(() => loanStateFrom({ ...APPLIED, status: "approved" })).toThrow(/decided/);
    expect(() => loanStateFrom({ ...APPLIED, status: "active", decidedOn: "2026-01-12" })).toThrow(
      /disbursed/,
    );
    expect(() =>
      loanStateFrom({ ...APPLIED, status: "closed", decidedOn: "2026-01-12", disbursedOn: "2026-01-15" }),
    ).toThrow(/closed/);
    expect(() =>
      loanStateFrom({
        ...APPLIED,
        status: "written_off",
        decidedOn: "2026-01-12",
        disbursedOn: "2026-01-15",
      }),
    ).toThrow(/write-off/);
  });

  it("after a replay, carries the decision and disbursement over and takes the outcome's date", () => {
    const from = { decision: { by: null, on: "2026-01-12", note: null }, disbursedOn: "2026-01-15" };
    expect(disbursedState(from, { status: "closed", closedOn: "2026-06-01", writtenOffOn: null })).toEqual({
      status: "closed",
      ...from,
      closedOn: "2026-06-01",
    });
    expect(disbursedState(from, { status: "active", closedOn: null, writtenOffOn: null })).toEqual({
      status: "active",
      ...from,
    });
  });
});
