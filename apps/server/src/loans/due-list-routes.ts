// HTTP routes of the credit officer's day: the installments due and overdue (today's list), the
// borrowers a lender may choose from when entering an application, and the write-off and reschedule
// requests waiting for a second user. Schemas: @qadam/core/loans/due-list-contract.
import { assertCan } from "@qadam/core/auth/actor";
import { decodeCursor, pageSchema, toPage } from "@qadam/core/contract/pagination";
import { isUuid } from "@qadam/core/ids";
import type { LoanRequestKind } from "@qadam/core/loans/contract";
import {
  borrowersQuery,
  installmentDueSchema,
  installmentsDueQuery,
  lendableBorrowerSchema,
  orgIdParams,
  pendingApplicationSchema,
  pendingRequestSchema,
  pendingRequestsQuery,
} from "@qadam/core/loans/due-list-contract";
import { formatMoney, money } from "@qadam/core/money";
import { z } from "zod";
import {
  findOrganisation,
  groupsNamed,
  organisationNames,
  organisationPaths,
  orgIdsWithin,
} from "../orgs/index.js";
import { personContacts, searchContacts } from "../people/index.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import type { RouteModule } from "../platform/http/context.js";
import { query } from "../platform/http/route.js";
import { installmentsDue } from "./due-list.js";

const tags = ["loans"];

/** Names (and phones) of the borrowers of some loans, through people's and orgs' front doors. */
async function borrowerNames(
  db: Db,
  tenantId: string,
  loans: ReadonlyArray<{ borrowerType: string; borrowerId: string }>,
) {
  const people = await personContacts(
    db,
    tenantId,
    loans.filter((l) => l.borrowerType === "person").map((l) => l.borrowerId),
  );
  const groups = await organisationNames(
    db,
    tenantId,
    loans.filter((l) => l.borrowerType === "group").map((l) => l.borrowerId),
  );
  return (l: { borrowerType: string; borrowerId: string }) => {
    const person = l.borrowerType === "person" ? people.get(l.borrowerId) : undefined;
    return {
      type: l.borrowerType === "group" ? ("group" as const) : ("person" as const),
      id: l.borrowerId,
      name: l.borrowerType === "group" ? (groups.get(l.borrowerId) ?? null) : (person?.name ?? null),
      phone: person?.phone ?? null,
    };
  };
}

export const dueListRoutes: RouteModule = (app, deps) => {
  query(app, {
    method: "GET",
    path: "/api/v1/orgs/:orgId/installments-due",
    tags,
    summary:
      "Today's list: installments due on a day and overdue, per loan, with the borrower's name, phone and group",
    description:
      "The active loans of the organisation and its subtree with an installment due on the day (default " +
      "today there) or before it and not fully paid as they stand now: what falls due that day, what is " +
      "overdue and for how many days, with the borrower's name, phone and group; in loan id order, a page at a time.",
    params: orgIdParams,
    query: installmentsDueQuery,
    response: pageSchema(installmentDueSchema),
    list: "paged",
    errors: [],
    handle: ({ actor, params, query }) =>
      installmentsDue(deps.db, actor, params.orgId, query, deps.clock.now()),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/orgs/:orgId/borrowers",
    tags,
    summary: "Borrowers a lender may choose: the tenant's women or self-help groups by name (or by id)",
    description:
      "For entering a loan application: the tenant's people matching every word of the name, phone or IIN, " +
      "or its active self-help groups whose name contains the words; or, with ids, the borrowers named by " +
      "them. Each with her phone and group. At most `limit` of them, never paged.",
    permission: "loans.write",
    params: orgIdParams,
    query: borrowersQuery,
    response: z.array(lendableBorrowerSchema),
    list: { whole: "a search answers at most `limit` borrowers; ids at most 200" },
    errors: [],
    handle: async ({ actor, params, query }) => {
      const org = await findOrganisation(deps.db, actor, params.orgId);
      assertCan(actor, "loans.write", org.path, "organisation");
      const ids = (query.ids ?? "").split(",").filter(isUuid).slice(0, 200);
      const q = query.q ?? "";
      // The MFO lends across the tenant; any other lender (a federation) only within its own subtree:
      // a borrower is hers when her group (or the group itself) sits under the lender.
      const within = async (groupIds: readonly string[]): Promise<(groupId: string | null) => boolean> => {
        if (org.kind === "mfo") return () => true;
        const paths = await organisationPaths(deps.db, actor.tenantId, groupIds);
        return (groupId) => groupId !== null && (paths.get(groupId) ?? "").startsWith(org.path);
      };
      if (query.type === "group") {
        const found = ids.length
          ? [...(await organisationNames(deps.db, actor.tenantId, ids))].map(([id, name]) => ({ id, name }))
          : q
            ? await groupsNamed(deps.db, actor.tenantId, q, query.limit)
            : [];
        const lent = await within(found.map((g) => g.id));
        return found
          .filter((g) => lent(g.id))
          .map((g) => ({ type: "group" as const, id: g.id, name: g.name, phone: null, group: g }));
      }
      const found = ids.length
        ? [...(await personContacts(deps.db, actor.tenantId, ids)).values()]
        : q
          ? await searchContacts(deps.db, actor.tenantId, q, query.limit)
          : [];
      const lent = await within(found.flatMap((p) => (p.groupId ? [p.groupId] : [])));
      const people = found.filter((p) => lent(p.groupId));
      const groups = await organisationNames(
        deps.db,
        actor.tenantId,
        people.flatMap((p) => (p.groupId ? [p.groupId] : [])),
      );
      return people.map((p) => ({
        type: "person" as const,
        id: p.id,
        name: p.name,
        phone: p.phone,
        group:
          p.groupId && groups.has(p.groupId) ? { id: p.groupId, name: groups.get(p.groupId) ?? "" } : null,
      }));
    },
  });

  query(app, {
    method: "GET",
    path: "/api/v1/orgs/:orgId/loan-applications/pending",
    tags,
    summary: "Loan applications waiting for approval in the organisation's subtree, with who entered each",
    description:
      "The applications (status applied) on loans of the organisation and its subtree, each with its " +
      "borrower, product and the user who entered it, who may not approve it (maker–checker); in loan id " +
      "order, a page at a time.",
    params: orgIdParams,
    query: pendingRequestsQuery,
    response: pageSchema(pendingApplicationSchema),
    list: "paged",
    errors: [],
    handle: async ({ actor, params, query }) => {
      const org = await findOrganisation(deps.db, actor, params.orgId);
      const after = decodeCursor(query.cursor);
      const rows = await deps.db
        .selectFrom("loans as l")
        .innerJoin("loanProducts as p", "p.id", "l.productId")
        .select([
          "l.id",
          "l.orgId",
          "l.productId",
          "p.name as productName",
          "l.borrowerType",
          "l.borrowerId",
          "l.currency",
          "l.principal",
          "l.installments",
          "l.appliedOn",
          "l.purpose",
          "l.createdBy",
        ])
        .where("l.tenantId", "=", actor.tenantId)
        .where("l.status", "=", "applied")
        .where("l.orgId", "in", orgIdsWithin(deps.db, org))
        .$if(after !== null, (qb) => qb.where("l.id", ">", after ?? ""))
        .orderBy("l.id")
        .limit(query.limit + 1)
        .execute();
      const page = toPage(rows, query.limit);
      const name = await borrowerNames(deps.db, actor.tenantId, page.items);
      const items = page.items.map((r) => ({
        id: r.id,
        orgId: r.orgId,
        productId: r.productId,
        productName: r.productName,
        borrower: name(r),
        currency: r.currency,
        principal: formatMoney(money(toBigInt(r.principal), r.currency)),
        installments: r.installments,
        appliedOn: r.appliedOn,
        purpose: r.purpose,
        appliedBy: r.createdBy,
      }));
      return { items, nextCursor: page.nextCursor };
    },
  });

  query(app, {
    method: "GET",
    path: "/api/v1/orgs/:orgId/loan-requests/pending",
    tags,
    summary:
      "Write-off and reschedule requests waiting for a second user's decision, in the organisation's subtree",
    description:
      "The write-off and reschedule requests on loans of the organisation and its subtree that wait for a " +
      "decision, each with its loan's borrower and outstanding principal; in request id order, a page at a time.",
    params: orgIdParams,
    query: pendingRequestsQuery,
    response: pageSchema(pendingRequestSchema),
    list: "paged",
    errors: [],
    handle: async ({ actor, params, query }) => {
      const org = await findOrganisation(deps.db, actor, params.orgId);
      const after = decodeCursor(query.cursor);
      const rows = await deps.db
        .selectFrom("loanRequests as r")
        .innerJoin("loans as l", "l.id", "r.loanId")
        .select([
          "r.id",
          "r.loanId",
          "r.kind",
          "r.valueDate",
          "r.terms",
          "r.reason",
          "r.daysPastDue",
          "r.requestedBy",
          "r.requestedAt",
          "l.orgId",
          "l.borrowerType",
          "l.borrowerId",
          "l.currency",
          "l.principalOutstanding",
        ])
        .where("r.tenantId", "=", actor.tenantId)
        .where("l.tenantId", "=", actor.tenantId)
        .where("r.status", "=", "pending")
        .where("l.orgId", "in", orgIdsWithin(deps.db, org))
        .$if(after !== null, (qb) => qb.where("r.id", ">", after ?? ""))
        .orderBy("r.id")
        .limit(query.limit + 1)
        .execute();
      const page = toPage(rows, query.limit);
      const name = await borrowerNames(deps.db, actor.tenantId, page.items);
      const items = page.items.map((r) => {
        const terms = JSON.parse(r.terms) as {
          installments?: number;
          firstDueOn?: string;
          annualRatePercent?: string;
        };
        return {
          id: r.id,
          loanId: r.loanId,
          orgId: r.orgId,
          kind: r.kind as LoanRequestKind,
          on: r.valueDate,
          reason: r.reason,
          reschedule:
            r.kind === "reschedule"
              ? {
                  installments: terms.installments ?? 0,
                  firstDueOn: terms.firstDueOn ?? "",
                  annualRatePercent: terms.annualRatePercent ?? null,
                }
              : null,
          daysPastDue: r.daysPastDue,
          requestedBy: r.requestedBy,
          requestedAt: r.requestedAt,
          borrower: name(r),
          currency: r.currency,
          principalOutstanding: formatMoney(money(toBigInt(r.principalOutstanding), r.currency)),
        };
      });
      return { items, nextCursor: page.nextCursor };
    },
  });
};
