import { SHG_ACCOUNTS } from "@qadam/core/groups/meeting";
import { DEFAULT_RULES } from "@qadam/core/groups/rules";
import { systemIds } from "@qadam/core/ids";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { openBooks } from "../books/index.js";
import { adoptRules, recordMeeting } from "../groups/index.js";
import { applyForLoan, decide, disburse, repay } from "../loans/index.js";
import { disbursedLoan, groupApplication, kzt, type LoanWorld, loanWorld } from "../loans/testing.js";
import type { Db } from "../platform/db/database.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { booksIncoherence, expectBooksCoherent, type IncoherenceKind } from "./books-coherence.js";

/** A lending world whose group keeps its books: a loan to a woman and one to the group, a meeting. */
async function coherentWorld(db: Db) {
  const w = await loanWorld(db);
  const group = w.t.groupId;
  await w.run(null, (trx, ctx) => openBooks(trx, ctx, group));
  await w.run(null, (trx, ctx) =>
    adoptRules(trx, ctx, group, { validFrom: "2026-01-01", rules: DEFAULT_RULES }),
  );
  const personLoan = await disbursedLoan(w);
  const groupLoan = await w.run(w.maker, (trx, ctx) => applyForLoan(trx, ctx, groupApplication(w)));
  await w.run(w.checker, (trx, ctx) => decide(trx, ctx, groupLoan, { approve: true, on: "2026-01-12" }));
  await w.run(w.maker, (trx, ctx) => disburse(trx, ctx, groupLoan, { on: "2026-01-15", channel: "cash" }));
  await w.run(w.maker, (trx, ctx) =>
    repay(trx, ctx, personLoan, {
      on: "2026-02-16",
      amount: kzt("9455.96"),
      channel: "cash",
      overpayment: "refuse",
    }),
  );
  const [first, second] = w.members as [string, string, string];
  const meeting = await w.run(null, (trx, ctx) =>
    recordMeeting(trx, ctx, group, {
      heldOn: "2026-02-18",
      attendance: w.members.map((personId) => ({ personId, status: "present" })),
      lines: [
        ...w.members.map((personId) => ({ kind: "savings" as const, personId, amount: 50_000n })),
        { kind: "loan", personId: first, amount: 100_000n, termMonths: 4, purpose: null },
        { kind: "loanRepayment", loanId: groupLoan, amount: 2_836_788n },
      ],
      cashCounted: null,
    }),
  );
  const internalLoan = meeting.loansIssued[0] ?? "";
  await w.run(null, (trx, ctx) =>
    recordMeeting(trx, ctx, group, {
      heldOn: "2026-03-18",
      attendance: w.members.map((personId) => ({ personId, status: "present" })),
      lines: [
        ...w.members.map((personId) => ({ kind: "savings" as const, personId, amount: 50_000n })),
        { kind: "repayment", personId: first, loanId: internalLoan, amount: 27_000n },
      ],
      cashCounted: null,
    }),
  );
  return { w, group, personLoan, groupLoan, internalLoan, first, second };
}

type World = Awaited<ReturnType<typeof coherentWorld>>;

class Rollback extends Error {}

/** What the check finds after `corrupt`, which is rolled back afterwards. */
async function foundAfter(w: LoanWorld, corrupt: (trx: Db) => Promise<void>): Promise<IncoherenceKind[]> {
  let kinds: IncoherenceKind[] = [];
  try {
    await w.db.transaction().execute(async (trx) => {
      await corrupt(trx);
      kinds = [...new Set((await booksIncoherence(trx, w.t.rootId)).map((p) => p.kind))].sort();
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return kinds;
}

/** An account of an organisation by its code. */
async function account(db: Db, orgId: string, code: string): Promise<string> {
  const row = await db
    .selectFrom("accounts")
    .select("id")
    .where("orgId", "=", orgId)
    .where("code", "=", code)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A balanced entry written behind the commands' back, its daily balances kept: the journal stays
 * coherent with itself, so only what it says about a loan or a member can be wrong.
 */
async function rawEntry(
  trx: Db,
  w: LoanWorld,
  orgId: string,
  cause: { type: string; id: string },
  lines: ReadonlyArray<{ code: string; minor: bigint; party?: string }>,
): Promise<void> {
  const id = systemIds.next();
  const businessDate = "2027-06-30";
  await trx
    .insertInto("journalEntries")
    .values({
      id,
      tenantId: w.t.tenantId,
      orgId,
      businessDate,
      description: "behind the commands' back",
      causeType: cause.type,
      causeId: cause.id,
      reversesId: null,
      postedAt: new Date().toISOString(),
      postedBy: null,
    })
    .execute();
  for (const [i, l] of lines.entries()) {
    const accountId = await account(trx, orgId, l.code);
    await trx
      .insertInto("journalLines")
      .values({
        tenantId: w.t.tenantId,
        entryId: id,
        lineNo: i + 1,
        orgId,
        accountId,
        businessDate,
        currency: "KZT",
        amount: l.minor.toString(),
        memo: null,
        partyId: l.party ?? null,
      })
      .execute();
    await trx
      .insertInto("accountDailyBalances")
      .values({
        tenantId: w.t.tenantId,
        orgId,
        accountId,
        currency: "KZT",
        businessDate,
        amount: l.minor.toString(),
      })
      .execute();
  }
}

const CORRUPTIONS: ReadonlyArray<[string, IncoherenceKind[], (trx: Db, x: World) => Promise<void>]> = [
  [
    "a line added to a meeting's entry (its day's cached balance with it)",
    ["entry", "journal"],
    async (trx, { w, group }) => {
      const cash = await account(trx, group, SHG_ACCOUNTS.cashBox);
      const line = await trx
        .selectFrom("journalLines as l")
        .innerJoin("journalEntries as e", "e.id", "l.entryId")
        .selectAll("l")
        .where("l.accountId", "=", cash)
        .where("e.causeType", "=", "meeting")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("journalLines")
        .values({ ...line, lineNo: 99, amount: "1", memo: null })
        .execute();
      await trx
        .updateTable("accountDailyBalances")
        .set({ amount: sql`amount + 1` })
        .where("tenantId", "=", w.t.tenantId)
        .where("accountId", "=", cash)
        .where("businessDate", "=", line.businessDate)
        .execute();
    },
  ],
  [
    "a cached daily balance changed",
    ["daily-balance"],
    async (trx, { w }) => {
      const row = await trx
        .selectFrom("accountDailyBalances")
        .select(["accountId", "businessDate"])
        .where("orgId", "=", w.t.mfoId)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable("accountDailyBalances")
        .set({ amount: sql`amount - 1` })
        .where("accountId", "=", row.accountId)
        .where("businessDate", "=", row.businessDate)
        .execute();
    },
  ],
  [
    "a loan's outstanding principal changed",
    ["loan"],
    async (trx, { personLoan }) => {
      await trx
        .updateTable("loans")
        .set({ principalOutstanding: sql`principal_outstanding + 1` })
        .where("id", "=", personLoan)
        .execute();
    },
  ],
  [
    "an installment paid beyond what it owes",
    ["loan"],
    async (trx, { personLoan }) => {
      await trx
        .updateTable("loanInstallments")
        .set({ interestPaid: sql`interest + 1` })
        .where("loanId", "=", personLoan)
        .where("number", "=", 12)
        .execute();
    },
  ],
  [
    "a loan's advance changed",
    ["loan"],
    async (trx, { personLoan }) => {
      await trx.updateTable("loans").set({ advance: "100" }).where("id", "=", personLoan).execute();
    },
  ],
  [
    "an allocation of interest added",
    ["loan", "loan-mirror"],
    async (trx, { groupLoan }) => {
      const paid = await trx
        .selectFrom("loanAllocations")
        .selectAll()
        .where("loanId", "=", groupLoan)
        .where("component", "=", "interest")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("loanAllocations")
        .values({ ...paid, number: 12 })
        .execute();
    },
  ],
  [
    "money moved on a loan's accounts in the lender's books",
    ["loan"],
    async (trx, { w, personLoan }) => {
      await rawEntry(trx, w, w.t.mfoId, { type: "loan", id: personLoan }, [
        { code: "131", minor: 100n },
        { code: "11", minor: -100n },
      ]);
    },
  ],
  [
    "money moved on a loan's mirror in the group's books",
    ["loan-mirror"],
    async (trx, { w, group, groupLoan }) => {
      await rawEntry(trx, w, group, { type: "loan", id: groupLoan }, [
        { code: SHG_ACCOUNTS.externalLoans, minor: 100n },
        { code: SHG_ACCOUNTS.cashBox, minor: -100n },
      ]);
    },
  ],
  [
    "a member's savings moved in the books only",
    ["member-savings"],
    async (trx, { w, group, second }) => {
      await rawEntry(trx, w, group, { type: "meeting", id: systemIds.next() }, [
        { code: SHG_ACCOUNTS.cashBox, minor: 100n },
        { code: SHG_ACCOUNTS.savings, minor: -100n, party: second },
      ]);
    },
  ],
  [
    "a member's saving added in the records only",
    ["member-savings"],
    async (trx, { group, second }) => {
      const saved = await trx
        .selectFrom("meetingLines")
        .selectAll()
        .where("orgId", "=", group)
        .where("personId", "=", second)
        .where("kind", "=", "savings")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("meetingLines")
        .values({ ...saved, lineNo: 99 })
        .execute();
    },
  ],
  [
    "an internal loan's outstanding principal changed",
    ["member-loans"],
    async (trx, { internalLoan }) => {
      await trx
        .updateTable("internalLoans")
        .set({ principalOutstanding: "1" })
        .where("id", "=", internalLoan)
        .execute();
    },
  ],
  [
    "a member's loan moved in the books only",
    ["member-loans"],
    async (trx, { w, group, second }) => {
      await rawEntry(trx, w, group, { type: "meeting", id: systemIds.next() }, [
        { code: SHG_ACCOUNTS.loansToMembers, minor: 100n, party: second },
        { code: SHG_ACCOUNTS.cashBox, minor: -100n },
      ]);
    },
  ],
];

describeEachDatabase("the books' coherence check", (use) => {
  let world: World;

  it("finds loans, their mirror, meetings and internal loans coherent as the commands leave them", async () => {
    world = await coherentWorld(use().db);
    expect(await booksIncoherence(world.w.db, world.w.t.rootId)).toEqual([]);
    await expectBooksCoherent(world.w.db, world.w.t.rootId);
  });

  it.each(CORRUPTIONS)("refuses %s", async (_, kinds, corrupt) => {
    expect(await foundAfter(world.w, (trx) => corrupt(trx, world))).toEqual(kinds);
    // Rolled back: coherent again.
    expect(await booksIncoherence(world.w.db, world.w.t.rootId)).toEqual([]);
  });

  it("fails the test it ends when anything is wrong", async () => {
    await world.w.db.updateTable("loans").set({ advance: "1" }).where("id", "=", world.personLoan).execute();
    await expect(expectBooksCoherent(world.w.db, world.w.t.rootId)).rejects.toThrow(/advances/);
    await world.w.db.updateTable("loans").set({ advance: "0" }).where("id", "=", world.personLoan).execute();
  });
});
