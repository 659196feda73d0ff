// An application for a loan by a woman or a group (each member's share), and the notes of its
// appraisal.

import { type Actor, assertCan } from "@qadam/core/auth/actor";
import { DomainError, phrase } from "@qadam/core/errors";
import { isUuid } from "@qadam/core/ids";
import { parseStoredSpec, productFrom } from "@qadam/core/loans/product-spec";
import { type Currency, currency, type Money, money } from "@qadam/core/money";
import { gradeOnDate } from "../../grades/index.js";
import { findOrganisation, tenantOrganisation } from "../../orgs/index.js";
import { borrowablePerson, currentMembersAmong } from "../../people/index.js";
import type { CommandContext } from "../../platform/commands.js";
import type { Db } from "../../platform/db/database.js";
import { amountIn, loanToChange } from "./guards.js";
import { checkCap, scheduleOf } from "./terms.js";

export interface LoanApplication {
  productId: string;
  borrower:
    | { type: "person"; personId: string }
    | {
        type: "group";
        groupId: string;
        jointLiability: boolean;
        members: ReadonlyArray<{ personId: string; share: Money }>;
      };
  principal: Money;
  installments: number;
  firstDueOn: string;
  appliedOn: string;
  purpose?: string | null;
}

/** The product the actor may see, with its lender (NOT_FOUND otherwise). */
async function productToLend(db: Db, actor: Actor, productId: string) {
  if (!isUuid(productId)) throw new DomainError("NOT_FOUND", { entity: "loanProduct" });
  const productRow = await db
    .selectFrom("loanProducts")
    .selectAll()
    .where("tenantId", "=", actor.tenantId)
    .where("id", "=", productId)
    .executeTakeFirst();
  if (!productRow) throw new DomainError("NOT_FOUND", { entity: "loanProduct" });
  return { productRow, org: await findOrganisation(db, actor, productRow.orgId, "loanProduct") };
}

/** The currency a loan under the product lends in, to read an application's amounts in (NOT_FOUND). */
export async function productCurrency(db: Db, actor: Actor, productId: string): Promise<Currency> {
  return currency((await productToLend(db, actor, productId)).productRow.currency);
}

export async function applyForLoan(trx: Db, ctx: CommandContext, input: LoanApplication): Promise<string> {
  const { productRow, org } = await productToLend(trx, ctx.actor, input.productId);
  assertCan(ctx.actor, "loans.write", org.path, "organisation");
  if (productRow.status !== "active")
    throw new DomainError("LOAN_PRODUCT_RETIRED", { name: productRow.name });
  const product = productFrom(parseStoredSpec(productRow.spec));
  const cur = product.minPrincipal.currency;
  const principal = amountIn(input.principal, cur);
  if (principal < product.minPrincipal.minor || principal > product.maxPrincipal.minor)
    throw new DomainError("LOAN_OUTSIDE_PRODUCT_LIMITS", {
      field: "principal",
      min: product.minPrincipal,
      max: product.maxPrincipal,
    });
  if (input.installments < product.minInstallments || input.installments > product.maxInstallments)
    throw new DomainError("LOAN_OUTSIDE_PRODUCT_LIMITS", {
      field: "installments",
      min: product.minInstallments,
      max: product.maxInstallments,
    });
  if (input.firstDueOn <= input.appliedOn)
    throw new DomainError("SCHEDULE_TERMS_INVALID", {
      details: phrase("firstDueNotAfterApplication"),
    });

  const id = ctx.ids.next();
  const members: Array<{ personId: string; share: bigint }> = [];
  let borrowerId: string;
  // The lender's officers lend across the tenant: a borrower need not sit under their own grants.
  if (input.borrower.type === "person") {
    borrowerId = await borrowablePerson(trx, ctx.actor.tenantId, input.borrower.personId);
  } else {
    const groupId = input.borrower.groupId;
    const group = await tenantOrganisation(trx, ctx.actor.tenantId, groupId);
    if (group.kind !== "shg") throw new DomainError("ORG_NOT_A_GROUP", { name: group.name });
    if (product.minGroupGrade) {
      // The group's latest grade on or before the application, as its federation recorded it.
      const grade = await gradeOnDate(trx, ctx.actor.tenantId, group.id, input.appliedOn);
      if (!grade || grade > product.minGroupGrade)
        throw new DomainError("LOAN_GROUP_GRADE_REQUIRED", {
          name: group.name,
          required: product.minGroupGrade,
          grade: grade ?? "—",
        });
    }
    borrowerId = group.id;
    const listed = input.borrower.members.map((m) => m.personId);
    if (new Set(listed).size !== listed.length)
      throw new DomainError("LOAN_SHARES_INVALID", { details: phrase("memberListedTwice") });
    const active = listed.every(isUuid)
      ? await currentMembersAmong(trx, { tenantId: ctx.actor.tenantId, id: group.id }, listed)
      : new Set<string>();
    for (const m of input.borrower.members) {
      if (!active.has(m.personId))
        throw new DomainError("LOAN_SHARES_INVALID", {
          details: phrase("memberNotActive", { member: m.personId }),
        });
      members.push({ personId: m.personId, share: amountIn(m.share, cur) });
    }
    const total = members.reduce((s, m) => s + m.share, 0n);
    if (members.length === 0 || total !== principal || members.some((m) => m.share <= 0n))
      throw new DomainError("LOAN_SHARES_INVALID", {
        details: phrase("sharesDoNotSum", { total: money(total, cur), principal: money(principal, cur) }),
      });
  }
  // The schedule as it would be if disbursed on the application date: refused above the legal cap.
  const tenantId = ctx.actor.tenantId;
  await checkCap(
    trx,
    tenantId,
    await scheduleOf(
      trx,
      tenantId,
      product,
      principal,
      input.installments,
      input.appliedOn,
      input.firstDueOn,
    ),
    input.appliedOn,
  );

  await trx
    .insertInto("loans")
    .values({
      id,
      tenantId: ctx.actor.tenantId,
      orgId: org.id,
      productId: productRow.id,
      borrowerType: input.borrower.type,
      borrowerId,
      currency: cur,
      principal: principal.toString(),
      installments: input.installments,
      firstDueOn: input.firstDueOn,
      disbursedOn: null,
      purpose: input.purpose ?? null,
      spec: productRow.spec,
      status: "applied",
      appliedOn: input.appliedOn,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      decidedBy: null,
      decidedOn: null,
      decisionNote: null,
      principalOutstanding: "0",
      arrearsSince: null,
      lastActivityOn: null,
      advance: "0",
      penaltyThrough: null,
      plan: 0,
      writtenOffOn: null,
      writtenOff: "0",
      recovered: "0",
      closedOn: null,
      version: 0,
    })
    .execute();
  if (members.length > 0 && input.borrower.type === "group") {
    const joint = input.borrower.jointLiability ? 1 : 0;
    await trx
      .insertInto("loanMembers")
      .values(
        members.map((m) => ({
          tenantId: ctx.actor.tenantId,
          loanId: id,
          personId: m.personId,
          share: m.share.toString(),
          jointLiability: joint,
        })),
      )
      .execute();
  }
  ctx.touched("loan", id);
  return id;
}

export async function addNote(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  note: { kind: "appraisal" | "note"; text: string },
): Promise<string> {
  const loan = await loanToChange(trx, ctx, loanId, "loans.write");
  const id = ctx.ids.next();
  await trx
    .insertInto("loanNotes")
    .values({
      id,
      tenantId: loan.tenantId,
      loanId: loan.id,
      kind: note.kind,
      text: note.text,
      author: ctx.actor.userId,
      createdAt: ctx.now,
    })
    .execute();
  ctx.touched("loan_note", id);
  return id;
}
