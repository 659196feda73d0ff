import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterEach, describe, expect, inject, it } from "vitest";
import { applyForLoan, decide, disburse, repay } from "../../../loans/index.js";
import { kzt, loanWorld } from "../../../loans/testing.js";
import { dialectOf } from "../column-types.js";
import { type OpenDatabase, openDatabase } from "../database.js";
import { migrateToLatest } from "../migrate.js";
import { DATABASES, type TestDatabase } from "../testing.js";
import { down, LEANER_TABLES, up } from "./0010_append_only_without_rowid.js";

/**
 * A fresh database with today's schema (a new PostgreSQL schema), its append-only tables taken back to
 * ordinary rowid tables by 0010's `down` once it holds data: the state 0010 met on a real database,
 * with the columns that later migrations added (today's code writes them).
 */
async function openFresh(target: TestDatabase): Promise<OpenDatabase> {
  const schema =
    target.name === "postgres" ? `qadam_m_${process.pid}_${randomBytes(4).toString("hex")}` : null;
  const open = await openDatabase(target.url, schema ? { schema, poolSize: 2 } : {});
  await migrateToLatest(open.db);
  if (!schema) return open;
  return {
    ...open,
    async close() {
      await open.close();
      const cleanup = await openDatabase(target.url);
      await sql`drop schema ${sql.id(schema)} cascade`.execute(cleanup.db);
      await cleanup.close();
    },
  };
}

for (const target of DATABASES)
  describe.skipIf(target.name === "postgres" && !inject("postgresAvailable"))(
    `migration 0010 on a database with data [${target.name}]`,
    () => {
      let open: OpenDatabase | null = null;
      afterEach(async () => {
        await open?.close();
      });

      it("keeps every row, index and append-only trigger of the tables it rebuilds", async () => {
        open = await openFresh(target);
        const { db } = open;
        const w = await loanWorld(db);
        const id = await w.run(w.maker, (trx, ctx) =>
          applyForLoan(trx, ctx, {
            productId: w.productId,
            borrower: { type: "person", personId: w.personId },
            principal: kzt("120000"),
            installments: 12,
            firstDueOn: "2026-02-15",
            appliedOn: "2026-01-10",
          }),
        );
        await w.run(w.checker, (trx, ctx) => decide(trx, ctx, id, { approve: true, on: "2026-01-12" }));
        await w.run(w.maker, (trx, ctx) => disburse(trx, ctx, id, { on: "2026-01-15", channel: "cash" }));
        for (const on of ["2026-02-15", "2026-03-15"])
          await w.run(w.maker, (trx, ctx) =>
            repay(trx, ctx, id, { on, amount: kzt("11347.15"), channel: "cash", overpayment: "advance" }),
          );
        const definitionOf = async (table: string) =>
          (
            await sql<{
              sql: string;
            }>`select sql from sqlite_schema where type = 'table' and name = ${table}`.execute(db)
          ).rows[0]?.sql;
        const rowsOf = async (table: string) =>
          (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows
            .map((r) => JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? v.toString() : v)))
            .sort();
        const indexesOf = async (table: string) =>
          dialectOf(db) === "sqlite"
            ? (
                await sql<{
                  name: string;
                }>`select name from sqlite_schema where type in ('index', 'trigger') and tbl_name = ${table} and sql is not null order by name`.execute(
                  db,
                )
              ).rows.map((r) => r.name)
            : [];
        await down(db);
        const before = new Map<string, { rows: string[]; indexes: string[] }>();
        for (const table of LEANER_TABLES) {
          const rows = await rowsOf(table);
          expect(rows.length).toBeGreaterThan(0);
          before.set(table, { rows, indexes: await indexesOf(table) });
          if (dialectOf(db) === "sqlite") expect(await definitionOf(table)).not.toMatch(/without rowid$/i);
        }

        await up(db);
        for (const table of LEANER_TABLES) {
          expect(await rowsOf(table)).toEqual(before.get(table)?.rows);
          expect(await indexesOf(table)).toEqual(before.get(table)?.indexes);
          if (dialectOf(db) === "sqlite") expect(await definitionOf(table)).toMatch(/without rowid$/i);
          await expect(sql`update ${sql.table(table)} set tenant_id = tenant_id`.execute(db)).rejects.toThrow(
            /append-only/,
          );
          await expect(sql`delete from ${sql.table(table)}`.execute(db)).rejects.toThrow(/append-only/);
        }
        // The loan engine goes on writing to them, and the books still balance.
        await w.run(w.maker, (trx, ctx) =>
          repay(trx, ctx, id, {
            on: "2026-04-15",
            amount: kzt("11347.15"),
            channel: "cash",
            overpayment: "advance",
          }),
        );
        const unbalanced =
          await sql`select entry_id from journal_lines group by entry_id, currency having sum(amount) <> 0`.execute(
            db,
          );
        expect(unbalanced.rows).toEqual([]);
        const check =
          dialectOf(db) === "sqlite" ? await sql`pragma foreign_key_check`.execute(db) : { rows: [] };
        expect(check.rows).toEqual([]);
      }, 60_000);
    },
  );
