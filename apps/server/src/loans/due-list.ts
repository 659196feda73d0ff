// The credit officer's list for a day: every active loan of an organisation's subtree with an
// installment due on the day or before it and not yet paid, with what is due, what is overdue and for
// how long, and whom to call (the borrower's name, phone and group, through people's and orgs' doors).
import type { Actor } from "@qadam/core/auth/actor";
import { businessDate, daysBetween } from "@qadam/core/clock";
import { decodeCursor, type Page, toPage } from "@qadam/core/contract/pagination";
import { COMPONENTS, type Owed } from "@qadam/core/loans/allocation";
import type { InstallmentDue } from "@qadam/core/loans/due-list-contract";
import { owedOf } from "@qadam/core/loans/engine";
import { formatMoney, money } from "@qadam/core/money";
import { sql } from "kysely";
import { findOrganisation, organisationNames, orgIdsWithin } from "../orgs/index.js";
import { personContacts } from "../people/index.js";
import type { Db } from "../platform/db/database.js";
import { allInstallments } from "./store.js";

export interface DueOnDay {
  /** Unpaid, falling due on the day itself. */
  dueToday: bigint;
  /** Unpaid, fallen due before the day. */
  overdue: bigint;
  /** Days from the oldest unpaid due date to the day (0 when nothing is overdue). */
  daysLate: number;
  /** How many installments are due on or before the day and not fully paid. */
  installments: number;
  oldestDueOn: string | null;
}

/** What a loan's borrower owes on `on`: the day's installment and the arrears, from what is unpaid. */
export function dueOnDay(on: string, owed: readonly Owed[]): DueOnDay {
  let dueToday = 0n;
  let overdue = 0n;
  let installments = 0;
  let oldestDueOn: string | null = null;
  for (const i of owed) {
    if (i.dueDate > on) continue;
    const unpaid = COMPONENTS.reduce((s, c) => s + i.outstanding[c], 0n);
    if (unpaid <= 0n) continue;
    installments += 1;
    if (i.dueDate === on) dueToday += unpaid;
    else overdue += unpaid;
    if (oldestDueOn === null || i.dueDate < oldestDueOn) oldestDueOn = i.dueDate;
  }
  const daysLate = oldestDueOn === null || oldestDueOn >= on ? 0 : daysBetween(oldestDueOn, on);
  return { dueToday, overdue, daysLate, installments, oldestDueOn };
}

export interface DueListFilter {
  on?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * The active loans of the organisation's subtree owing something due on or before the day, as they
 * stand now (payments recorded after the day count), a page at a time in loan id order.
 */
export async function installmentsDue(
  db: Db,
  actor: Actor,
  orgId: string,
  filter: DueListFilter,
  now: Date,
): Promise<Page<InstallmentDue>> {
  const org = await findOrganisation(db, actor, orgId);
  const on = filter.on ?? businessDate(now, org.timeZone);
  const after = decodeCursor(filter.cursor);
  const rows = await db
    .selectFrom("loans as l")
    .select(["l.id", "l.orgId", "l.borrowerType", "l.borrowerId", "l.currency"])
    .where("l.tenantId", "=", actor.tenantId)
    .where("l.orgId", "in", orgIdsWithin(db, org))
    .where("l.status", "=", "active")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("loanInstallments as i")
          .select("i.number")
          .whereRef("i.loanId", "=", "l.id")
          .where("i.tenantId", "=", actor.tenantId)
          .where("i.replacedOn", "is", null)
          .where("i.dueDate", "<=", on)
          .where(
            sql<boolean>`i.principal + i.interest + i.fee + i.penalty > i.principal_paid + i.interest_paid + i.fee_paid + i.penalty_paid`,
          ),
      ),
    )
    .$if(after !== null, (qb) => qb.where("l.id", ">", after ?? ""))
    .orderBy("l.id")
    .limit(filter.limit + 1)
    .execute();
  const page = toPage(rows, filter.limit);
  const plans = await allInstallments(
    db,
    page.items.map((r) => r.id),
  );
  const people = await personContacts(
    db,
    actor.tenantId,
    page.items.filter((r) => r.borrowerType === "person").map((r) => r.borrowerId),
  );
  const groupIds = page.items.map((r) =>
    r.borrowerType === "group" ? r.borrowerId : (people.get(r.borrowerId)?.groupId ?? null),
  );
  const names = await organisationNames(
    db,
    actor.tenantId,
    groupIds.filter((g): g is string => g !== null),
  );
  const items = page.items.map((r, index): InstallmentDue => {
    const live = (plans.get(r.id) ?? []).filter((i) => i.replacedOn === null);
    const due = dueOnDay(on, owedOf(live));
    const m = (minor: bigint) => formatMoney(money(minor, r.currency));
    const person = r.borrowerType === "person" ? people.get(r.borrowerId) : undefined;
    const groupId = groupIds[index] ?? null;
    return {
      id: r.id,
      orgId: r.orgId,
      currency: r.currency,
      borrower: {
        type: r.borrowerType === "group" ? "group" : "person",
        id: r.borrowerId,
        name: r.borrowerType === "group" ? (names.get(r.borrowerId) ?? null) : (person?.name ?? null),
        phone: person?.phone ?? null,
      },
      group: groupId && names.has(groupId) ? { id: groupId, name: names.get(groupId) ?? "" } : null,
      on,
      oldestDueOn: due.oldestDueOn ?? on,
      dueToday: m(due.dueToday),
      overdue: m(due.overdue),
      amountDue: m(due.dueToday + due.overdue),
      daysLate: due.daysLate,
      installments: due.installments,
    };
  });
  return { items, nextCursor: page.nextCursor };
}
