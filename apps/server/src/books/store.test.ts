import { balancesOf } from "@qadam/core/books/journal";
import { systemClock } from "@qadam/core/clock";
import { systemIds } from "@qadam/core/ids";
import { KZT, money } from "@qadam/core/money";
import fc from "fast-check";
import { expect, it } from "vitest";
import { executeCommand } from "../platform/commands.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor, seedTenant } from "../testing/fixtures.js";
import { chartOf, journalForExport, openBooks, postEntry, reverseEntry, trialBalance } from "./store.js";

describeEachDatabase("books in the database", (use) => {
  it("opens an MFO's chart, posts, reverses, and keeps the trial balance at zero", async () => {
    const { db } = use();
    const t = await seedTenant(db, "books");
    const actor = cliActor(t);
    const run = <T>(name: string, body: Parameters<typeof executeCommand<T>>[2]) =>
      executeCommand({ db, clock: systemClock, ids: systemIds }, { actor, name, source: "cli" }, body);
    const chart = await run("books.open", (trx, ctx) => openBooks(trx, ctx, t.mfoId));
    const id = (code: string) => chart.find((a) => a.code === code)?.id ?? "";
    expect(chart.find((a) => a.code === "132")?.fullName).toBe("Assets:Loan portfolio:Group loans");
    await expect(run("books.open", (trx, ctx) => openBooks(trx, ctx, t.mfoId))).rejects.toMatchObject({
      code: "BOOKS_ALREADY_OPEN",
    });

    const disbursed = await run("books.post", (trx, ctx) =>
      postEntry(trx, ctx, t.mfoId, {
        businessDate: "2026-01-15",
        description: "Loan disbursed",
        cause: { type: "loan", id: "L1" },
        lines: [
          { account: id("132"), amount: money(10_000_000n, KZT) },
          { account: id("11"), amount: money(-9_800_000n, KZT) },
          { account: id("42"), amount: money(-200_000n, KZT) },
        ],
      }),
    );
    const repaid = await run("books.post", (trx, ctx) =>
      postEntry(trx, ctx, t.mfoId, {
        businessDate: "2026-02-16",
        description: "Repayment",
        cause: { type: "repayment", id: "R1" },
        lines: [
          { account: id("11"), amount: money(945_596n, KZT) },
          { account: id("132"), amount: money(-745_596n, KZT) },
          { account: id("41"), amount: money(-200_000n, KZT) },
        ],
      }),
    );
    // An unbalanced entry is refused and leaves nothing behind.
    await expect(
      run("books.post", (trx, ctx) =>
        postEntry(trx, ctx, t.mfoId, {
          businessDate: "2026-02-17",
          description: "Wrong",
          cause: { type: "x", id: "1" },
          lines: [
            { account: id("11"), amount: money(100n, KZT) },
            { account: id("41"), amount: money(-99n, KZT) },
          ],
        }),
      ),
    ).rejects.toMatchObject({ code: "JOURNAL_UNBALANCED" });

    const before = await trialBalance(db, actor, t.mfoId, "2026-01-31");
    expect(before.find((r) => r.account === "Assets:Loan portfolio:Group loans")?.balance).toBe(10_000_000n);
    const after = await trialBalance(db, actor, t.mfoId, "2026-12-31");
    expect(after.reduce((s, r) => s + r.balance, 0n)).toBe(0n);
    expect(after.find((r) => r.account === "Assets:Cash")?.balance).toBe(-9_800_000n + 945_596n);

    await run("books.reverse", (trx, ctx) =>
      reverseEntry(trx, ctx, repaid.id, {
        businessDate: "2026-02-18",
        description: "Posted twice by mistake",
      }),
    );
    await expect(
      run("books.reverse", (trx, ctx) =>
        reverseEntry(trx, ctx, repaid.id, { businessDate: "2026-02-18", description: "again" }),
      ),
    ).rejects.toMatchObject({ code: "JOURNAL_ALREADY_REVERSED" });
    const corrected = await trialBalance(db, actor, t.mfoId, "2026-12-31");
    expect(corrected.find((r) => r.account === "Assets:Loan portfolio:Group loans")?.balance).toBe(
      10_000_000n,
    );
    expect(corrected.find((r) => r.account === "Income:Interest income")).toBeUndefined();

    // The journal is append-only in the database itself.
    await expect(db.updateTable("journalLines").set({ memo: "x" }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("journalEntries").where("id", "=", disbursed.id).execute()).rejects.toThrow(
      /append-only/,
    );

    // The export carries the same balances.
    const exported = await journalForExport(db, actor, t.mfoId);
    expect(exported).toHaveLength(3);
    const fromExport = balancesOf(exported.flatMap((e) => e.lines));
    for (const row of corrected) expect(fromExport.get(row.account)?.get(row.currency)).toBe(row.balance);
    await expectBooksCoherent(db, t.rootId);
  });

  it("keeps every account's balance equal to the sum of its lines after random postings", async () => {
    const { db } = use();
    const t = await seedTenant(db, "books-prop");
    const actor = cliActor(t);
    const deps = { db, clock: systemClock, ids: systemIds };
    const chart = await executeCommand(deps, { actor, name: "books.open", source: "cli" }, (trx, ctx) =>
      openBooks(trx, ctx, t.groupId),
    );
    const leaves = chart.filter((a) => a.parentId !== null).map((a) => a.id);
    const posted: Array<{ account: string; minor: bigint; date: string }> = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ account: fc.constantFrom(...leaves), minor: fc.bigInt({ min: 1n, max: 10n ** 9n }) }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.constantFrom(...leaves),
        fc.integer({ min: 1, max: 28 }),
        async (debits, creditAccount, day) => {
          const date = `2026-03-${String(day).padStart(2, "0")}`;
          const total = debits.reduce((s, d) => s + d.minor, 0n);
          const lines = [
            ...debits.map((d) => ({ account: d.account, amount: money(d.minor, KZT) })),
            { account: creditAccount, amount: money(-total, KZT) },
          ];
          await executeCommand(deps, { actor, name: "books.post", source: "cli" }, (trx, ctx) =>
            postEntry(trx, ctx, t.groupId, {
              businessDate: date,
              description: "p",
              // Keyed in as by hand: no business record, no member, behind these lines.
              cause: { type: "manual", id: "1" },
              lines,
            }),
          );
          for (const l of lines) posted.push({ account: l.account, minor: l.amount.minor, date });
        },
      ),
      { numRuns: 25 },
    );
    const names = new Map((await chartOf(db, actor, t.groupId)).map((a) => [a.id, a.fullName]));
    // On any date, each account's balance is the sum of its lines up to that date.
    for (const onDate of ["2026-02-28", "2026-03-10", "2026-03-14", "2026-12-31"]) {
      const expected = new Map<string, bigint>();
      for (const p of posted.filter((x) => x.date <= onDate))
        expected.set(p.account, (expected.get(p.account) ?? 0n) + p.minor);
      const rows = await trialBalance(db, actor, t.groupId, onDate);
      expect(rows.reduce((s, r) => s + r.balance, 0n)).toBe(0n);
      for (const [account, minor] of expected) {
        const found = rows.find((r) => r.account === names.get(account))?.balance;
        expect(found ?? 0n).toBe(minor);
      }
      expect(rows.length).toBe([...expected.values()].filter((m) => m !== 0n).length);
    }
    await expectBooksCoherent(db, t.rootId);
  });
});
