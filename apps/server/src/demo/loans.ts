// The demo MFO's year of lending, through the loan engine's own commands (so the books, schedules,
// arrears and penalties are what a real year would leave): two products, about 150 loans to members
// and groups, most repaid on time, some late, some prepaid, a few rescheduled, written off (with a
// recovery), a mistaken repayment reversed, and applications still waiting or rejected.

import type { Actor } from "@qadam/core/auth/actor";
import { addDays, daysBetween, fixedClock } from "@qadam/core/clock";
import { isDomainError } from "@qadam/core/errors";
import type { IdSource } from "@qadam/core/ids";
import { nextWorkingDay, SATURDAY_SUNDAY } from "@qadam/core/loans/calendar";
import { productSpec } from "@qadam/core/loans/product-spec";
import { KZT, type Money, minorPerMajor, money } from "@qadam/core/money";
import { describeEntry, openBooks, postEntry } from "../books/index.js";
import {
  applyForLoan,
  createProduct,
  decide,
  disburse,
  liveInstallments,
  loadLoan,
  loanArrears,
  loanCountsByStatus,
  prepay,
  recover,
  refundAdvance,
  repay,
  reschedule,
  reverseRepayment,
  writeOff,
} from "../loans/index.js";
import { openMemberships } from "../people/index.js";
import { type CommandContext, executeCommand } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import type { DemoRandom } from "./random.js";
import { demoActor } from "./users.js";

/** Whole tenge, as the demo's products lend them. */
const tenge = (whole: number): Money => money(BigInt(whole) * minorPerMajor(KZT), KZT);

export interface PortfolioInput {
  tenantId: string;
  rootId: string;
  mfoId: string;
  mfoPath: string;
  today: string;
  now: string;
  ids: IdSource;
  random: DemoRandom;
  loans: number;
  /**
   * The groups that keep their books in Qadam (the demo's meeting groups): the MFO lends to others.
   * Their books open at their first meeting, after the MFO's year of lending, so a loan disbursed
   * and repaid before would be missing from them, and their share-out would not count the debt.
   */
  groupsKeepingBooks: ReadonlySet<string>;
}

type Behaviour = "on-time" | "late" | "prepaid" | "default" | "rescheduled" | "reversal";

export interface PortfolioSummary {
  loans: number;
  byStatus: Record<string, number>;
}

export async function generatePortfolio(db: Db, input: PortfolioInput): Promise<PortfolioSummary> {
  const { random, ids } = input;
  const clock = fixedClock(new Date(input.now));
  const rootPath = `/${input.rootId}/`;
  const maker = await demoActor(
    db,
    input.tenantId,
    "credit@moldir.demo",
    "credit_officer",
    input.mfoId,
    input.mfoPath,
  );
  const checker = await demoActor(
    db,
    input.tenantId,
    "admin@moldir.demo",
    "tenant_admin",
    input.rootId,
    rootPath,
  );
  const run = <T>(actor: Actor, name: string, body: (trx: Db, ctx: CommandContext) => Promise<T>) =>
    executeCommand({ db, clock, ids }, { actor, name, source: "demo" }, body);

  const chart = await run(checker, "books.open", (trx, ctx) => openBooks(trx, ctx, input.mfoId));
  const account = (code: string) => chart.find((a) => a.code === code)?.id ?? "";
  // The founders' capital, put in the bank a year ago, and a cash float drawn from it.
  await run(checker, "books.post", async (trx, ctx) =>
    postEntry(trx, ctx, input.mfoId, {
      businessDate: addDays(input.today, -366),
      description: await describeEntry(trx, ctx, "capitalContributed"),
      cause: { type: "manual", id: "demo-capital" },
      lines: [
        { account: account("12"), amount: money(12_000_000_000n, "KZT") },
        { account: account("31"), amount: money(-12_000_000_000n, "KZT") },
      ],
    }),
  );
  await run(checker, "books.post", async (trx, ctx) =>
    postEntry(trx, ctx, input.mfoId, {
      businessDate: addDays(input.today, -366),
      description: await describeEntry(trx, ctx, "cashFloatDrawn"),
      cause: { type: "manual", id: "demo-float" },
      lines: [
        { account: account("11"), amount: money(8_000_000_000n, "KZT") },
        { account: account("12"), amount: money(-8_000_000_000n, "KZT") },
      ],
    }),
  );
  const individual = await run(checker, "loan_product.create", (trx, ctx) =>
    createProduct(
      trx,
      ctx,
      input.mfoId,
      productSpec.parse({
        name: "Іскер әйел — жеке қарыз",
        minPrincipal: "50000",
        maxPrincipal: "2000000",
        minInstallments: 6,
        maxInstallments: 24,
        frequency: "monthly",
        annualRatePercent: "30",
        rounding: "100",
        disbursementFee: { kind: "percent", percent: "1" },
        prepayment: "shorten-term",
      }),
    ),
  );
  const group = await run(checker, "loan_product.create", (trx, ctx) =>
    createProduct(
      trx,
      ctx,
      input.mfoId,
      productSpec.parse({
        name: "Бірлік — топтық қарыз",
        minPrincipal: "200000",
        maxPrincipal: "3000000",
        minInstallments: 12,
        maxInstallments: 26,
        frequency: "biweekly",
        annualRatePercent: "28",
        prepayment: "lower-installments",
      }),
    ),
  );

  const members = await openMemberships(db, input.tenantId);
  const byGroup = new Map<string, string[]>();
  for (const m of members) byGroup.set(m.groupId, [...(byGroup.get(m.groupId) ?? []), m.personId]);
  const groups = [...byGroup.entries()].filter(
    ([groupId, ps]) => ps.length >= 4 && !input.groupsKeepingBooks.has(groupId),
  );
  const used = new Set<string>();

  const summary: PortfolioSummary = { loans: 0, byStatus: {} };
  const start = addDays(input.today, -365);
  for (let k = 0; k < input.loans && members.length > 0; k++) {
    const isGroup = k % 8 === 7 && groups.length > 0;
    const roll = random.int(1, 100);
    const behaviour: Behaviour =
      roll <= 66
        ? "on-time"
        : roll <= 80
          ? "late"
          : roll <= 88
            ? "prepaid"
            : roll <= 93
              ? "default"
              : roll <= 97
                ? "rescheduled"
                : "reversal";
    const disbursedOn = nextWorkingDay(addDays(start, random.int(0, 300)), SATURDAY_SUNDAY);
    const appliedOn = addDays(disbursedOn, -random.int(2, 10));
    let borrower: Parameters<typeof applyForLoan>[2]["borrower"];
    let principal: number;
    if (isGroup) {
      const [groupId, people] = random.pick(groups);
      const chosen = people.slice(0, random.int(3, Math.min(6, people.length)));
      const shares = chosen.map(() => random.int(10, 40) * 10_000);
      principal = shares.reduce((s, x) => s + x, 0);
      borrower = {
        type: "group",
        groupId,
        jointLiability: true,
        members: chosen.map((personId, i) => ({ personId, share: tenge(shares[i] ?? 0) })),
      };
    } else {
      let person = random.pick(members).personId;
      for (let tries = 0; used.has(person) && tries < 5; tries++) person = random.pick(members).personId;
      used.add(person);
      borrower = { type: "person", personId: person };
      principal = random.int(10, 150) * 10_000;
    }
    const installments = isGroup ? random.pick([12, 20, 26]) : random.pick([6, 9, 12, 12, 18]);
    const firstDueOn = isGroup ? addDays(disbursedOn, 14) : addDays(disbursedOn, 30);
    const id = await run(maker, "loan.apply", (trx, ctx) =>
      applyForLoan(trx, ctx, {
        productId: isGroup ? group : individual,
        borrower,
        principal: tenge(principal),
        installments,
        firstDueOn,
        appliedOn,
        purpose: isGroup
          ? "Бірлескен сауда"
          : random.pick(["Сүт өнімдері", "Тігін цехы", "Бау-бақша", "Наубайхана", "Мал шаруашылығы"]),
      }),
    );
    summary.loans += 1;
    // The last applications of the year wait for a decision, or were turned down.
    if (disbursedOn > addDays(input.today, -70) && k % 4 === 0) {
      if (k % 8 === 0)
        await run(checker, "loan.reject", (trx, ctx) =>
          decide(trx, ctx, id, { approve: false, on: addDays(appliedOn, 1), note: "Жоғары жүктеме" }),
        );
      continue;
    }
    await run(checker, "loan.approve", (trx, ctx) =>
      decide(trx, ctx, id, { approve: true, on: addDays(appliedOn, 1) }),
    );
    await run(maker, "loan.disburse", (trx, ctx) =>
      disburse(trx, ctx, id, { on: disbursedOn, channel: isGroup ? "bank" : "cash" }),
    );
    await simulate(db, run, maker, checker, id, behaviour, input.today, random);
  }
  summary.byStatus = await loanCountsByStatus(db, input.tenantId);
  return summary;
}

type Run = <T>(actor: Actor, name: string, body: (trx: Db, ctx: CommandContext) => Promise<T>) => Promise<T>;

/** Plays one loan's year: each installment paid on time, late, or not at all, by its behaviour. */
async function simulate(
  db: Db,
  run: Run,
  maker: Actor,
  checker: Actor,
  id: string,
  behaviour: Behaviour,
  today: string,
  random: DemoRandom,
): Promise<void> {
  let stopAfter =
    behaviour === "default"
      ? random.int(1, 4)
      : behaviour === "rescheduled"
        ? random.int(2, 4)
        : Number.POSITIVE_INFINITY;
  let paidCount = 0;
  let rescheduled = false;
  for (let guard = 0; guard < 60; guard++) {
    const loan = await loadLoan(db, maker, id);
    if (loan.state.status !== "active") return;
    const live = await liveInstallments(db, id);
    const next = live.find(
      (i) =>
        i.principal + i.interest + i.fee + i.penalty >
        i.principalPaid + i.interestPaid + i.feePaid + i.penaltyPaid,
    );
    if (!next) return;
    if (paidCount >= stopAfter) {
      const late = daysBetween(next.dueDate, today);
      if (behaviour === "rescheduled" && !rescheduled && late > 40) {
        const on = addDays(next.dueDate, 40);
        await run(checker, "loan.reschedule", (trx, ctx) =>
          reschedule(trx, ctx, id, {
            on,
            installments: 12,
            firstDueOn: addDays(on, 30),
            reason: "Малы ауырды / падёж скота",
          }),
        );
        rescheduled = true;
        // The new schedule is one the borrower can keep: she pays again from here on.
        stopAfter = Number.POSITIVE_INFINITY;
        paidCount = 0;
        continue;
      }
      if (behaviour === "default" && late > 181) {
        const off = addDays(next.dueDate, 181);
        await run(checker, "loan.write_off", (trx, ctx) =>
          writeOff(trx, ctx, id, { on: off, reason: "Көшіп кетті" }),
        );
        if (random.chance(0.4) && addDays(off, 20) <= today)
          await run(maker, "loan.recover", (trx, ctx) =>
            recover(trx, ctx, id, { on: addDays(off, 20), amount: tenge(20_000), channel: "cash" }),
          );
      }
      return;
    }
    const delay = behaviour === "late" ? random.pick([0, 2, 5, 9, 15, 35]) : 0;
    const on = addDays(next.dueDate, delay);
    if (on > today) return;
    if (behaviour === "prepaid" && paidCount === 3) {
      // Half the principal early, then the rest: the schedule shortens, then the loan closes.
      const half = loan.principalOutstanding / 2n;
      await run(maker, "loan.prepay", (trx, ctx) =>
        prepay(trx, ctx, id, {
          on,
          amount: money(half, loan.currency),
          channel: "cash",
          overpayment: "refuse",
        }),
      );
      paidCount += 1;
      continue;
    }
    if (behaviour === "prepaid" && paidCount === 5) {
      const after = await loadLoan(db, maker, id);
      const payoff = after.principalOutstanding + after.principalOutstanding / 20n;
      await run(maker, "loan.prepay", (trx, ctx) =>
        prepay(trx, ctx, id, {
          on,
          amount: money(payoff, loan.currency),
          channel: "cash",
          overpayment: "advance",
        }),
      );
      if ((await loadLoan(db, maker, id)).advance > 0n)
        await run(maker, "loan.refund_advance", (trx, ctx) =>
          // The next day, unless that is after the demo's today (a refund cannot be dated in the future).
          refundAdvance(trx, ctx, id, { on: addDays(on, 1) > today ? on : addDays(on, 1), channel: "cash" }),
        );
      return;
    }
    const arrears = await loanArrears(db, loan, addDays(on, 1));
    const owed =
      arrears.overdue.principal +
      arrears.overdue.interest +
      arrears.overdue.fee +
      arrears.overdue.penalty +
      arrears.penaltyPending;
    const amount =
      owed > 0n
        ? owed
        : next.principal +
          next.interest +
          next.fee +
          next.penalty -
          next.principalPaid -
          next.interestPaid -
          next.feePaid -
          next.penaltyPaid;
    try {
      const r = await run(maker, "loan.repay", (trx, ctx) =>
        repay(trx, ctx, id, {
          on,
          amount: money(amount, loan.currency),
          channel: "cash",
          overpayment: "advance",
        }),
      );
      if (behaviour === "reversal" && paidCount === 1) {
        // Entered twice by mistake, and corrected the next day.
        const dup = await run(maker, "loan.repay", (trx, ctx) =>
          repay(trx, ctx, id, { on, amount: tenge(5_000), channel: "cash", overpayment: "advance" }),
        );
        await run(maker, "loan.reverse_repayment", (trx, ctx) =>
          reverseRepayment(trx, ctx, id, dup.transactionId, { on: addDays(on, 1), reason: "Қате енгізілді" }),
        );
      }
      if (r.advance > 0n && r.status === "closed")
        await run(maker, "loan.refund_advance", (trx, ctx) =>
          refundAdvance(trx, ctx, id, { on, channel: "cash" }),
        );
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return;
    }
    paidCount += 1;
  }
}
