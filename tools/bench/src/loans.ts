// Issue #3's figures: repayments posted per second through the loan engine (allocation + journal entry
// + loan update; one transaction each, and batched), beside what raw better-sqlite3 does writing the
// same rows; PAR30 over a million loans; and the trial balance of 100,000 journal entries beside
// ledger's and hledger's balance reports of the same journal exported.
import { execFileSync } from "node:child_process";
import { closeSync, copyFileSync, fsyncSync, openSync, rmSync, writeFileSync } from "node:fs";
import type { Actor } from "@qadam/core/auth/actor";
import { formatLedgerJournal } from "@qadam/core/books/ledger-format";
import { addDays, fixedClock } from "@qadam/core/clock";
import { systemIds } from "@qadam/core/ids";
import { ratioText } from "@qadam/core/loans/arrears";
import { productSpec } from "@qadam/core/loans/product-spec";
import { KZT, type Money, money, parseAmount } from "@qadam/core/money";
import { journalForExport, openBooks, trialBalance } from "@qadam/server/books/store";
import { operatorOf } from "@qadam/server/cli/operator";
import { applyForLoan, createProduct, decide, disburse, repay } from "@qadam/server/loans/commands";
import { portfolioAtRiskFor } from "@qadam/server/loans/queries";
import { liveInstallments } from "@qadam/server/loans/store";
import { type CommandContext, executeCommand } from "@qadam/server/platform/commands";
import { dialectOf } from "@qadam/server/platform/db/column-types";
import type { Db } from "@qadam/server/platform/db/database";
import { configureSqlite, openDatabase } from "@qadam/server/platform/db/database";
import SQLite from "better-sqlite3";
import { sql } from "kysely";

const clock = fixedClock(new Date("2027-12-31T06:00:00Z"));

interface World {
  db: Db;
  actor: Actor;
  mfoId: string;
  rootId: string;
  run<T>(name: string, body: (trx: Db, ctx: CommandContext) => Promise<T>): Promise<T>;
}

async function world(db: Db): Promise<World> {
  const actor = await operatorOf(db, "moldir");
  const run = <T>(name: string, body: (trx: Db, ctx: CommandContext) => Promise<T>) =>
    executeCommand({ db, clock, ids: systemIds }, { actor, name, source: "cli" }, body);
  const mfo = await db
    .selectFrom("organisations")
    .select(["id"])
    .where("tenantId", "=", actor.tenantId)
    .where("kind", "=", "mfo")
    .executeTakeFirstOrThrow();
  const root = await db
    .selectFrom("organisations")
    .select("id")
    .where("tenantId", "=", actor.tenantId)
    .where("parentId", "is", null)
    .executeTakeFirstOrThrow();
  const open = await db.selectFrom("accounts").select("id").where("orgId", "=", mfo.id).executeTakeFirst();
  if (!open) await run("books.open", (trx, ctx) => openBooks(trx, ctx, mfo.id));
  return { db, actor, mfoId: mfo.id, rootId: root.id, run };
}

/** Pages of the write-ahead log a repayment commit writes on SQLite, over this many first repayments. */
const PAGED_REPAYMENTS = 200;

/** WAL frames (pages) written by `body`, with no checkpoint meanwhile; null on PostgreSQL. */
async function walPages(db: Db, body: () => Promise<void>): Promise<number | null> {
  if (dialectOf(db) !== "sqlite") {
    await body();
    return null;
  }
  const auto = (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]
    ?.wal_autocheckpoint;
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  await sql`pragma wal_autocheckpoint = 0`.execute(db);
  try {
    await body();
    const frames = (await sql<{ log: number }>`pragma wal_checkpoint(PASSIVE)`.execute(db)).rows[0]?.log;
    return frames ?? null;
  } finally {
    await sql.raw(`pragma wal_autocheckpoint = ${Number(auto ?? 1000)}`).execute(db);
  }
}

/**
 * Copies a file and waits until the copy is on disk: a copy left for the kernel to write back would
 * be written during the next timed run, and slow it.
 */
export function copyDurably(from: string, to: string): void {
  copyFileSync(from, to);
  const fd = openSync(to, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes every file's pending pages to disk (sync(1)) before a timed run, engine's and floor's alike:
 * one-transaction-each runs are bound by the checkpoints' syncs, which would otherwise also write
 * what the run before left for the kernel, and a run would be slowed by whatever preceded it.
 */
function settleDisk(): void {
  execFileSync("sync");
}

/** A statement as the engine ran it: its text, whether it reads, and the values bound. */
type RanStatement = [text: string, reader: boolean, values: unknown];

/**
 * Runs `body` with every statement better-sqlite3 runs (any connection) written down, in order. For
 * the bench only: the record costs a little, so it is kept out of the timed runs.
 */
async function recordStatements(body: () => Promise<void>): Promise<RanStatement[]> {
  const probe = new SQLite(":memory:");
  const proto = Object.getPrototypeOf(probe.prepare("select 1")) as Record<
    "run" | "all" | "get",
    (this: SQLite.Statement, ...args: unknown[]) => unknown
  >;
  probe.close();
  const ran: RanStatement[] = [];
  const originals = { run: proto.run, all: proto.all, get: proto.get };
  for (const name of ["run", "all", "get"] as const) {
    const original = originals[name];
    proto[name] = function (this: SQLite.Statement, ...args: unknown[]) {
      ran.push([this.source, this.reader, args.length === 1 ? args[0] : args]);
      return original.apply(this, args);
    };
  }
  try {
    await body();
  } finally {
    Object.assign(proto, originals);
  }
  return ran;
}

/**
 * The same statements run again, by hand, on a copy of the database as it was before them: each
 * prepared once beforehand, rows read as arrays, no code between them. No code issuing the engine's
 * statements can go faster; the engine's rate over this one is the cost of its code.
 */
function replayStatements(file: string, ran: readonly RanStatement[], repayments: number): number {
  const db = new SQLite(file);
  configureSqlite(db, false);
  const statements = new Map<string, SQLite.Statement>();
  for (const [text, reader] of ran)
    if (!statements.has(text)) {
      const statement = db.prepare(text);
      if (reader) statement.raw(true);
      statements.set(text, statement);
    }
  const started = performance.now();
  for (const [text, reader, values] of ran) {
    const statement = statements.get(text) as SQLite.Statement;
    if (reader) statement.all(values);
    else statement.run(values);
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return Math.round(repayments / seconds);
}

/** Each repayment in turn, in the command's one transaction. */
async function repayAll(
  trx: Db,
  ctx: CommandContext,
  slice: ReadonlyArray<{ id: string; on: string; amount: Money }>,
): Promise<void> {
  for (const p of slice)
    await repay(trx, ctx, p.id, { on: p.on, amount: p.amount, channel: "cash", overpayment: "refuse" });
}

export interface EngineRepayments {
  loans: number;
  repayments: number;
  perSecond: number;
  /** Processor time per repayment, this process's (on SQLite, the database's work too), in µs. */
  cpuMicrosecondsEach: number;
  batch: number;
  walPagesPerCommit: number | null;
  /** SQLite, when asked: the statements the timed repayments ran, per repayment. */
  statementsPerRepayment?: number;
  /** SQLite, when asked: the rate of those same statements replayed by hand (replayStatements). */
  statementsReplayedPerSecond?: number;
}

/**
 * Repayments per second through the engine: `loans` loans repaid installment by installment, each
 * installment in `parts` payments on its due date (the last PAGED_REPAYMENTS one transaction each,
 * counting the WAL pages each commit writes; the others timed). With one loan in many parts, every
 * repayment goes to one loan, as in the floor's own run (rawSchemaRepayments). `replay` (SQLite):
 * the timed repayments are run again on a copy of the database as it was before them, their
 * statements recorded, and those statements replayed by hand on another copy.
 */
export async function engineRepayments(
  databaseUrl: string,
  loans: number,
  batch: number,
  options: { parts?: number; replay?: boolean } = {},
): Promise<EngineRepayments> {
  const parts = options.parts ?? 1;
  const open = await openDatabase(databaseUrl);
  const file = open.sqliteFile;
  const replay = options.replay === true && file !== null;
  const work: Array<{ id: string; on: string; amount: Money }> = [];
  let result: EngineRepayments;
  try {
    const w = await world(open.db);
    const productId = await w.run("product", (trx, ctx) =>
      createProduct(
        trx,
        ctx,
        w.mfoId,
        productSpec.parse({
          name: `Bench ${batch} ${Date.now()}`,
          minPrincipal: "10000",
          maxPrincipal: "5000000",
          minInstallments: 3,
          maxInstallments: 24,
          frequency: "monthly",
          annualRatePercent: "24",
        }),
      ),
    );
    const people = await open.db
      .selectFrom("persons")
      .select("id")
      .where("tenantId", "=", w.actor.tenantId)
      .limit(loans)
      .execute();
    const ids: string[] = [];
    for (let k = 0; k < loans; k++) {
      const personId = people[k % people.length]?.id ?? "";
      const id = await w.run("apply", (trx, ctx) =>
        applyForLoan(trx, ctx, {
          productId,
          borrower: { type: "person", personId },
          principal: parseAmount("120000", KZT),
          installments: 12,
          firstDueOn: "2026-02-15",
          appliedOn: "2026-01-10",
        }),
      );
      await w.run("approve", (trx, ctx) => decide(trx, ctx, id, { approve: true, on: "2026-01-12" }));
      await w.run("disburse", (trx, ctx) => disburse(trx, ctx, id, { on: "2026-01-15", channel: "cash" }));
      ids.push(id);
    }
    // Each installment paid on its due date, in `parts` payments (the last takes what the others leave).
    for (const id of ids) {
      for (const i of await liveInstallments(open.db, id)) {
        const due = i.principal + i.interest + i.fee;
        const part = due / BigInt(parts);
        for (let p = 1; p <= parts; p++)
          work.push({
            id,
            on: i.dueDate,
            amount: money(p < parts ? part : due - part * BigInt(parts - 1), KZT),
          });
      }
    }
    // In date order; a stable sort keeps each installment's parts in turn.
    work.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    const post = (slice: typeof work) => w.run("loan.repay", (trx, ctx) => repayAll(trx, ctx, slice));
    // The last repayments count the WAL's pages, after the timed ones: counting them empties the WAL
    // and lets it grow unchecked, which would slow whatever came next.
    const paged = work.splice(work.length - PAGED_REPAYMENTS);
    // The database as it is before the timed repayments, for their replay: the file and its WAL, as
    // they are (no checkpoint: a WAL emptied here would have the timed run grow it again).
    if (replay) for (const suffix of ["", "-wal"]) copyDurably(`${file}${suffix}`, `${file}.before${suffix}`);
    settleDisk();
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let k = 0; k < work.length; k += batch) await post(work.slice(k, k + batch));
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const pages = await walPages(open.db, async () => {
      for (const p of paged) await post([p]);
    });
    result = {
      loans,
      repayments: work.length,
      perSecond: Math.round(work.length / seconds),
      cpuMicrosecondsEach: Math.round((used.user + used.system) / work.length),
      batch,
      walPagesPerCommit: pages === null ? null : Number((pages / paged.length).toFixed(1)),
    };
  } finally {
    await open.close();
  }
  if (!replay) return result;
  const before = `${file}.before`;
  const recorded = `${file}.recorded`;
  const replayed = `${file}.replayed`;
  try {
    for (const suffix of ["", "-wal"]) {
      copyFileSync(`${before}${suffix}`, `${recorded}${suffix}`);
      copyFileSync(`${before}${suffix}`, `${replayed}${suffix}`);
    }
    const again = await openDatabase(`sqlite:${recorded}`);
    let ran: RanStatement[];
    try {
      const actor = await operatorOf(again.db, "moldir");
      const post = (slice: typeof work) =>
        executeCommand(
          { db: again.db, clock, ids: systemIds },
          { actor, name: "loan.repay", source: "cli" },
          (trx, ctx) => repayAll(trx, ctx, slice),
        );
      ran = await recordStatements(async () => {
        for (let k = 0; k < work.length; k += batch) await post(work.slice(k, k + batch));
      });
    } finally {
      await again.close();
    }
    return {
      ...result,
      statementsPerRepayment: Number((ran.length / work.length).toFixed(1)),
      statementsReplayedPerSecond: replayStatements(replayed, ran, work.length),
    };
  } finally {
    for (const f of [before, recorded, replayed])
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${f}${suffix}`, { force: true });
  }
}

/** The same rows written by hand with better-sqlite3 prepared statements: an entry, its 3 lines, a loan update. */
export function rawSqliteRepayments(
  file: string,
  count: number,
  batch: number,
): { perSecond: number; batch: number } {
  const db = new SQLite(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec(`
    drop table if exists e; drop table if exists l; drop table if exists loan;
    create table e (id text primary key, org_id text, business_date text, description text, cause_type text, cause_id text, posted_at text);
    create table l (entry_id text, line_no integer, account_id text, business_date text, currency text, amount integer, primary key (entry_id, line_no));
    create table loan (id text primary key, principal_outstanding integer, version integer);
    insert into loan values ('L', 1000000000000, 0);`);
  const insE = db.prepare(
    "insert into e values (?, 'org', '2026-02-16', 'Loan repayment', 'loan', 'L', '2026-02-16T00:00:00Z')",
  );
  const insL = db.prepare("insert into l values (?, ?, ?, '2026-02-16', 'KZT', ?)");
  const upd = db.prepare(
    "update loan set principal_outstanding = principal_outstanding - ?, version = version + 1 where id = 'L'",
  );
  const one = (k: number) => {
    const id = `entry-${k}`;
    insE.run(id);
    insL.run(id, 1, "cash", 945_596);
    insL.run(id, 2, "portfolio", -745_596);
    insL.run(id, 3, "interest", -200_000);
    upd.run(745_596);
  };
  const many = db.transaction((from: number, to: number) => {
    for (let k = from; k < to; k++) one(k);
  });
  const started = performance.now();
  for (let k = 0; k < count; k += batch) many(k, Math.min(count, k + batch));
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { perSecond: Math.round(count / seconds), batch };
}

/**
 * Raw better-sqlite3 writing into Qadam's own tables (their indexes and foreign keys), with statements
 * prepared by hand: "entry" writes what the bare measurement above writes (an entry, its 3 lines and
 * the loan update); "engine" adds every other row a repayment through the engine writes (the
 * transaction, 2 allocations, 3 daily totals, the installment update, the audit record). This is
 * the floor the schema sets for the engine, whatever the code above it. Every repayment goes to one
 * loan, unless `overLoans` is given: then they go to the last that many loans made, each in turn,
 * as the engine's repayments of its loans in date order do (a batch touches as many loans' rows,
 * index entries and pages as the engine's does).
 */
export function rawSchemaRepayments(
  file: string,
  count: number,
  batch: number,
  rows: "entry" | "engine",
  overLoans = 1,
): { perSecond: number; batch: number; rows: string; loans: number; walPagesPerCommit: number } {
  const db = new SQLite(file);
  // Qadam's own settings, as the engine's connection has them.
  configureSqlite(db, false);
  const loans = (
    db
      .prepare(
        overLoans === 1
          ? "select id, tenant_id, org_id from loans where disbursed_on is not null limit 1"
          : "select id, tenant_id, org_id from loans where disbursed_on is not null order by id desc limit ?",
      )
      .all(...(overLoans === 1 ? [] : [overLoans])) as Array<{
      id: string;
      tenant_id: string;
      org_id: string;
    }>
  ).reverse();
  const loan = loans[0];
  if (!loan) throw new Error("no loan disbursed to repay");
  const account = (code: string) =>
    (
      db.prepare("select id from accounts where org_id = ? and code = ?").get(loan.org_id, code) as {
        id: string;
      }
    ).id;
  const [cash, portfolio, interest] = [account("11"), account("131"), account("41")];
  const user = (db.prepare("select id from users limit 1").get() as { id: string }).id;
  const firstInstallment = db.prepare("select plan, number from loan_installments where loan_id = ? limit 1");
  const lastSeq = db.prepare("select max(seq) as s from loan_transactions where loan_id = ?");
  // The accounts are the first loan's lender's: the others repaid are of the same lender.
  const repaid = loans
    .filter((l) => l.org_id === loan.org_id)
    .map((l) => ({
      ...l,
      installment: firstInstallment.get(l.id) as { plan: number; number: number },
      seq: (lastSeq.get(l.id) as { s: number }).s,
    }));
  const insE =
    db.prepare(`insert into journal_entries (id, tenant_id, org_id, business_date, description, cause_type,
    cause_id, reverses_id, posted_at, posted_by) values (?, ?, ?, ?, 'Loan repayment', 'loan', ?, null, ?, ?)`);
  const insL =
    db.prepare(`insert into journal_lines (tenant_id, entry_id, line_no, org_id, account_id, business_date,
    currency, amount, memo) values (?, ?, ?, ?, ?, ?, 'KZT', ?, null)`);
  const updLoan = db.prepare(`update loans set principal_outstanding = principal_outstanding,
    last_activity_on = ?, version = version + 1 where id = ?`);
  const insT =
    db.prepare(`insert into loan_transactions (id, tenant_id, loan_id, seq, kind, value_date, amount, advance,
    entry_id, reverses_id, replaces_id, channel, note, recorded_at, recorded_by)
    values (?, ?, ?, ?, 'repayment', ?, 945596, 0, ?, null, null, 'cash', null, ?, ?)`);
  const insA =
    db.prepare(`insert into loan_allocations (tenant_id, transaction_id, loan_id, plan, number, component,
    value_date, amount) values (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insD =
    db.prepare(`insert into account_daily_balances (tenant_id, org_id, account_id, currency, business_date, amount)
    values (?, ?, ?, 'KZT', ?, ?) on conflict (account_id, currency, business_date) do update set amount = amount + excluded.amount`);
  const updI = db.prepare(
    "update loan_installments set principal_paid = principal_paid where loan_id = ? and plan = ? and number = ?",
  );
  const insAudit =
    db.prepare(`insert into audit_log (id, tenant_id, user_id, at, command, records, idempotency_key, source)
    values (?, ?, ?, ?, 'loan.repay', '[]', null, 'cli')`);
  const at = "2027-12-31T06:00:00.000Z";
  const lines: Array<[string, number]> = [
    [cash, 945_596],
    [portfolio, -745_596],
    [interest, -200_000],
  ];
  const one = (k: number) => {
    const loan = repaid[k % repaid.length] as (typeof repaid)[number];
    const installment = loan.installment;
    // Dates rise through a year, as in the engine's run (repayments in date order).
    const day = addDays("2027-01-01", Math.floor((k * 365) / count));
    const entry = systemIds.next();
    insE.run(entry, loan.tenant_id, loan.org_id, day, loan.id, at, user);
    lines.forEach(([accountId, amount], i) => {
      insL.run(loan.tenant_id, entry, i + 1, loan.org_id, accountId, day, amount);
    });
    updLoan.run(day, loan.id);
    if (rows === "entry") return;
    const transaction = systemIds.next();
    loan.seq += 1;
    insT.run(transaction, loan.tenant_id, loan.id, loan.seq, day, entry, at, user);
    insA.run(
      loan.tenant_id,
      transaction,
      loan.id,
      installment.plan,
      installment.number,
      "interest",
      day,
      200_000,
    );
    insA.run(
      loan.tenant_id,
      transaction,
      loan.id,
      installment.plan,
      installment.number,
      "principal",
      day,
      745_596,
    );
    for (const [accountId, amount] of lines) insD.run(loan.tenant_id, loan.org_id, accountId, day, amount);
    updI.run(loan.id, installment.plan, installment.number);
    insAudit.run(systemIds.next(), loan.tenant_id, user, at);
  };
  const many = db.transaction((from: number, to: number) => {
    for (let k = from; k < to; k++) one(k);
  });
  settleDisk();
  const started = performance.now();
  for (let k = 0; k < count; k += batch) many(k, Math.min(count, k + batch));
  const seconds = (performance.now() - started) / 1000;
  // Then the WAL pages of PAGED_REPAYMENTS commits of one repayment each, with no checkpoint meanwhile.
  const auto = db.pragma("wal_autocheckpoint", { simple: true }) as number;
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.pragma("wal_autocheckpoint = 0");
  for (let k = count; k < count + PAGED_REPAYMENTS; k++) many(k, k + 1);
  const frames = (db.pragma("wal_checkpoint(PASSIVE)") as Array<{ log: number }>)[0]?.log ?? 0;
  db.pragma(`wal_autocheckpoint = ${auto}`);
  db.close();
  const what =
    rows === "entry"
      ? "an entry, its 3 lines and the loan update"
      : "every row the engine writes: entry, 3 lines, loan, transaction, 2 allocations, 3 daily totals, installment, audit";
  return {
    perSecond: Math.round(count / seconds),
    batch,
    rows: what,
    loans: repaid.length,
    walPagesPerCommit: Number((frames / PAGED_REPAYMENTS).toFixed(1)),
  };
}

/** PAR30 over `count` loans inserted in one statement, timed over the query the API runs. */
export async function parOverLoans(
  databaseUrl: string,
  count: number,
): Promise<{ loans: number; seconds: number; par30: string }> {
  const open = await openDatabase(databaseUrl);
  try {
    const w = await world(open.db);
    const product = await open.db
      .selectFrom("loanProducts")
      .select("id")
      .where("orgId", "=", w.mfoId)
      .executeTakeFirstOrThrow();
    const person = await open.db
      .selectFrom("persons")
      .select("id")
      .where("tenantId", "=", w.actor.tenantId)
      .executeTakeFirstOrThrow();
    const pg = open.dialect === "postgres";
    // Principal 100 000–1 000 000; a tenth in arrears since 1–200 days before 1 Nov 2026.
    const id = pg ? sql`(md5(i::text || 'par'))::uuid` : sql`printf('%08x-0000-7000-8000-%012x', i, i)`;
    const arrears = pg
      ? sql`case when i % 10 = 0 then (date '2026-11-01' - (i % 200 + 1))::date else null end`
      : sql`case when i % 10 = 0 then date('2026-11-01', '-' || (i % 200 + 1) || ' days') else null end`;
    const series = pg
      ? sql`generate_series(1, ${count}) as s(i)`
      : sql`(with recursive n(i) as (select 1 union all select i + 1 from n where i < ${count}) select i from n)`;
    await sql`insert into loans (id, tenant_id, org_id, product_id, borrower_type, borrower_id, currency, principal, installments,
        first_due_on, disbursed_on, purpose, spec, status, applied_on, created_by, created_at, decided_by, decided_on, decision_note,
        principal_outstanding, arrears_since, last_activity_on, advance, penalty_through, plan, written_off_on, written_off, recovered, closed_on, version)
      select ${id}, ${w.actor.tenantId}, ${w.mfoId}, ${product.id}, 'person', ${person.id}, 'KZT', 100000000, 12,
        ${"2026-02-15"}, ${"2026-01-15"}, null, '{}', 'active', ${"2026-01-10"}, null, ${"2026-01-10T00:00:00Z"}, null, null, null,
        (i % 10 + 1) * 10000000, ${arrears}, ${"2026-10-15"}, 0, null, 1, null, 0, 0, null, 1
      from ${series}`.execute(open.db);
    // A server vacuums after a bulk load (autovacuum would); index-only scans need the visibility map.
    if (pg) await sql`vacuum analyze loans`.execute(open.db);
    const started = performance.now();
    const [report] = await portfolioAtRiskFor(open.db, w.actor, w.rootId, "2026-11-01");
    const seconds = (performance.now() - started) / 1000;
    const ratio = report ? ratioText(report.atRisk.par30, report.portfolio) : "0.000000";
    return { loans: report?.loans ?? 0, seconds: Math.round(seconds * 1000) / 1000, par30: ratio };
  } finally {
    await open.close();
  }
}

/** Our trial balance of `count` entries against ledger's and hledger's balance reports of the journal exported. */
export async function trialBalanceVersusLedger(databaseUrl: string, count: number, ledgerFile: string) {
  const open = await openDatabase(databaseUrl);
  try {
    const w = await world(open.db);
    const accounts = await open.db
      .selectFrom("accounts")
      .select(["id", "code"])
      .where("orgId", "=", w.mfoId)
      .execute();
    const acc = (code: string) => accounts.find((a) => a.code === code)?.id ?? "";
    const series = sql`(with recursive n(i) as (select 1 union all select i + 1 from n where i < ${count}) select i from n)`;
    const day = sql`date('2026-01-01', '+' || (i % 300) || ' days')`;
    await sql`insert into journal_entries (id, tenant_id, org_id, business_date, description, cause_type, cause_id, reverses_id, posted_at, posted_by)
      select printf('%08x-0000-7000-9000-%012x', i, i), ${w.actor.tenantId}, ${w.mfoId}, ${day}, 'Repayment ' || i, 'bench', i, null, '2026-01-01T00:00:00Z', null from ${series}`.execute(
      open.db,
    );
    for (const [no, code, amount] of [
      [1, "11", sql`(i % 997 + 1) * 1000`],
      [2, "131", sql`-(i % 997 + 1) * 800`],
      [3, "41", sql`-(i % 997 + 1) * 200`],
    ] as const) {
      await sql`insert into journal_lines (tenant_id, entry_id, line_no, org_id, account_id, business_date, currency, amount, memo)
        select ${w.actor.tenantId}, printf('%08x-0000-7000-9000-%012x', i, i), ${no}, ${w.mfoId}, ${acc(code)}, ${day}, 'KZT', ${amount}, null from ${series}`.execute(
        open.db,
      );
    }
    // The daily totals postEntry keeps, built for the rows inserted by hand here.
    await sql`insert into account_daily_balances (tenant_id, org_id, account_id, currency, business_date, amount)
      select tenant_id, org_id, account_id, currency, business_date, sum(amount) from journal_lines
      where org_id = ${w.mfoId} group by tenant_id, org_id, account_id, currency, business_date`.execute(
      open.db,
    );
    const started = performance.now();
    const ours = await trialBalance(open.db, w.actor, w.mfoId, "2026-12-31");
    const oursSeconds = (performance.now() - started) / 1000;
    writeFileSync(ledgerFile, formatLedgerJournal(await journalForExport(open.db, w.actor, w.mfoId)));
    const round = (x: number) => Math.round(x * 1000) / 1000;
    /** The wall time of an accounting tool's balance report of the same journal, or why there is none. */
    const tool = (command: string, args: string[]) => {
      try {
        const t0 = performance.now();
        execFileSync(command, ["-f", ledgerFile, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
        const seconds = (performance.now() - t0) / 1000;
        return { seconds: round(seconds), timesFaster: Math.round((seconds / oursSeconds) * 10) / 10 };
      } catch {
        return `${command} not installed`;
      }
    };
    return {
      entries: count,
      accounts: ours.length,
      seconds: round(oursSeconds),
      ledger: tool("ledger", ["balance", "--flat"]),
      hledger: tool("hledger", ["balance", "--flat", "-N", "-O", "csv"]),
    };
  } finally {
    await open.close();
  }
}
