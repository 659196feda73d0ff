// The amounts of a loan request's body, read into Money once at the edge, in the currency of the loan
// (or of the product applied for): the commands take Money and never parse text.

import type { Actor } from "@qadam/core/auth/actor";
import type { applicationBody, paymentBody, recoveryBody } from "@qadam/core/loans/contract";
import { type Currency, parseAmount } from "@qadam/core/money";
import type { z } from "zod";
import type { Db } from "../platform/db/database.js";
import { type LoanApplication, productCurrency } from "./commands/application.js";
import type { RepaymentInput } from "./commands/repayment.js";
import type { recover } from "./commands/write-off.js";
import { loadLoan } from "./store.js";

/** The currency of a loan the actor can see (NOT_FOUND otherwise). */
async function loanCurrency(db: Db, actor: Actor, loanId: string): Promise<Currency> {
  return (await loadLoan(db, actor, loanId)).currency;
}

/** An application's principal and shares in the currency of the product applied for. */
export async function applicationFrom(
  db: Db,
  actor: Actor,
  body: z.output<typeof applicationBody>,
): Promise<LoanApplication> {
  const cur = await productCurrency(db, actor, body.productId);
  const { borrower } = body;
  return {
    ...body,
    principal: parseAmount(body.principal, cur),
    borrower:
      borrower.type === "person"
        ? borrower
        : {
            ...borrower,
            members: borrower.members.map((m) => ({
              personId: m.personId,
              share: parseAmount(m.share, cur),
            })),
          },
  };
}

/** A repayment's or prepayment's amount in the loan's currency. */
export async function paymentFrom(
  db: Db,
  actor: Actor,
  loanId: string,
  body: z.output<typeof paymentBody>,
): Promise<RepaymentInput> {
  return { ...body, amount: parseAmount(body.amount, await loanCurrency(db, actor, loanId)) };
}

/** A recovery's amount in the loan's currency. */
export async function recoveryFrom(
  db: Db,
  actor: Actor,
  loanId: string,
  body: z.output<typeof recoveryBody>,
): Promise<Parameters<typeof recover>[3]> {
  return { ...body, amount: parseAmount(body.amount, await loanCurrency(db, actor, loanId)) };
}
