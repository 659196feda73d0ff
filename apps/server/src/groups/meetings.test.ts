import type { MeetingInput, MeetingLine } from "@qadam/core/groups/meeting";
import fc from "fast-check";
import { expect, it } from "vitest";
import { trialBalance } from "../books/index.js";
import type { Db } from "../platform/db/database.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor } from "../testing/fixtures.js";
import { correctLatestMeeting, recordMeeting } from "./commands.js";
import { previewShareout } from "./cycle.js";
import { meetingRegularity, passbook } from "./queries.js";
import { type GroupWorld, groupWorld, ordinaryMeeting } from "./testing.js";

/** Every table a meeting writes, counted: an invalid meeting must leave them all as they were. */
async function footprint(db: Db, groupId: string) {
  const count = async (
    table: "meetings" | "meetingLines" | "internalLoans" | "journalLines" | "meetingAttendance",
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    meetings: await count("meetings"),
    lines: await count("meetingLines"),
    loans: await count("internalLoans"),
    journal: await count("journalLines"),
    attendance: await count("meetingAttendance"),
    groupId,
  };
}

async function expectCoherent(w: GroupWorld): Promise<void> {
  const actor = cliActor(w.t);
  const rows = await trialBalance(w.db, actor, w.groupId, "9999-12-31");
  expect(rows.reduce((s, r) => s + r.balance, 0n)).toBe(0n);
  for (const member of w.members) {
    const book = await passbook(w.db, actor, w.groupId, member);
    expect(book.savings).toBe(book.savingsInJournal);
  }
}

describeEachDatabase("a self-help group's meetings", (use) => {
  it("posts a meeting's savings, loan, fine and social fund to the group's books and passbooks", async () => {
    const w = await groupWorld(use().db);
    const [a, b] = w.members as [string, string];
    const first = await w.run((trx, ctx) =>
      recordMeeting(trx, ctx, w.groupId, {
        ...ordinaryMeeting(w, "2026-01-07", [
          { kind: "socialContribution", personId: a, amount: 10_000n },
          { kind: "fine", personId: b, amount: 5_000n, reason: "lateness" },
          // 3 × her savings after this meeting's 500.00: at most 1,500.00.
          { kind: "loan", personId: a, amount: 150_000n, termMonths: 5, purpose: "a sewing machine" },
        ]),
        cashCounted: 5n * 50_000n + 5_000n - 150_000n,
      }),
    );
    expect(first.cashAfter).toBe(105_000n);
    expect(first.loansIssued).toHaveLength(1);
    const actor = cliActor(w.t);
    const book = await passbook(w.db, actor, w.groupId, a);
    expect(book.savings).toBe(50_000n);
    expect(book.loans).toBe(150_000n);
    expect(book.socialContributions).toBe(10_000n);
    const tb = await trialBalance(w.db, actor, w.groupId, "2026-01-07");
    const balance = (name: string) => tb.find((r) => r.account.endsWith(name))?.balance ?? 0n;
    expect(balance("Cash box")).toBe(105_000n);
    expect(balance("Loans to members")).toBe(150_000n);
    expect(balance("Members' savings")).toBe(-250_000n);
    expect(balance("Social fund")).toBe(-10_000n);
    expect(balance("Fines")).toBe(-5_000n);

    // A month later: 2 % flat on 1,500.00 is 30.00 a month, owed from the first day of each month.
    const loanId = first.loansIssued[0] ?? "";
    await w.run((trx, ctx) =>
      recordMeeting(
        trx,
        ctx,
        w.groupId,
        ordinaryMeeting(w, "2026-02-11", [{ kind: "repayment", personId: a, loanId, amount: 36_000n }]),
      ),
    );
    const after = await passbook(w.db, actor, w.groupId, a);
    const repayment = after.lines.find((l) => l.kind === "repayment");
    expect(repayment?.interest).toBe(6_000n);
    expect(after.loans).toBe(120_000n);
    await expectCoherent(w);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("refuses a loan over the limit, naming the member and the line, and writes nothing", async () => {
    const w = await groupWorld(use().db);
    const [a] = w.members as [string];
    const before = await footprint(w.db, w.groupId);
    const meeting = ordinaryMeeting(w, "2026-01-07", [
      { kind: "loan", personId: a, amount: 150_001n, termMonths: 5, purpose: null },
    ]);
    await expect(w.run((trx, ctx) => recordMeeting(trx, ctx, w.groupId, meeting))).rejects.toMatchObject({
      code: "MEETING_LOAN_OVER_LIMIT",
      params: { line: 6, member: "Айгүл Test", limit: { minor: 150_000n, currency: "KZT" } },
    });
    expect(await footprint(w.db, w.groupId)).toEqual(before);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("refuses a repayment above what is owed, a cash count that does not match, and a missing member", async () => {
    const w = await groupWorld(use().db);
    const [a, b] = w.members as [string, string];
    const first = await w.run((trx, ctx) =>
      recordMeeting(
        trx,
        ctx,
        w.groupId,
        ordinaryMeeting(w, "2026-01-07", [
          { kind: "loan", personId: a, amount: 100_000n, termMonths: 2, purpose: null },
        ]),
      ),
    );
    const loanId = first.loansIssued[0] ?? "";
    // Owed on 14 January: 1,000.00 and the first month's interest of 20.00.
    const over = ordinaryMeeting(w, "2026-01-14", [
      { kind: "repayment", personId: a, loanId, amount: 102_001n },
    ]);
    await expect(w.run((trx, ctx) => recordMeeting(trx, ctx, w.groupId, over))).rejects.toMatchObject({
      code: "MEETING_REPAYMENT_OVER_OWED",
      params: { line: 6, owed: { minor: 102_000n, currency: "KZT" } },
    });
    const wrongCash = { ...ordinaryMeeting(w, "2026-01-14"), cashCounted: 1n };
    await expect(w.run((trx, ctx) => recordMeeting(trx, ctx, w.groupId, wrongCash))).rejects.toMatchObject({
      code: "MEETING_CASH_MISMATCH",
      params: { counted: { minor: 1n, currency: "KZT" }, books: { minor: 400_000n, currency: "KZT" } },
    });
    const missing = ordinaryMeeting(w, "2026-01-14");
    missing.attendance = missing.attendance.filter((x) => x.personId !== b);
    await expect(w.run((trx, ctx) => recordMeeting(trx, ctx, w.groupId, missing))).rejects.toMatchObject({
      code: "MEETING_ATTENDANCE_MISSING",
    });
    const notRule: MeetingInput = {
      ...ordinaryMeeting(w, "2026-01-14"),
      lines: [{ kind: "savings", personId: b, amount: 40_000n }],
    };
    await expect(w.run((trx, ctx) => recordMeeting(trx, ctx, w.groupId, notRule))).rejects.toMatchObject({
      code: "MEETING_SAVINGS_NOT_RULE",
      params: { line: 1, rule: { minor: 50_000n, currency: "KZT" } },
    });
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("corrects only the latest meeting, by reversal and re-entry", async () => {
    const w = await groupWorld(use().db);
    const [a] = w.members as [string];
    const first = await w.run((trx, ctx) =>
      recordMeeting(trx, ctx, w.groupId, ordinaryMeeting(w, "2026-01-07")),
    );
    const second = await w.run((trx, ctx) =>
      recordMeeting(
        trx,
        ctx,
        w.groupId,
        ordinaryMeeting(w, "2026-01-14", [
          { kind: "loan", personId: a, amount: 100_000n, termMonths: 3, purpose: null },
        ]),
      ),
    );
    await expect(
      w.run((trx, ctx) => correctLatestMeeting(trx, ctx, w.groupId, first.meetingId, null)),
    ).rejects.toMatchObject({ code: "MEETING_NOT_LATEST" });
    // The loan was 900.00, not 1,000.00.
    const fixed = await w.run((trx, ctx) =>
      correctLatestMeeting(
        trx,
        ctx,
        w.groupId,
        second.meetingId,
        ordinaryMeeting(w, "2026-01-14", [
          { kind: "loan", personId: a, amount: 90_000n, termMonths: 3, purpose: null },
        ]),
      ),
    );
    expect(fixed.replacement?.seq).toBe(3);
    const book = await passbook(w.db, cliActor(w.t), w.groupId, a);
    expect(book.loans).toBe(90_000n);
    expect(book.savings).toBe(100_000n);
    await expect(
      w.run((trx, ctx) => correctLatestMeeting(trx, ctx, w.groupId, second.meetingId, null)),
    ).rejects.toMatchObject({ code: "MEETING_ALREADY_REVERSED" });
    await expectCoherent(w);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("finds the meetings a weekly group missed", async () => {
    const w = await groupWorld(use().db);
    for (const on of ["2026-01-07", "2026-01-14", "2026-01-29"])
      await w.run((trx, ctx) => recordMeeting(trx, ctx, w.groupId, ordinaryMeeting(w, on)));
    const r = await meetingRegularity(
      w.db,
      cliActor(w.t),
      w.groupId,
      { from: "2026-01-01", to: "2026-01-31" },
      new Date(),
    );
    expect(r.expected).toEqual(["2026-01-07", "2026-01-14", "2026-01-21", "2026-01-28"]);
    expect(r.missed).toEqual(["2026-01-21"]);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("keeps books and passbooks equal after any sequence of valid meetings; invalid ones change nothing", async () => {
    const w = await groupWorld(use().db, undefined, 5, "2099-12-31T06:00:00Z");
    const members = w.members;
    let week = 0;
    const step = fc.record({
      absent: fc.subarray(members, { maxLength: 2 }),
      borrower: fc.constantFrom(...members),
      borrow: fc.integer({ min: 0, max: 200_000 }),
      repayShare: fc.integer({ min: 0, max: 100 }),
      social: fc.boolean(),
      invalid: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        for (const s of steps) {
          week += 1;
          const day = new Date(Date.UTC(2026, 0, 7 + 7 * week)).toISOString().slice(0, 10);
          const actor = cliActor(w.t);
          const extra: MeetingLine[] = [];
          // Repay part of the borrower's first open loan, at most what she owes.
          const book = await passbook(w.db, actor, w.groupId, s.borrower);
          const open = await w.db
            .selectFrom("internalLoans")
            .select(["id", "principalOutstanding"])
            .where("personId", "=", s.borrower)
            .where("status", "=", "open")
            .executeTakeFirst();
          if (open && s.repayShare > 0 && !s.absent.includes(s.borrower)) {
            const part = (BigInt(open.principalOutstanding) * BigInt(s.repayShare)) / 100n;
            if (part > 0n)
              extra.push({ kind: "repayment", personId: s.borrower, loanId: open.id, amount: part });
          }
          if (s.social) extra.push({ kind: "socialContribution", personId: s.borrower, amount: 10_000n });
          const limit = (book.savings + 50_000n) * 3n;
          const tb = await trialBalance(w.db, actor, w.groupId, "9999-12-31");
          const cash = (tb.find((r) => r.account.endsWith("Cash box"))?.balance ?? 0n) + 50_000n;
          const amount = (BigInt(s.borrow) * (limit < cash ? limit : cash)) / 200_000n;
          if (amount > 0n && !s.absent.includes(s.borrower))
            extra.push({ kind: "loan", personId: s.borrower, amount, termMonths: 4, purpose: null });
          const meeting = ordinaryMeeting(w, day, extra, s.absent);
          if (s.invalid) {
            const before = await footprint(w.db, w.groupId);
            const bad: MeetingInput = { ...meeting, cashCounted: -1n };
            await expect(w.run((trx, ctx) => recordMeeting(trx, ctx, w.groupId, bad))).rejects.toMatchObject({
              code: "MEETING_CASH_MISMATCH",
            });
            expect(await footprint(w.db, w.groupId)).toEqual(before);
          }
          await w.run((trx, ctx) => recordMeeting(trx, ctx, w.groupId, meeting));
        }
        await expectCoherent(w);
        // Closing now would pay out exactly the loan-fund cash, to the minor unit.
        const preview = await previewShareout(w.db, cliActor(w.t), w.groupId, "2099-01-01");
        expect(preview.members.reduce((s, m) => s + m.payout, 0n)).toBe(preview.distributable);
      }),
      { numRuns: 8 },
    );
    await expectBooksCoherent(w.db, w.t.rootId);
  }, 120_000);
});
