import type { Actor } from "@qadam/core/auth/actor";
import { systemClock } from "@qadam/core/clock";
import { systemIds } from "@qadam/core/ids";
import { currency, KZT, money } from "@qadam/core/money";
import { beforeAll, expect, it } from "vitest";
import { type CommandContext, executeCommand } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor, type SeededTenant, seedTenant, seedUser } from "../testing/fixtures.js";
import { accountCode, accountName, addAccount, closeAccount, findAccount, renameAccount } from "./chart.js";
import { type Account, chartOf, openBooks, postEntry, reverseEntry } from "./store.js";

const USD = currency("USD");

it("keeps account names to one line without the level separator, and codes short", () => {
  expect(accountName("  Petty \t cash\n")).toBe("Petty cash");
  for (const bad of ["", "   ", "Cash:box", "a\u0000b", "x".repeat(201)])
    expect(() => accountName(bad), bad).toThrow(expect.objectContaining({ code: "ACCOUNT_NAME_INVALID" }));
  expect(accountCode(" 111 ")).toBe("111");
  expect(accountCode("13.1-a_B")).toBe("13.1-a_B");
  for (const bad of ["", "1 1", ".1", "x".repeat(21), "١٢"])
    expect(() => accountCode(bad), bad).toThrow(expect.objectContaining({ code: "ACCOUNT_CODE_INVALID" }));
});

describeEachDatabase("editing a chart of accounts", (use) => {
  let db: Db;
  let t: SeededTenant;
  let actor: Actor;
  let chart: Account[];
  const code = (c: string) => {
    const account = chart.find((a) => a.code === c);
    if (!account) throw new Error(`no account ${c}`);
    return account;
  };
  const run = <T>(body: (trx: Db, ctx: CommandContext) => Promise<T>, as: Actor = actor) =>
    executeCommand(
      { db, clock: systemClock, ids: systemIds },
      { actor: as, name: "test", source: "cli" },
      body,
    );
  const post = (lines: Array<[string, bigint, string?]>, date = "2026-03-01") =>
    run((trx, ctx) =>
      postEntry(trx, ctx, t.mfoId, {
        businessDate: date,
        description: "test",
        cause: { type: "test", id: "1" },
        lines: lines.map(([id, minor, cur]) => ({ account: id, amount: money(minor, cur ?? KZT) })),
      }),
    );
  const auditRows = async () =>
    Number(
      (
        await db
          .selectFrom("auditLog")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    db = use().db;
    t = await seedTenant(db, "chart");
    actor = cliActor(t);
    chart = await run((trx, ctx) => openBooks(trx, ctx, t.mfoId));
  });

  it("refuses a posting to an account closed earlier in the same command, after posting to it there", async () => {
    const drawer = await run((trx, ctx) =>
      addAccount(trx, ctx, t.mfoId, { code: "115", name: "Drawer", parentId: code("11").id }),
    );
    const entry = (minor: bigint) => ({
      businessDate: "2026-03-01",
      description: "test",
      cause: { type: "test", id: "1" },
      lines: [
        { account: drawer.id, amount: money(minor, KZT) },
        { account: code("12").id, amount: money(-minor, KZT) },
      ],
    });
    await expect(
      run(async (trx, ctx) => {
        // The first postings find the drawer active; closing it in the same command must not be missed.
        await postEntry(trx, ctx, t.mfoId, entry(500n));
        await postEntry(trx, ctx, t.mfoId, entry(-500n));
        await closeAccount(trx, ctx, drawer.id);
        await postEntry(trx, ctx, t.mfoId, entry(1n));
      }),
    ).rejects.toMatchObject({ code: "ACCOUNT_CLOSED", params: { account: "Assets:Cash:Drawer" } });
    // The command wrote nothing: the drawer is still open and empty.
    expect((await chartOf(db, actor, t.mfoId)).find((a) => a.id === drawer.id)?.status).toBe("active");
    await expectBooksCoherent(db, t.rootId);
  });

  it("adds an account of its parent's type under it, and posts to it", async () => {
    const petty = await run((trx, ctx) =>
      addAccount(trx, ctx, t.mfoId, { code: "111", name: " Petty  cash ", parentId: code("11").id }),
    );
    expect(petty).toMatchObject({
      code: "111",
      name: "Petty cash",
      fullName: "Assets:Cash:Petty cash",
      type: "asset",
      parentId: code("11").id,
      status: "active",
      orgId: t.mfoId,
    });
    const fees = await run((trx, ctx) =>
      addAccount(trx, ctx, t.mfoId, { code: "421", name: "Appraisal fees", parentId: code("42").id }),
    );
    expect(fees.type).toBe("income");
    expect(await chartOf(db, actor, t.mfoId)).toContainEqual(petty);
    await post([
      [petty.id, 5_000n],
      [fees.id, -5_000n],
    ]);
    expect(await findAccount(db, actor, petty.id)).toEqual(petty);
    await expectBooksCoherent(db, t.rootId);
  });

  it("refuses a taken or malformed code, a bad or taken name, an unknown or closed parent, and books not open", async () => {
    const add = (input: { code: string; name: string; parentId: string }, orgId = t.mfoId) =>
      run((trx, ctx) => addAccount(trx, ctx, orgId, input));
    const before = await auditRows();
    await expect(add({ code: "11", name: "Another cash", parentId: code("1").id })).rejects.toMatchObject({
      code: "ACCOUNT_CODE_TAKEN",
      params: { code: "11" },
    });
    await expect(add({ code: "1 9", name: "Spaced", parentId: code("1").id })).rejects.toMatchObject({
      code: "ACCOUNT_CODE_INVALID",
    });
    await expect(add({ code: "19", name: " ", parentId: code("1").id })).rejects.toMatchObject({
      code: "ACCOUNT_NAME_INVALID",
    });
    await expect(add({ code: "19", name: "Cash:old", parentId: code("1").id })).rejects.toMatchObject({
      code: "ACCOUNT_NAME_INVALID",
    });
    await expect(add({ code: "19", name: "Bank", parentId: code("1").id })).rejects.toMatchObject({
      code: "ACCOUNT_NAME_TAKEN",
      params: { name: "Bank" },
    });
    await expect(add({ code: "19", name: "Safe", parentId: t.mfoId })).rejects.toMatchObject({
      code: "NOT_FOUND",
      params: { entity: "account" },
    });
    await expect(add({ code: "19", name: "Safe", parentId: code("1").id }, t.groupId)).rejects.toMatchObject({
      code: "BOOKS_NOT_OPEN",
    });
    const old = await add({ code: "18", name: "Old safe", parentId: code("1").id });
    await run((trx, ctx) => closeAccount(trx, ctx, old.id));
    await expect(add({ code: "181", name: "Drawer", parentId: old.id })).rejects.toMatchObject({
      code: "ACCOUNT_CLOSED",
      params: { account: "Assets:Old safe" },
    });
    // Two commands happened (adding and closing "Old safe"); none of the refusals left a trace.
    expect(await auditRows()).toBe(before + 2);
    await expectBooksCoherent(db, t.rootId);
  });

  it("renames an account, its children's full names following, but not onto a sibling's name", async () => {
    const portfolio = code("13");
    const renamed = await run((trx, ctx) =>
      renameAccount(trx, ctx, portfolio.id, { name: "Gross loan portfolio" }),
    );
    expect(renamed).toMatchObject({ name: "Gross loan portfolio", fullName: "Assets:Gross loan portfolio" });
    const after = await chartOf(db, actor, t.mfoId);
    expect(after.find((a) => a.code === "132")?.fullName).toBe("Assets:Gross loan portfolio:Group loans");
    await expect(
      run((trx, ctx) => renameAccount(trx, ctx, portfolio.id, { name: "Cash" })),
    ).rejects.toMatchObject({
      code: "ACCOUNT_NAME_TAKEN",
    });
    await expect(
      run((trx, ctx) => renameAccount(trx, ctx, portfolio.id, { name: "a:b" })),
    ).rejects.toMatchObject({
      code: "ACCOUNT_NAME_INVALID",
    });
    // Its own name again is no clash with itself.
    await run((trx, ctx) => renameAccount(trx, ctx, portfolio.id, { name: "Loan portfolio" }));
    await expectBooksCoherent(db, t.rootId);
  });

  it("closes an account only at a zero balance in every currency and with no open child, then refuses lines", async () => {
    const advances = code("22");
    const usd = await run((trx, ctx) =>
      addAccount(trx, ctx, t.mfoId, { code: "221", name: "Advances in dollars", parentId: advances.id }),
    );
    const posted = await post([
      [code("12").id, 10_000n, USD],
      [usd.id, -10_000n, USD],
      [code("12").id, 25_050n],
      [advances.id, -25_050n],
    ]);
    await expect(run((trx, ctx) => closeAccount(trx, ctx, advances.id))).rejects.toMatchObject({
      code: "ACCOUNT_HAS_CHILDREN",
      params: { account: "Liabilities:Client advances" },
    });
    await expect(run((trx, ctx) => closeAccount(trx, ctx, usd.id))).rejects.toMatchObject({
      code: "ACCOUNT_NOT_EMPTY",
      params: {
        account: "Liabilities:Client advances:Advances in dollars",
        balance: { minor: -10_000n, currency: "USD" },
      },
    });
    await expect(run((trx, ctx) => closeAccount(trx, ctx, code("2").id))).rejects.toMatchObject({
      code: "ACCOUNT_TOP_LEVEL",
    });

    // A zero balance reached on a later date is a zero balance: the reversal empties both accounts.
    await run((trx, ctx) =>
      reverseEntry(trx, ctx, posted.id, { businessDate: "2026-03-02", description: "undo" }),
    );
    const closed = await run((trx, ctx) => closeAccount(trx, ctx, usd.id));
    expect(closed.status).toBe("closed");
    await run((trx, ctx) => closeAccount(trx, ctx, advances.id));
    expect(
      (await chartOf(db, actor, t.mfoId)).filter((a) => a.status === "closed").map((a) => a.code),
    ).toEqual(expect.arrayContaining(["22", "221"]));
    await expect(
      post([
        [code("12").id, 1n, USD],
        [usd.id, -1n, USD],
      ]),
    ).rejects.toMatchObject({
      code: "ACCOUNT_CLOSED",
      params: { account: "Liabilities:Client advances:Advances in dollars" },
    });
    await expect(run((trx, ctx) => closeAccount(trx, ctx, usd.id))).rejects.toMatchObject({
      code: "ACCOUNT_CLOSED",
    });
    // A closed account can still be renamed, and its history stays readable.
    await run((trx, ctx) => renameAccount(trx, ctx, usd.id, { name: "Dollar advances (closed)" }));
    expect((await findAccount(db, actor, usd.id)).status).toBe("closed");
    await expectBooksCoherent(db, t.rootId);
  });

  it("answers 403 to a reader and 404 to another tenant, for every command", async () => {
    const auditor = (await seedUser(db, t.tenantId, t.rootId, "auditor")).actor;
    const other = await seedTenant(db, "chart-other");
    const stranger = (await seedUser(db, other.tenantId, other.rootId, "tenant_admin")).actor;
    const commands = [
      (trx: Db, ctx: CommandContext) =>
        addAccount(trx, ctx, t.mfoId, { code: "99", name: "Nope", parentId: code("1").id }),
      (trx: Db, ctx: CommandContext) => renameAccount(trx, ctx, code("11").id, { name: "Nope" }),
      (trx: Db, ctx: CommandContext) => closeAccount(trx, ctx, code("17").id),
    ];
    for (const command of commands) {
      await expect(run(command, auditor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(run(command, stranger)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(findAccount(db, stranger, code("11").id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      params: { entity: "account" },
    });
    await expect(findAccount(db, auditor, "not-an-id")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expectBooksCoherent(db, t.rootId);
  });

  it("never leaves a closed account with lines, whichever of a posting and a closing comes first", async () => {
    const gate = () => {
      let open = () => {};
      const opened = new Promise<void>((resolve) => {
        open = resolve;
      });
      return { opened, open };
    };
    const fresh = async (c: string) =>
      run((trx, ctx) =>
        addAccount(trx, ctx, t.mfoId, { code: c, name: `Race ${c}`, parentId: code("5").id }),
      );
    const pause = () => new Promise((resolve) => setTimeout(resolve, 150));
    const settled = (p: Promise<unknown>) =>
      p.then(
        () => new Error("expected a refusal"),
        (e: unknown) => e,
      );

    // A posting in flight, then a closing: the closing waits for it, sees its lines, and refuses.
    const first = await fresh("591");
    const posted = gate();
    const release = gate();
    const posting = run(async (trx, ctx) => {
      const entry = await postEntry(trx, ctx, t.mfoId, {
        businessDate: "2026-03-05",
        description: "race",
        cause: { type: "test", id: "race" },
        lines: [
          { account: first.id, amount: money(700n, KZT) },
          { account: code("11").id, amount: money(-700n, KZT) },
        ],
      });
      posted.open();
      await release.opened;
      return entry;
    });
    await posted.opened;
    // Settled into a value at once: a rejection with no handler yet, even for a moment, makes Node
    // warn (PromiseRejectionHandledWarning) and the test runner exit 1 with every test passed.
    const closing = settled(run((trx, ctx) => closeAccount(trx, ctx, first.id)));
    await pause();
    release.open();
    await posting;
    expect(await closing).toMatchObject({ code: "ACCOUNT_NOT_EMPTY" });

    // A closing in flight, then a posting: the posting waits for it, sees the account closed, and refuses.
    const second = await fresh("592");
    const closed = gate();
    const release2 = gate();
    const closing2 = run(async (trx, ctx) => {
      const account = await closeAccount(trx, ctx, second.id);
      closed.open();
      await release2.opened;
      return account;
    });
    await closed.opened;
    const posting2 = settled(
      post([
        [second.id, 700n],
        [code("11").id, -700n],
      ]),
    );
    await pause();
    release2.open();
    await closing2;
    expect(await posting2).toMatchObject({ code: "ACCOUNT_CLOSED" });
    const lines = await db
      .selectFrom("journalLines")
      .select("amount")
      .where("accountId", "=", second.id)
      .execute();
    expect(lines).toEqual([]);
    await expectBooksCoherent(db, t.rootId);
  });
});
