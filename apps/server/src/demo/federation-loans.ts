// A demo federation that lends to its groups from its own books: a revolving fund put in its bank, a
// loan product repaid every four weeks, and a loan to a few of its weekly-meeting groups through the
// loan engine (so the group's books receive it too), collected at the group's meetings.

import type { Actor } from "@qadam/core/auth/actor";
import { addDays, fixedClock } from "@qadam/core/clock";
import type { IdSource } from "@qadam/core/ids";
import { productSpec } from "@qadam/core/loans/product-spec";
import { KZT, minorPerMajor, money } from "@qadam/core/money";
import { openBooks, postEntry } from "../books/index.js";
import { applyForLoan, createProduct, decide, disburse, loadLoan, loanArrears } from "../loans/index.js";
import { type CommandContext, executeCommand } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";

/** Groups of the federation that borrow from it (weekly-meeting groups that keep meeting). */
export const FEDERATION_BORROWERS = 3;
/** A group's loan is disbursed at its first meeting on or after this many days before today. */
export const FEDERATION_LOAN_AGE_DAYS = 150;

export interface FederationLender {
  federationId: string;
  /** Applies for, approves and disburses (in cash, at the meeting) a loan to the group; its id. */
  lend(groupId: string, on: string, principal: bigint, members: readonly string[]): Promise<string>;
  /** What the group owes on the loan at its meeting on `on`: installments due by then, with penalties. */
  dueOn(loanId: string, on: string): Promise<bigint>;
}

/** Opens the federation's books and its revolving fund, and makes its loan product. */
export async function federationLender(
  db: Db,
  input: {
    /** The federation's officer, who applies and disburses, and the administrator, who approves. */
    maker: Actor;
    checker: Actor;
    federationId: string;
    fundedOn: string;
    now: string;
    ids: IdSource;
  },
): Promise<FederationLender> {
  const { maker, checker, federationId, ids } = input;
  const clock = fixedClock(new Date(input.now));
  const run = <T>(actor: Actor, name: string, body: (trx: Db, ctx: CommandContext) => Promise<T>) =>
    executeCommand({ db, clock, ids }, { actor, name, source: "demo" }, body);
  const chart = await run(checker, "books.open", (trx, ctx) => openBooks(trx, ctx, federationId));
  const account = (code: string) => chart.find((a) => a.code === code)?.id ?? "";
  await run(checker, "books.post", (trx, ctx) =>
    postEntry(trx, ctx, federationId, {
      businessDate: input.fundedOn,
      description: "Revolving fund granted by the association",
      cause: { type: "manual", id: "demo-revolving-fund" },
      lines: [
        { account: account("11"), amount: money(500_000_000n, "KZT") },
        { account: account("31"), amount: money(-500_000_000n, "KZT") },
      ],
    }),
  );
  const productId = await run(checker, "loan_product.create", (trx, ctx) =>
    createProduct(
      trx,
      ctx,
      federationId,
      productSpec.parse({
        name: "Федерация қоры — топқа қарыз",
        minPrincipal: "100000",
        maxPrincipal: "1000000",
        minInstallments: 6,
        maxInstallments: 13,
        frequency: "every-4-weeks",
        annualRatePercent: "18",
        prepayment: "shorten-term",
      }),
    ),
  );
  return {
    federationId,
    async lend(groupId, on, principal, members) {
      // Whole tenge each, the first member's share taking the remainder.
      const unit = minorPerMajor(KZT);
      const tenge = principal / unit;
      const each = tenge / BigInt(members.length);
      const shares = members.map((personId, i) => ({
        personId,
        share: money((i === 0 ? tenge - each * BigInt(members.length - 1) : each) * unit, KZT),
      }));
      const id = await run(maker, "loan.apply", (trx, ctx) =>
        applyForLoan(trx, ctx, {
          productId,
          borrower: { type: "group", groupId, jointLiability: true, members: shares },
          principal: money(tenge * unit, KZT),
          installments: 10,
          firstDueOn: addDays(on, 28),
          appliedOn: addDays(on, -7),
          purpose: "Мүшелерге ішкі қарыз беру",
        }),
      );
      await run(checker, "loan.approve", (trx, ctx) =>
        decide(trx, ctx, id, { approve: true, on: addDays(on, -6) }),
      );
      await run(maker, "loan.disburse", (trx, ctx) => disburse(trx, ctx, id, { on, channel: "cash" }));
      return id;
    },
    async dueOn(loanId, on) {
      const loan = await loadLoan(db, maker, loanId);
      if (loan.state.status !== "active") return 0n;
      const arrears = await loanArrears(db, loan, addDays(on, 1));
      const o = arrears.overdue;
      return o.principal + o.interest + o.fee + o.penalty + arrears.penaltyPending;
    },
  };
}
