import { systemClock } from "@qadam/core/clock";
import { systemIds } from "@qadam/core/ids";
import { KZT, money } from "@qadam/core/money";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { executeCommand } from "../platform/commands.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { as, cliActor, type SeededTenant, type SeededUser, seedWorld, testApp } from "../testing/fixtures.js";
import { postEntry } from "./store.js";

interface AccountJson {
  id: string;
  code: string;
  fullName: string;
  status: string;
}

describeEachDatabase("books routes", (use) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let admin: SeededUser;
  let auditor: SeededUser;
  let bookkeeper: SeededUser;
  let otherOfficer: SeededUser;
  let partnerAdmin: SeededUser;
  let chart: AccountJson[];
  const id = (code: string) => chart.find((a) => a.code === code)?.id ?? "";

  beforeAll(async () => {
    const { db } = use();
    app = await testApp(use());
    ({ t, admin, auditor, bookkeeper, otherOfficer, partnerAdmin } = await seedWorld(db, "books-api"));
    const opened = await as(app, admin)({ method: "POST", url: `/api/v1/orgs/${t.mfoId}/books` });
    expect(opened.statusCode).toBe(201);
    chart = opened.json().items;
  });
  afterAll(async () => {
    await app.close();
  });

  const entry = (lines: Array<[string, string]>, extra: Record<string, unknown> = {}) => ({
    businessDate: "2026-01-15",
    description: "Capital paid in",
    lines: lines.map(([code, amount]) => ({ accountId: id(code), amount, currency: "KZT" })),
    ...extra,
  });
  const journalRows = async () =>
    Number(
      (
        await use()
          .db.selectFrom("journalEntries")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditRows = async () =>
    Number(
      (
        await use()
          .db.selectFrom("auditLog")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("opens the books once, from the template for the organisation's kind", async () => {
    expect(chart.find((a) => a.code === "132")).toMatchObject({
      fullName: "Assets:Loan portfolio:Group loans",
      status: "active",
    });
    const again = await as(app, admin)({ method: "POST", url: `/api/v1/orgs/${t.mfoId}/books`, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("BOOKS_ALREADY_OPEN");
    const listed = await as(app, auditor)({ method: "GET", url: `/api/v1/orgs/${t.mfoId}/accounts` });
    expect(listed.json().items).toEqual(chart);
    const none = await as(app, admin)({ method: "GET", url: `/api/v1/orgs/${t.groupId}/accounts` });
    expect(none.json()).toEqual({ items: [] });
    const federation = await as(
      app,
      admin,
    )({ method: "POST", url: `/api/v1/orgs/${t.rootId}/books`, payload: { template: "federation" } });
    expect(federation.statusCode).toBe(201);
    expect(federation.json().items.map((a: AccountJson) => a.fullName)).toContain("Equity:Revolving fund");
    const noBooks = await as(app, admin)({ method: "GET", url: `/api/v1/orgs/${t.groupId}/trial-balance` });
    expect(noBooks.statusCode).toBe(422);
    expect(noBooks.json().error.code).toBe("BOOKS_NOT_OPEN");
    await expectBooksCoherent(use().db, t.rootId);
  });

  it("adds, renames and closes accounts, with refusals in the user's language", async () => {
    const call = as(app, admin);
    const added = await call({
      method: "POST",
      url: `/api/v1/orgs/${t.mfoId}/accounts`,
      payload: { code: "121", name: "Halyk Bank", parentId: id("12") },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ code: "121", fullName: "Assets:Bank:Halyk Bank", type: "asset" });
    const renamed = await call({
      method: "PATCH",
      url: `/api/v1/accounts/${added.json().id}`,
      payload: { name: "Halyk Bank, current account" },
    });
    expect(renamed.json().fullName).toBe("Assets:Bank:Halyk Bank, current account");
    const taken = await call({
      method: "POST",
      url: `/api/v1/orgs/${t.mfoId}/accounts`,
      payload: { code: "121", name: "Kaspi", parentId: id("12") },
      headers: { "accept-language": "ru" },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({
      code: "ACCOUNT_CODE_TAKEN",
      message: "В плане счетов уже есть счёт с кодом 121.",
    });
    const top = await call({ method: "POST", url: `/api/v1/accounts/${id("1")}/close` });
    expect(top.json().error.code).toBe("ACCOUNT_TOP_LEVEL");
    const closed = await call({ method: "POST", url: `/api/v1/accounts/${added.json().id}/close` });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe("closed");
    const listed = await call({ method: "GET", url: `/api/v1/orgs/${t.mfoId}/accounts` });
    expect(listed.json().items.find((a: AccountJson) => a.code === "121")?.status).toBe("closed");
    const posting = await call({
      method: "POST",
      url: `/api/v1/orgs/${t.mfoId}/journal-entries`,
      payload: {
        ...entry([["11", "-1.00"]]),
        lines: [
          { accountId: id("11"), amount: "-1.00", currency: "KZT" },
          { accountId: added.json().id, amount: "1.00", currency: "KZT" },
        ],
      },
      headers: { "accept-language": "kk" },
    });
    expect(posting.json().error).toMatchObject({
      code: "ACCOUNT_CLOSED",
      message: "«Assets:Bank:Halyk Bank, current account» шоты жабық.",
    });
    await expectBooksCoherent(use().db, t.rootId);
  });

  it("posts manual entries, lists and shows them, and reverses one once", async () => {
    const call = as(app, admin);
    const capital = await call({
      method: "POST",
      url: `/api/v1/orgs/${t.mfoId}/journal-entries`,
      payload: entry([
        ["11", "200000.00"],
        ["31", "-200000.00"],
      ]),
    });
    expect(capital.statusCode).toBe(201);
    expect(capital.json()).toMatchObject({
      businessDate: "2026-01-15",
      cause: { type: "manual", id: admin.userId },
      postedBy: admin.userId,
      reversesId: null,
      reversedById: null,
      lines: [
        { lineNo: 1, account: "Assets:Cash", amount: "200000.00", currency: "KZT", memo: null },
        { lineNo: 2, account: "Equity:Capital", amount: "-200000.00", currency: "KZT", memo: null },
      ],
    });
    const expense = await call({
      method: "POST",
      url: `/api/v1/orgs/${t.mfoId}/journal-entries`,
      payload: {
        businessDate: "2026-02-10",
        description: "Stationery",
        lines: [
          { accountId: id("52"), amount: "1250.5", currency: "kzt", memo: "receipt 17" },
          { accountId: id("11"), amount: "-1250.50", currency: "KZT" },
        ],
      },
    });
    expect(expense.statusCode).toBe(201);
    expect(expense.json().lines[0]).toMatchObject({ amount: "1250.50", currency: "KZT", memo: "receipt 17" });

    const shown = await as(
      app,
      auditor,
    )({ method: "GET", url: `/api/v1/journal-entries/${capital.json().id}` });
    expect(shown.json()).toEqual(capital.json());

    const first = await call({ method: "GET", url: `/api/v1/orgs/${t.mfoId}/journal-entries?limit=1` });
    expect(first.json().items.map((e: { id: string }) => e.id)).toEqual([capital.json().id]);
    const second = await call({
      method: "GET",
      url: `/api/v1/orgs/${t.mfoId}/journal-entries?limit=1&cursor=${first.json().nextCursor}`,
    });
    expect(second.json().items.map((e: { id: string }) => e.id)).toEqual([expense.json().id]);
    const february = await call({
      method: "GET",
      url: `/api/v1/orgs/${t.mfoId}/journal-entries?from=2026-02-01&to=2026-02-28`,
    });
    expect(february.json()).toMatchObject({ items: [{ id: expense.json().id }], nextCursor: null });
    const backwards = await call({
      method: "GET",
      url: `/api/v1/orgs/${t.mfoId}/journal-entries?from=2026-02-28&to=2026-02-01`,
    });
    expect(backwards.json().error.code).toBe("PERIOD_INVALID");

    const reversed = await call({
      method: "POST",
      url: `/api/v1/journal-entries/${expense.json().id}/reverse`,
      payload: { businessDate: "2026-02-11", description: "Returned to the shop" },
    });
    expect(reversed.statusCode).toBe(201);
    expect(reversed.json()).toMatchObject({
      reversesId: expense.json().id,
      lines: [{ amount: "-1250.50" }, { amount: "1250.50" }],
    });
    const original = await call({ method: "GET", url: `/api/v1/journal-entries/${expense.json().id}` });
    expect(original.json().reversedById).toBe(reversed.json().id);
    const twice = await call({
      method: "POST",
      url: `/api/v1/journal-entries/${expense.json().id}/reverse`,
      payload: { businessDate: "2026-02-12", description: "again" },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("JOURNAL_ALREADY_REVERSED");
    await expectBooksCoherent(use().db, t.rootId);
  });

  it("refuses an unbalanced entry with JOURNAL_UNBALANCED and writes nothing", async () => {
    const [entries, audits] = [await journalRows(), await auditRows()];
    const res = await as(
      app,
      admin,
    )({
      method: "POST",
      url: `/api/v1/orgs/${t.mfoId}/journal-entries`,
      payload: entry([
        ["11", "100.00"],
        ["31", "-99.99"],
      ]),
      headers: { "accept-language": "ru" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: "JOURNAL_UNBALANCED",
      message: "Проводка не сбалансирована в KZT: расхождение 0,01\u00a0₸.",
    });
    expect([await journalRows(), await auditRows()]).toEqual([entries, audits]);
    await expectBooksCoherent(use().db, t.rootId);
  });

  it("refuses bad amounts and dates, and entries made for a business record", async () => {
    const call = as(app, admin);
    const post = (payload: unknown) =>
      call({ method: "POST", url: `/api/v1/orgs/${t.mfoId}/journal-entries`, payload: payload as object });
    const code = async (payload: unknown) => (await post(payload)).json().error.code;
    expect(
      await code(
        entry([
          ["11", "1.001"],
          ["31", "-1.001"],
        ]),
      ),
    ).toBe("INVALID_AMOUNT");
    expect(
      await code(
        entry([
          ["11", "1e3"],
          ["31", "-1000"],
        ]),
      ),
    ).toBe("INVALID_AMOUNT");
    expect(
      await code(
        entry([
          ["11", "9".repeat(30)],
          ["31", `-${"9".repeat(30)}`],
        ]),
      ),
    ).toBe("INVALID_AMOUNT");
    expect(await code({ ...entry([["11", "1"]]), lines: [] })).toBe("JOURNAL_EMPTY");
    expect(
      await code(
        entry(
          [
            ["11", "1"],
            ["31", "-1"],
          ],
          { businessDate: "2026-02-30" },
        ),
      ),
    ).toBe("INVALID_DATE");
    expect(
      await code(
        entry(
          [
            ["11", "1"],
            ["31", "-1"],
          ],
          { businessDate: "2019-12-31" },
        ),
      ),
    ).toBe("ORG_DATE_BEFORE_OPENING");
    expect(
      await code({
        ...entry([]),
        lines: [
          { accountId: id("11"), amount: "1", currency: "KZT" },
          { accountId: id("31"), amount: "-1", currency: "XYZ" },
        ],
      }),
    ).toBe("UNKNOWN_CURRENCY");

    const { db } = use();
    const loanEntry = await executeCommand(
      { db, clock: systemClock, ids: systemIds },
      { actor: cliActor(t), name: "books.post", source: "cli" },
      (trx, ctx) =>
        postEntry(trx, ctx, t.mfoId, {
          businessDate: "2026-01-20",
          description: "Loan disbursed",
          cause: { type: "loan", id: "L-1" },
          lines: [
            { account: id("131"), amount: money(5_000_000n, KZT) },
            { account: id("11"), amount: money(-5_000_000n, KZT) },
          ],
        }),
    );
    const reversal = await call({
      method: "POST",
      url: `/api/v1/journal-entries/${loanEntry.id}/reverse`,
      payload: { businessDate: "2026-01-21", description: "by hand" },
    });
    expect(reversal.statusCode).toBe(422);
    expect(reversal.json().error.code).toBe("JOURNAL_ENTRY_NOT_MANUAL");
    await expectBooksCoherent(use().db, t.rootId);
  });

  it("reports the trial balance, balance sheet, income statement, an account's balance and statement", async () => {
    const call = as(app, auditor);
    const trial = await call({ method: "GET", url: `/api/v1/orgs/${t.mfoId}/trial-balance?date=2026-12-31` });
    expect(trial.statusCode).toBe(200);
    const body = trial.json();
    expect(body.date).toBe("2026-12-31");
    expect(body.accounts).toContainEqual({
      accountId: id("11"),
      account: "Assets:Cash",
      balance: "150000.00",
      currency: "KZT",
    });
    // Cash 150,000 and a loan of 50,000 against capital of 200,000; the expense was reversed.
    expect(body.totals).toEqual([{ currency: "KZT", debit: "200000.00", credit: "200000.00" }]);
    const january = await call({
      method: "GET",
      url: `/api/v1/orgs/${t.mfoId}/trial-balance?date=2026-01-16`,
    });
    expect(
      january.json().accounts.find((a: { account: string }) => a.account === "Assets:Cash").balance,
    ).toBe("200000.00");
    const today = await call({ method: "GET", url: `/api/v1/orgs/${t.mfoId}/trial-balance` });
    expect(today.json().date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const sheet = await call({ method: "GET", url: `/api/v1/orgs/${t.mfoId}/balance-sheet?date=2026-12-31` });
    expect(sheet.json().lines).toContainEqual({
      accountId: id("1"),
      account: "Assets",
      type: "asset",
      amount: "200000.00",
      currency: "KZT",
    });
    expect(sheet.json().currentEarnings).toEqual([]);

    const income = await call({
      method: "GET",
      url: `/api/v1/orgs/${t.mfoId}/income-statement?from=2026-02-01&to=2026-02-10`,
    });
    expect(income.json()).toMatchObject({
      from: "2026-02-01",
      to: "2026-02-10",
      lines: [
        { account: "Expenses", type: "expense", amount: "1250.50" },
        { account: "Expenses:Operating expenses", amount: "1250.50" },
      ],
      result: [{ amount: "-1250.50", currency: "KZT" }],
    });
    const backwards = await call({
      method: "GET",
      url: `/api/v1/orgs/${t.mfoId}/income-statement?from=2026-03-01&to=2026-02-01`,
    });
    expect(backwards.json().error.code).toBe("PERIOD_INVALID");

    const assets = await call({ method: "GET", url: `/api/v1/accounts/${id("1")}/balance?date=2026-01-31` });
    expect(assets.json()).toEqual({
      accountId: id("1"),
      account: "Assets",
      date: "2026-01-31",
      balances: [{ amount: "200000.00", currency: "KZT" }],
    });
    const cash = await call({
      method: "GET",
      url: `/api/v1/accounts/${id("11")}/statement?from=2026-02-01&to=2026-02-28`,
    });
    expect(cash.json()).toMatchObject({
      account: "Assets:Cash",
      opening: [{ amount: "150000.00", currency: "KZT" }],
      lines: [
        { businessDate: "2026-02-10", description: "Stationery", amount: "-1250.50", balance: "148749.50" },
        {
          businessDate: "2026-02-11",
          description: "Returned to the shop",
          amount: "1250.50",
          balance: "150000.00",
        },
      ],
      closing: [{ amount: "150000.00", currency: "KZT" }],
    });
    await expectBooksCoherent(use().db, t.rootId);
  });

  it("answers 403 to an auditor's writes, and 404 to whoever cannot see the organisation", async () => {
    const writes = [
      { method: "POST", url: `/api/v1/orgs/${t.mfoId}/books`, payload: {} },
      {
        method: "POST",
        url: `/api/v1/orgs/${t.mfoId}/accounts`,
        payload: { code: "9", name: "X", parentId: id("1") },
      },
      { method: "PATCH", url: `/api/v1/accounts/${id("11")}`, payload: { name: "X" } },
      { method: "POST", url: `/api/v1/accounts/${id("17")}/close`, payload: {} },
      {
        method: "POST",
        url: `/api/v1/orgs/${t.mfoId}/journal-entries`,
        payload: entry([
          ["11", "1"],
          ["31", "-1"],
        ]),
      },
    ] as const;
    for (const w of writes) {
      const res = await as(app, auditor)({ ...w, payload: { ...w.payload } });
      expect({ url: w.url, status: res.statusCode, code: res.json().error.code }).toEqual({
        url: w.url,
        status: 403,
        code: "FORBIDDEN",
      });
    }
    const reads = [
      `/api/v1/orgs/${t.mfoId}/accounts`,
      `/api/v1/orgs/${t.mfoId}/journal-entries`,
      `/api/v1/orgs/${t.mfoId}/trial-balance`,
      `/api/v1/orgs/${t.mfoId}/balance-sheet`,
      `/api/v1/orgs/${t.mfoId}/income-statement`,
      `/api/v1/accounts/${id("11")}/balance`,
      `/api/v1/accounts/${id("11")}/statement`,
    ];
    // The group's bookkeeper and the other federation's officer do not see the MFO; nor does a partner.
    for (const outsider of [bookkeeper, otherOfficer, partnerAdmin]) {
      for (const url of reads) {
        const res = await as(app, outsider)({ method: "GET", url });
        expect({ url, status: res.statusCode, code: res.json().error.code }).toEqual({
          url,
          status: 404,
          code: "NOT_FOUND",
        });
      }
      for (const w of writes) {
        const res = await as(app, outsider)({ ...w, payload: { ...w.payload } });
        expect({ url: w.url, status: res.statusCode }).toEqual({ url: w.url, status: 404 });
      }
    }
    await expectBooksCoherent(use().db, t.rootId);
  });

  it("lets a group's bookkeeper keep her own group's books", async () => {
    const call = as(app, bookkeeper);
    const opened = await call({ method: "POST", url: `/api/v1/orgs/${t.groupId}/books` });
    expect(opened.statusCode).toBe(201);
    const groupChart: AccountJson[] = opened.json().items;
    const code = (c: string) => groupChart.find((a) => a.code === c)?.id ?? "";
    expect(groupChart.find((a) => a.code === "21")?.fullName).toBe("Liabilities:Members' savings");
    const key = "savings-2026-03-02";
    const payload = {
      businessDate: "2026-03-02",
      description: "Weekly savings",
      lines: [
        { accountId: code("11"), amount: "5000", currency: "KZT" },
        { accountId: code("21"), amount: "-5000", currency: "KZT" },
      ],
    };
    const first = await call({
      method: "POST",
      url: `/api/v1/orgs/${t.groupId}/journal-entries`,
      payload,
      key,
    });
    const replay = await call({
      method: "POST",
      url: `/api/v1/orgs/${t.groupId}/journal-entries`,
      payload,
      key,
    });
    expect(first.statusCode).toBe(201);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.json()).toEqual(first.json());
    const listed = await call({ method: "GET", url: `/api/v1/orgs/${t.groupId}/journal-entries` });
    expect(listed.json().items).toHaveLength(1);
    await expectBooksCoherent(use().db, t.rootId);
  });
});
