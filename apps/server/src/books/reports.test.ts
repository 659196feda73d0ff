import { systemClock } from "@qadam/core/clock";
import { systemIds } from "@qadam/core/ids";
import { KZT, money } from "@qadam/core/money";
import { expect, it } from "vitest";
import { executeCommand } from "../platform/commands.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor, seedTenant } from "../testing/fixtures.js";
import { accountBalance, accountStatement, balanceSheet, incomeStatement } from "./reports.js";
import { openBooks, postEntry } from "./store.js";

describeEachDatabase("reports on the books", (use) => {
  it("rolls accounts up, states an account, and balances the balance sheet", async () => {
    const { db } = use();
    const t = await seedTenant(db, "reports");
    const actor = cliActor(t);
    const deps = { db, clock: systemClock, ids: systemIds };
    const chart = await executeCommand(deps, { actor, name: "books.open", source: "cli" }, (trx, ctx) =>
      openBooks(trx, ctx, t.mfoId),
    );
    const id = (code: string) => chart.find((a) => a.code === code)?.id ?? "";
    const post = (date: string, lines: Array<[string, bigint]>) =>
      executeCommand(deps, { actor, name: "books.post", source: "cli" }, (trx, ctx) =>
        postEntry(trx, ctx, t.mfoId, {
          businessDate: date,
          description: `entry ${date}`,
          cause: { type: "test", id: date },
          lines: lines.map(([code, minor]) => ({ account: id(code), amount: money(minor, KZT) })),
        }),
      );
    await post("2026-01-01", [
      ["11", 20_000_000n],
      ["31", -20_000_000n],
    ]); // capital paid in
    await post("2026-01-15", [
      ["132", 10_000_000n],
      ["11", -10_000_000n],
    ]); // loan disbursed
    await post("2026-01-15", [
      ["11", 200_000n],
      ["42", -200_000n],
    ]); // fee at disbursement
    await post("2026-02-16", [
      ["11", 945_596n],
      ["132", -745_596n],
      ["41", -200_000n],
    ]); // repayment
    await post("2026-02-20", [
      ["52", 50_000n],
      ["11", -50_000n],
    ]); // an expense

    const assets = await accountBalance(db, actor, t.mfoId, id("1"), "2026-12-31");
    expect(assets.get(KZT)).toBe(
      20_000_000n - 10_000_000n + 200_000n + 945_596n - 50_000n + 10_000_000n - 745_596n,
    );
    const portfolio = await accountBalance(db, actor, t.mfoId, id("13"), "2026-01-31");
    expect(portfolio.get(KZT)).toBe(10_000_000n);

    const statement = await accountStatement(db, actor, t.mfoId, id("11"), {
      from: "2026-02-01",
      to: "2026-02-28",
    });
    expect(statement.opening.get(KZT)).toBe(10_200_000n);
    expect(statement.lines.map((l) => [l.businessDate, l.amount, l.balance])).toEqual([
      ["2026-02-16", 945_596n, 11_145_596n],
      ["2026-02-20", -50_000n, 11_095_596n],
    ]);

    const income = await incomeStatement(db, actor, t.mfoId, { from: "2026-01-01", to: "2026-12-31" });
    expect(income.result.get(KZT)).toBe(200_000n + 200_000n - 50_000n);
    expect(income.lines.find((l) => l.account === "Income:Interest income")?.amount).toBe(200_000n);
    const february = await incomeStatement(db, actor, t.mfoId, { from: "2026-02-01", to: "2026-02-28" });
    expect(february.result.get(KZT)).toBe(150_000n);

    const sheet = await balanceSheet(db, actor, t.mfoId, "2026-12-31");
    const top = (name: string) => sheet.lines.find((l) => l.account === name)?.amount ?? 0n;
    expect(top("Assets")).toBe(top("Liabilities") + top("Equity") + (sheet.currentEarnings.get(KZT) ?? 0n));
    await expectBooksCoherent(db, t.rootId);
  });
});
