// A small lending world for the loan tests: a tenant whose MFO has its books open and a product,
// borrowers (one woman, and a group of three members), a credit officer who enters loans and a
// second one who approves them, and a clock fixed after every date the tests use.

import { fixedClock } from "@qadam/core/clock";
import { systemIds } from "@qadam/core/ids";
import { type ProductSpecInput, productSpec } from "@qadam/core/loans/product-spec";
import { KZT, type Money, parseAmount } from "@qadam/core/money";
import { openBooks } from "../books/index.js";
import { type CommandContext, executeCommand } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { cliActor, type SeededTenant, type SeededUser, seedTenant, seedUser } from "../testing/fixtures.js";
import { applyForLoan, createProduct, decide, disburse } from "./commands.js";

export const MONTHLY_24: ProductSpecInput = {
  name: "Monthly 24 %",
  currency: "KZT",
  minPrincipal: "10000",
  maxPrincipal: "5000000",
  minInstallments: 3,
  maxInstallments: 36,
  frequency: "monthly",
  annualRatePercent: "24",
};

export interface LoanWorld {
  db: Db;
  t: SeededTenant;
  maker: SeededUser;
  checker: SeededUser;
  productId: string;
  personId: string;
  members: string[];
  run<T>(user: SeededUser | null, body: (trx: Db, ctx: CommandContext) => Promise<T>): Promise<T>;
}

export async function insertPerson(db: Db, tenantId: string, orgId: string, name: string): Promise<string> {
  const id = systemIds.next();
  const now = new Date().toISOString();
  await db
    .insertInto("persons")
    .values({
      id,
      tenantId,
      orgId,
      familyName: "Test",
      givenName: name,
      patronymic: null,
      birthDate: null,
      sex: "female",
      phone: null,
      iin: null,
      householdId: null,
      village: null,
      consentGivenOn: "2020-01-01",
      consentScope: "membership and loans",
      consentWithdrawnOn: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

/** Makes a person a member of a group from a date, as the membership commands would. */
export async function insertMember(
  db: Db,
  tenantId: string,
  groupId: string,
  personId: string,
  joinedOn: string,
): Promise<void> {
  await db
    .insertInto("memberships")
    .values({
      id: systemIds.next(),
      tenantId,
      personId,
      groupId,
      role: "member",
      joinedOn,
      leftOn: null,
      leftReason: null,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    })
    .execute();
}

export async function loanWorld(
  db: Db,
  spec: ProductSpecInput = MONTHLY_24,
  now = "2027-12-31T06:00:00Z",
): Promise<LoanWorld> {
  const t = await seedTenant(db, "loans");
  const clock = fixedClock(new Date(now));
  const run = <T>(user: SeededUser | null, body: (trx: Db, ctx: CommandContext) => Promise<T>) =>
    executeCommand(
      { db, clock, ids: systemIds },
      { actor: user ? user.actor : cliActor(t), name: "test", source: "cli" },
      body,
    );
  await run(null, (trx, ctx) => openBooks(trx, ctx, t.mfoId));
  const productId = await run(null, (trx, ctx) => createProduct(trx, ctx, t.mfoId, productSpec.parse(spec)));
  const personId = await insertPerson(db, t.tenantId, t.groupId, "Айгүл");
  const members: string[] = [];
  for (const name of ["Әсел", "Гүлнар", "Мөлдір"]) {
    const id = await insertPerson(db, t.tenantId, t.groupId, name);
    await insertMember(db, t.tenantId, t.groupId, id, "2020-01-01");
    members.push(id);
  }
  return {
    db,
    t,
    maker: await seedUser(db, t.tenantId, t.mfoId, "credit_officer"),
    checker: await seedUser(db, t.tenantId, t.mfoId, "credit_officer"),
    productId,
    personId,
    members,
    run,
  };
}

/** An amount in tenge as a test writes it ("9455.96"), read into Money. */
export const kzt = (text: string): Money => parseAmount(text, KZT);

/** An application for 3,000.00 over 12 months by the world's group, its three members 1,000.00 each. */
export function groupApplication(w: LoanWorld): Parameters<typeof applyForLoan>[2] {
  return {
    productId: w.productId,
    borrower: {
      type: "group",
      groupId: w.t.groupId,
      jointLiability: true,
      members: w.members.map((personId) => ({ personId, share: kzt("100000") })),
    },
    principal: kzt("300000"),
    installments: 12,
    firstDueOn: "2026-02-15",
    appliedOn: "2026-01-10",
  };
}

/**
 * A loan to the world's person, applied for on 10 January 2026, approved by the checker on the 12th and
 * disbursed in cash on the 15th, first due on 15 February (monthly by default).
 */
export async function disbursedLoan(w: LoanWorld, principal = "100000", installments = 12): Promise<string> {
  const id = await w.run(w.maker, (trx, ctx) =>
    applyForLoan(trx, ctx, {
      productId: w.productId,
      borrower: { type: "person", personId: w.personId },
      principal: kzt(principal),
      installments,
      firstDueOn: "2026-02-15",
      appliedOn: "2026-01-10",
    }),
  );
  await w.run(w.checker, (trx, ctx) => decide(trx, ctx, id, { approve: true, on: "2026-01-12" }));
  await w.run(w.maker, (trx, ctx) => disburse(trx, ctx, id, { on: "2026-01-15", channel: "cash" }));
  return id;
}
