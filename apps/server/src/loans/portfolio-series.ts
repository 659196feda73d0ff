// Portfolio at risk at many dates at once (a dashboard's month-ends): on each date exactly what
// portfolioAtRiskFor says, read set-wise — the subtree's loans, their installments and their dated
// allocations loaded once, each date's state then built in memory — instead of one rebuild per date.
// As in portfolioAtRiskFor, a loan with no activity after a date is read from its cached state, and the
// others from the plans in force and what had been allocated by then.

import type { Actor } from "@qadam/core/auth/actor";
import { daysBetween } from "@qadam/core/clock";
import { arrearsOn } from "@qadam/core/loans/arrears";
import { type InstallmentState, owedOf, principalOutstanding } from "@qadam/core/loans/engine";
import { findOrganisation, organisationIdsUnder } from "../orgs/index.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { type PortfolioReport, portfolioTally } from "./queries.js";
import { allInstallments } from "./store.js";

const BATCH = 500;

interface Allocation {
  plan: number;
  number: number;
  component: string;
  valueDate: string;
  amount: bigint;
}

/** The installments in force on `date`, with what had been paid and charged by then (installmentsOn's rule). */
function inForceOn(plans: readonly InstallmentState[], allocations: readonly Allocation[], date: string) {
  const paid = new Map<string, bigint>();
  for (const a of allocations) {
    if (a.valueDate > date) continue;
    const key = `${a.plan}/${a.number}/${a.component}`;
    paid.set(key, (paid.get(key) ?? 0n) + a.amount);
  }
  return plans
    .filter((i) => i.plannedOn <= date && (i.replacedOn === null || i.replacedOn > date))
    .map((i) => {
      const got = (c: string) => paid.get(`${i.plan}/${i.number}/${c}`) ?? 0n;
      return {
        ...i,
        penalty: got("charge"),
        principalPaid: got("principal"),
        interestPaid: got("interest"),
        feePaid: got("fee"),
        penaltyPaid: got("penalty"),
      };
    });
}

/**
 * Portfolio at risk of the organisation and its subtree on each of `dates`: one list of reports per date,
 * each equal to portfolioAtRiskFor(db, actor, orgId, date). Errors: NOT_FOUND (not visible to the actor).
 */
export async function portfolioAtRiskOnDates(
  db: Db,
  actor: Actor,
  orgId: string,
  dates: readonly string[],
): Promise<PortfolioReport[][]> {
  const org = await findOrganisation(db, actor, orgId);
  const ascending = [...dates].sort();
  const first = ascending[0];
  const last = ascending.at(-1);
  if (first === undefined || last === undefined) return [];
  const ids = await organisationIdsUnder(db, org);
  const loans =
    ids.length === 0
      ? []
      : (
          await db
            .selectFrom("loans")
            .select([
              "id",
              "currency",
              "disbursedOn",
              "lastActivityOn",
              "writtenOffOn",
              "arrearsSince",
              "principalOutstanding",
            ])
            .where("tenantId", "=", actor.tenantId)
            .where("orgId", "in", ids)
            .where("disbursedOn", "<=", last)
            .execute()
        ).map((l) => ({ ...l, principalOutstanding: toBigInt(l.principalOutstanding) }));

  // The loans some date must rebuild: active after the earliest date.
  const rebuilt = loans.filter((l) => l.lastActivityOn !== null && l.lastActivityOn > first).map((l) => l.id);
  const plans = new Map<string, InstallmentState[]>();
  const allocations = new Map<string, Allocation[]>();
  for (let k = 0; k < rebuilt.length; k += BATCH) {
    const batch = rebuilt.slice(k, k + BATCH);
    for (const [id, list] of await allInstallments(db, batch)) plans.set(id, list);
    const rows = await db
      .selectFrom("loanAllocations")
      .select([
        "loanId",
        "plan",
        "number",
        "component",
        "valueDate",
        (eb) => eb.fn.sum<string | number | bigint>("amount").as("total"),
      ])
      .where("loanId", "in", batch)
      .where("valueDate", "<=", last)
      .groupBy(["loanId", "plan", "number", "component", "valueDate"])
      .execute();
    for (const r of rows) {
      const list = allocations.get(r.loanId) ?? [];
      list.push({
        plan: r.plan,
        number: r.number,
        component: r.component,
        valueDate: r.valueDate,
        amount: toBigInt(r.total),
      });
      allocations.set(r.loanId, list);
    }
  }

  return dates.map((date) => {
    const { add, reports } = portfolioTally(org.id, date);
    for (const l of loans) {
      if (l.disbursedOn === null || l.disbursedOn > date || l.lastActivityOn === null) continue;
      if (l.lastActivityOn <= date) {
        // Its cached state holds on the date.
        const daysPastDue = l.arrearsSince === null ? 0 : daysBetween(l.arrearsSince, date);
        add(l.currency, l.principalOutstanding > 0n ? 1 : 0, l.principalOutstanding, daysPastDue);
        continue;
      }
      if (l.writtenOffOn !== null && l.writtenOffOn <= date) continue;
      const installments = inForceOn(plans.get(l.id) ?? [], allocations.get(l.id) ?? [], date);
      const principal = principalOutstanding(installments);
      if (principal <= 0n) continue;
      add(l.currency, 1, principal, arrearsOn(date, owedOf(installments)).daysPastDue);
    }
    return reports();
  });
}
