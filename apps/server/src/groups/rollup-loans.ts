// Loans in the group roll-up, at the end of the period, for the whole subtree in a few queries:
// - internal loans (a group's fund lent to its members): each loan that may be outstanding at the date is
//   taken with the repayments of posted meetings up to the date; its principal outstanding is what they
//   left, and it is late when internalLoanOn would give daysLate > 0 — then its whole outstanding principal
//   counts as late. A flat-rate loan is decided by flatLoanOn, which gives internalLoanOn's answer from the
//   repayments' totals (a property test holds the two equal); a declining one is replayed by internalLoanOn.
// - external loans (the MFO's or a federation's loans to the groups), as the loans domain gives them
//   (groupLoanPositions): outstanding principal and PAR30 as portfolioAtRiskFor reads them.

import {
  addMonths,
  type InternalLoanTerms,
  type InternalRepayment,
  internalLoanOn,
} from "@qadam/core/groups/internal-loans";
import { applyRateToMinor, rate } from "@qadam/core/money";
import type { Organisation } from "@qadam/core/orgs/types";
import { groupLoanPositions } from "../loans/index.js";
import { shgIdsUnder } from "../orgs/index.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import type { Tallies } from "./rollup-groups.js";

/** Installments due before `on`: the k ≥ 1 with addMonths(issuedOn, k) < on. */
function installmentsDueBefore(issuedOn: string, on: string): number {
  const months =
    (Number(on.slice(0, 4)) - Number(issuedOn.slice(0, 4))) * 12 +
    (Number(on.slice(5, 7)) - Number(issuedOn.slice(5, 7)));
  // addMonths(issuedOn, months) falls in the month of `on`, one month more after it.
  let k = months;
  while (k > 0 && addMonths(issuedOn, k) >= on) k -= 1;
  return Math.max(k, 0);
}

/**
 * A flat-rate loan on `on` from its repayments' totals up to that date (both parts of each), as
 * internalLoanOn gives it. While principal is outstanding on `on` it was outstanding at the start of
 * every month before, so every month begun was charged the same P × rate; installments are paid in
 * order from the cumulated totals, so the loan is late exactly when the totals fall short of what the
 * installments due before `on` (K of them) ask: principal K × ⌊P ÷ T⌋ (all of P from the term on), and
 * interest K × the month's charge. `charge` is that charge, P × monthlyRate rounded half-up.
 */
export function flatLoanOn(
  terms: Pick<InternalLoanTerms, "principal" | "termMonths" | "issuedOn">,
  charge: bigint,
  paid: { principal: bigint; interest: bigint },
  on: string,
): { principalOutstanding: bigint; late: boolean } {
  const principalOutstanding = terms.principal - paid.principal;
  if (principalOutstanding <= 0n) return { principalOutstanding, late: false };
  const due = installmentsDueBefore(terms.issuedOn, on);
  const principalDue =
    due >= terms.termMonths ? terms.principal : BigInt(due) * (terms.principal / BigInt(terms.termMonths));
  return {
    principalOutstanding,
    late: due > 0 && (paid.principal < principalDue || paid.interest < BigInt(due) * charge),
  };
}

/**
 * Internal loans outstanding at `to` (count, principal) and the late ones. A loan may be outstanding at
 * `to` only if it was issued by then, not cancelled, and is open now or was repaid after `to`: only those
 * are read, with their repayments.
 */
export async function countInternalLoans(db: Db, org: Organisation, to: string, tallies: Tallies) {
  // Loans repaid at a meeting after `to`, found from those meetings (by date, on the meetings' index).
  const repaidLater = db
    .selectFrom("meetings as m")
    .innerJoin("meetingLines as later", "later.meetingId", "m.id")
    .select("later.internalLoanId")
    .where("m.tenantId", "=", org.tenantId)
    .where("m.orgId", "in", shgIdsUnder(db, org))
    .where("m.heldOn", ">", to)
    .where("later.kind", "=", "repayment");
  const candidates = db
    .selectFrom("internalLoans as l")
    .where("l.tenantId", "=", org.tenantId)
    .where("l.orgId", "in", shgIdsUnder(db, org))
    .where("l.status", "<>", "cancelled")
    .where("l.issuedOn", "<=", to)
    .where((eb) => eb.or([eb("l.status", "=", "open"), eb("l.id", "in", repaidLater)]));
  const [loans, repaymentRows] = await Promise.all([
    candidates
      .select(["l.id", "l.orgId", "l.principal", "l.monthlyRate", "l.method", "l.termMonths", "l.issuedOn"])
      .execute(),
    db
      .selectFrom("meetingLines as r")
      .innerJoin("meetings as m", "m.id", "r.meetingId")
      .select(["r.internalLoanId", "r.heldOn", "r.amount", "r.interest"])
      .where("r.tenantId", "=", org.tenantId)
      .where("r.kind", "=", "repayment")
      .where("m.status", "=", "posted")
      .where("r.heldOn", "<=", to)
      .where("r.internalLoanId", "in", candidates.select("l.id"))
      .orderBy("r.heldOn")
      .orderBy("m.seq")
      .orderBy("r.lineNo")
      .execute(),
  ]);
  const repayments = new Map<string, InternalRepayment[]>();
  for (const r of repaymentRows) {
    if (!r.internalLoanId) continue;
    const amount = toBigInt(r.amount);
    const interest = toBigInt(r.interest);
    const list = repayments.get(r.internalLoanId) ?? [];
    list.push({ on: r.heldOn, interest, principal: amount - interest });
    repayments.set(r.internalLoanId, list);
  }
  const rates = new Map<string, ReturnType<typeof rate>>();
  const charges = new Map<string, bigint>();
  for (const l of loans) {
    const t = tallies.of(l.orgId);
    if (!t) continue;
    let monthlyRate = rates.get(l.monthlyRate);
    if (!monthlyRate) {
      monthlyRate = rate(l.monthlyRate);
      rates.set(l.monthlyRate, monthlyRate);
    }
    const terms: InternalLoanTerms = {
      principal: toBigInt(l.principal),
      monthlyRate,
      method: l.method === "declining" ? "declining" : "flat",
      termMonths: l.termMonths,
      issuedOn: l.issuedOn,
    };
    const paid = repayments.get(l.id) ?? [];
    let state: { principalOutstanding: bigint; late: boolean };
    if (terms.method === "flat") {
      const key = `${terms.principal}/${l.monthlyRate}`;
      let charge = charges.get(key);
      if (charge === undefined) {
        charge = applyRateToMinor(terms.principal, monthlyRate, "half-up");
        charges.set(key, charge);
      }
      const totals = { principal: 0n, interest: 0n };
      for (const r of paid) {
        totals.principal += r.principal;
        totals.interest += r.interest;
      }
      state = flatLoanOn(terms, charge, totals, to);
    } else {
      const replayed = internalLoanOn(terms, paid, to);
      state = { principalOutstanding: replayed.principalOutstanding, late: replayed.daysLate > 0 };
    }
    if (state.principalOutstanding <= 0n) continue;
    t.loansOutstandingCount += 1;
    t.loansOutstanding += state.principalOutstanding;
    if (state.late) {
      t.lateLoans += 1;
      t.lateLoansOutstanding += state.principalOutstanding;
    }
  }
}

/** PAR30 counts loans more than this many days past due, as portfolioAtRiskFor does. */
const PAR_DAYS = 30;

/** The groups' loans from the MFO or a federation: outstanding principal and the part at risk over 30 days. */
export async function countExternalLoans(db: Db, org: Organisation, to: string, tallies: Tallies) {
  for (const p of await groupLoanPositions(db, org, to)) {
    const t = tallies.of(p.groupId, p.currency);
    if (!t) continue;
    t.externalLoans += p.loans;
    t.externalOutstanding += p.principalOutstanding;
    if (p.daysPastDue > PAR_DAYS) t.externalAtRisk30 += p.principalOutstanding;
  }
}
