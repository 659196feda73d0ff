// The one coherence check that ends every integration test that moves money: for an organisation and
// every organisation under it, the journal balances (each entry and each organisation's books, per
// currency), the daily-balance cache is the sum of the journal, every loan's balances as the loan
// tables hold them are what its accounts say in the lender's books (and in a borrowing group's mirror),
// and every member's savings and internal loans as the group's records hold them are what her accounts
// say. `booksIncoherence` lists what is wrong; `expectBooksCoherent` fails the test on any of it.

import { SHG_ACCOUNTS } from "@qadam/core/groups/meeting";
import { parseStoredSpec, productFrom } from "@qadam/core/loans/product-spec";
import { disbursementFeeOn } from "@qadam/core/loans/schedule";
import type { Selectable } from "kysely";
import { expect } from "vitest";
import { MANUAL_CAUSE } from "../books/index.js";
import { type LoanAccountRole, loanAccounts } from "../loans/index.js";
import { toOrganisation } from "../orgs/index.js";
import { type Db, openDatabase } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import type { LoansTable } from "../platform/db/schema.js";

export const INCOHERENCE_KINDS = [
  /** An entry whose lines do not sum to zero in a currency, or with no lines, or lines unlike it. */
  "entry",
  /** An organisation's books that do not sum to zero in a currency. */
  "journal",
  /** A cached daily balance that is not the sum of the journal's lines of that account and day. */
  "daily-balance",
  /** A loan whose own tables disagree with each other or with its accounts in the lender's books. */
  "loan",
  /** A loan to a group whose mirror in the group's books is not what the group owes. */
  "loan-mirror",
  /** A member whose savings in the group's records are not her savings account's balance (or a
   *  movement of the savings account that names no member and was not keyed in by hand). */
  "member-savings",
  /** A member whose internal loans in the group's records are not her loans account's balance. */
  "member-loans",
] as const;
export type IncoherenceKind = (typeof INCOHERENCE_KINDS)[number];

export interface Incoherence {
  kind: IncoherenceKind;
  detail: string;
}

/**
 * Fails unless the books of the organisation and of every organisation under it are coherent (of
 * every tenant in the database without one).
 */
export async function expectBooksCoherent(db: Db, orgId?: string): Promise<void> {
  const roots =
    orgId === undefined
      ? (await db.selectFrom("organisations").select("id").where("parentId", "is", null).execute()).map(
          (r) => r.id,
        )
      : [orgId];
  const found: Incoherence[] = [];
  for (const root of roots) found.push(...(await booksIncoherence(db, root)));
  if (found.length > 0)
    expect.fail(`incoherent books:\n${found.map((p) => `${p.kind}: ${p.detail}`).join("\n")}`);
}

/** expectBooksCoherent on the database at `url` (one a command-line test's subprocess wrote). */
export async function expectBooksCoherentAt(url: string, orgId?: string): Promise<void> {
  const open = await openDatabase(url);
  try {
    await expectBooksCoherent(open.db, orgId);
  } finally {
    await open.close();
  }
}

/** Everything incoherent in the books of the organisation and of every organisation under it. */
export async function booksIncoherence(db: Db, orgId: string): Promise<Incoherence[]> {
  const root = await db
    .selectFrom("organisations")
    .select(["tenantId", "path"])
    .where("id", "=", orgId)
    .executeTakeFirstOrThrow();
  const orgs = await db
    .selectFrom("organisations")
    .selectAll()
    .where("tenantId", "=", root.tenantId)
    .where("path", ">=", root.path)
    .where("path", "<", `${root.path}\uffff`)
    .execute();
  const scope = { tenantId: root.tenantId, orgIds: orgs.map((o) => o.id) };
  const found: Incoherence[] = [];
  await checkJournal(db, scope, found);
  await checkDailyBalances(db, scope, found);
  await checkLoans(db, scope, found);
  for (const group of orgs.filter((o) => o.kind === "shg")) await checkMembers(db, group, found);
  return found;
}

interface Scope {
  tenantId: string;
  orgIds: readonly string[];
}

type Sum = string | number | bigint;

async function checkJournal(db: Db, scope: Scope, found: Incoherence[]): Promise<void> {
  const unbalanced = await db
    .selectFrom("journalLines")
    .select(["entryId", "currency", (eb) => eb.fn.sum<Sum>("amount").as("total")])
    .where("tenantId", "=", scope.tenantId)
    .where("orgId", "in", scope.orgIds)
    .groupBy(["entryId", "currency"])
    .execute();
  for (const r of unbalanced)
    if (toBigInt(r.total) !== 0n)
      found.push({ kind: "entry", detail: `entry ${r.entryId} is off by ${r.total} ${r.currency}` });
  const unlike = await db
    .selectFrom("journalLines as l")
    .innerJoin("journalEntries as e", "e.id", "l.entryId")
    .select(["e.id", "l.lineNo"])
    .where("e.tenantId", "=", scope.tenantId)
    .where("e.orgId", "in", scope.orgIds)
    .where((eb) =>
      eb.or([
        eb("l.orgId", "<>", eb.ref("e.orgId")),
        eb("l.businessDate", "<>", eb.ref("e.businessDate")),
        eb("l.tenantId", "<>", eb.ref("e.tenantId")),
      ]),
    )
    .execute();
  for (const r of unlike)
    found.push({
      kind: "entry",
      detail: `line ${r.lineNo} of entry ${r.id} is not in its entry's books or day`,
    });
  const empty = await db
    .selectFrom("journalEntries as e")
    .select("e.id")
    .where("e.tenantId", "=", scope.tenantId)
    .where("e.orgId", "in", scope.orgIds)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom("journalLines as l").select("l.entryId").whereRef("l.entryId", "=", "e.id")),
      ),
    )
    .execute();
  for (const r of empty) found.push({ kind: "entry", detail: `entry ${r.id} has no lines` });
  const books = await db
    .selectFrom("journalLines")
    .select(["orgId", "currency", (eb) => eb.fn.sum<Sum>("amount").as("total")])
    .where("tenantId", "=", scope.tenantId)
    .where("orgId", "in", scope.orgIds)
    .groupBy(["orgId", "currency"])
    .execute();
  for (const r of books)
    if (toBigInt(r.total) !== 0n)
      found.push({ kind: "journal", detail: `the books of ${r.orgId} are off by ${r.total} ${r.currency}` });
}

async function checkDailyBalances(db: Db, scope: Scope, found: Incoherence[]): Promise<void> {
  const journal = await db
    .selectFrom("journalLines")
    .select(["orgId", "accountId", "currency", "businessDate", (eb) => eb.fn.sum<Sum>("amount").as("total")])
    .where("tenantId", "=", scope.tenantId)
    .where("orgId", "in", scope.orgIds)
    .groupBy(["orgId", "accountId", "currency", "businessDate"])
    .execute();
  const cached = await db
    .selectFrom("accountDailyBalances")
    .select(["orgId", "accountId", "currency", "businessDate", "amount"])
    .where("tenantId", "=", scope.tenantId)
    .where("orgId", "in", scope.orgIds)
    .execute();
  const key = (r: { orgId: string; accountId: string; currency: string; businessDate: string }) =>
    `${r.orgId} ${r.accountId} ${r.currency} ${r.businessDate}`;
  const sums = new Map<string, { journal: bigint; cache: bigint }>();
  const at = (k: string) => {
    const s = sums.get(k) ?? { journal: 0n, cache: 0n };
    sums.set(k, s);
    return s;
  };
  for (const r of journal) at(key(r)).journal += toBigInt(r.total);
  for (const r of cached) at(key(r)).cache += toBigInt(r.amount);
  for (const [k, s] of sums)
    if (s.journal !== s.cache)
      found.push({ kind: "daily-balance", detail: `${k}: journal ${s.journal}, cached ${s.cache}` });
}

const COMPONENTS = ["principal", "interest", "fee", "penalty"] as const;

/** Every loan lent by, or to, an organisation of the scope. */
async function checkLoans(db: Db, scope: Scope, found: Incoherence[]): Promise<void> {
  const loans = await db
    .selectFrom("loans")
    .selectAll()
    .where("tenantId", "=", scope.tenantId)
    .where((eb) =>
      eb.or([
        eb("orgId", "in", scope.orgIds),
        eb.and([eb("borrowerType", "=", "group"), eb("borrowerId", "in", scope.orgIds)]),
      ]),
    )
    .orderBy("id")
    .execute();
  for (let k = 0; k < loans.length; k += 300) await checkLoanBatch(db, loans.slice(k, k + 300), found);
}

type LoanRow = Selectable<LoansTable>;

async function checkLoanBatch(db: Db, loans: readonly LoanRow[], found: Incoherence[]): Promise<void> {
  if (loans.length === 0) return;
  const tenantId = loans[0]?.tenantId ?? "";
  const ids = loans.map((l) => l.id);
  const live = await db
    .selectFrom("loanInstallments")
    .selectAll()
    .where("loanId", "in", ids)
    .where("replacedOn", "is", null)
    .execute();
  const allocated = await db
    .selectFrom("loanAllocations")
    .select(["loanId", "component", (eb) => eb.fn.sum<Sum>("amount").as("total")])
    .where("loanId", "in", ids)
    .groupBy(["loanId", "component"])
    .execute();
  const lines = await db
    .selectFrom("journalLines as l")
    .innerJoin("journalEntries as e", "e.id", "l.entryId")
    .select([
      "e.causeId",
      "l.orgId",
      "l.accountId",
      "l.currency",
      (eb) => eb.fn.sum<Sum>("l.amount").as("total"),
    ])
    .where("e.tenantId", "=", tenantId)
    .where("e.causeType", "=", "loan")
    .where("e.causeId", "in", ids)
    .groupBy(["e.causeId", "l.orgId", "l.accountId", "l.currency"])
    .execute();
  const orgIds = [
    ...new Set(loans.flatMap((l) => [l.orgId, l.borrowerType === "group" ? l.borrowerId : l.orgId])),
  ];
  const orgs = new Map(
    (await db.selectFrom("organisations").selectAll().where("id", "in", orgIds).execute()).map((o) => [
      o.id,
      toOrganisation(o),
    ]),
  );
  const charts = new Map<string, Map<string, string>>();
  for (const a of await db
    .selectFrom("accounts")
    .select(["orgId", "id", "code"])
    .where("orgId", "in", orgIds)
    .execute()) {
    const chart = charts.get(a.orgId) ?? new Map<string, string>();
    chart.set(a.code, a.id);
    charts.set(a.orgId, chart);
  }

  for (const loan of loans) {
    const say = (kind: IncoherenceKind, what: string) =>
      found.push({ kind, detail: `loan ${loan.id} (${loan.status}): ${what}` });
    const installments = live.filter((i) => i.loanId === loan.id);
    const unpaid = { principal: 0n, interest: 0n, fee: 0n, penalty: 0n };
    for (const i of installments)
      for (const c of COMPONENTS) {
        const due = toBigInt(i[c]);
        const paid = toBigInt(i[`${c}Paid`]);
        if (paid < 0n || paid > due)
          say("loan", `installment ${i.plan}/${i.number} has ${paid} of its ${c} ${due} paid`);
        unpaid[c] += due - paid;
      }
    const alloc = (component: string) =>
      toBigInt(allocated.find((a) => a.loanId === loan.id && a.component === component)?.total);
    const writtenOff = loan.status === "written_off";
    const disbursed = loan.disbursedOn !== null;
    const outstanding = toBigInt(loan.principalOutstanding);
    const principal = toBigInt(loan.principal);
    const advance = toBigInt(loan.advance);
    const recovered = toBigInt(loan.recovered);
    const same = (what: string, expected: bigint, actual: bigint) => {
      if (expected !== actual) say("loan", `${what}: ${expected} expected, ${actual} held`);
    };
    same("principal outstanding", writtenOff || !disbursed ? 0n : unpaid.principal, outstanding);
    if (disbursed)
      same(
        "principal less principal repaid, against the live schedule",
        principal - alloc("principal"),
        unpaid.principal,
      );
    if (!writtenOff) same("written off", 0n, toBigInt(loan.writtenOff));

    const mine = lines.filter((l) => l.causeId === loan.id);
    for (const l of mine)
      if (l.currency !== loan.currency)
        say("loan", `a line in ${l.currency}, the loan being in ${loan.currency}`);
    const lender = orgs.get(loan.orgId);
    const borrower = loan.borrowerType === "group" ? orgs.get(loan.borrowerId) : undefined;
    const lenderLines = mine.filter((l) => l.orgId === loan.orgId);
    const otherLines = mine.filter((l) => l.orgId !== loan.orgId && l.orgId !== borrower?.id);
    if (otherLines.length > 0) say("loan", "lines in the books of neither the lender nor the borrower");
    if (!disbursed) {
      if (mine.length > 0) say("loan", "journal lines before disbursement");
      same("advance", 0n, advance);
      continue;
    }
    if (!lender || !charts.has(lender.id)) {
      say("loan", "disbursed by a lender without books");
      continue;
    }
    const fee = disbursementFeeOn(principal, productFrom(parseStoredSpec(loan.spec)).disbursementFee);
    const accounts = await loanAccounts(db, lender);
    const expected: Array<[LoanAccountRole, bigint]> = [
      [loan.borrowerType === "group" ? "groupLoans" : "individualLoans", outstanding],
      ["penaltiesReceivable", writtenOff ? 0n : unpaid.penalty],
      ["advances", -advance],
      ["interestIncome", -alloc("interest")],
      ["feeIncome", -(fee + alloc("fee"))],
      ["penaltyIncome", -alloc("charge")],
      ["losses", toBigInt(loan.writtenOff)],
      ["recoveries", -recovered],
    ];
    const channels = new Set([accounts.cash, accounts.bank]);
    compareAccounts(
      lenderLines,
      expected.map(([role, minor]) => [accounts[role], minor, role]),
      channels,
      (what) => say("loan", `the lender's ${what}`),
    );

    if (loan.borrowerType !== "group") continue;
    const borrowerLines = mine.filter((l) => l.orgId === loan.borrowerId);
    const chart = charts.get(loan.borrowerId);
    if (!chart) {
      if (borrowerLines.length > 0) say("loan-mirror", "lines in the books of a group that keeps none");
      continue;
    }
    // A group that opened its books in Qadam after it borrowed has no mirror of the loan (the demo's
    // clock cannot tell which came first): a mirror in part is refused, none at all is allowed.
    if (borrowerLines.length === 0) continue;
    const code = (role: keyof typeof SHG_ACCOUNTS) => chart.get(SHG_ACCOUNTS[role]) ?? `no ${role}`;
    const lenderOn = (account: string) =>
      lenderLines.filter((l) => l.accountId === account).reduce((s, l) => s + toBigInt(l.total), 0n);
    // What the group owes is what the lender is owed, a write-off (the lender's own affair) aside: the
    // installments keep what was written off unpaid.
    compareAccounts(
      borrowerLines,
      [
        [code("externalLoans"), -(unpaid.principal + unpaid.penalty) + advance + recovered, "externalLoans"],
        [code("externalInterest"), alloc("interest"), "externalInterest"],
        [code("expenses"), fee + alloc("fee") + alloc("charge"), "expenses"],
        [code("cashBox"), -lenderOn(accounts.cash), "cashBox"],
        [code("bank"), -lenderOn(accounts.bank), "bank"],
      ],
      new Set(),
      (what) => say("loan-mirror", `the group's ${what}`),
    );
  }
}

/**
 * Each account's lines against what is expected on it; accounts in `free` (the cash and bank a
 * movement went through) may hold anything, every other account not listed must hold nothing.
 */
function compareAccounts(
  lines: ReadonlyArray<{ accountId: string; total: Sum }>,
  expected: ReadonlyArray<readonly [string, bigint, string]>,
  free: ReadonlySet<string>,
  say: (what: string) => void,
): void {
  const want = new Map<string, { minor: bigint; roles: string[] }>();
  for (const [account, minor, role] of expected) {
    if (free.has(account)) continue;
    const w = want.get(account) ?? { minor: 0n, roles: [] };
    w.minor += minor;
    w.roles.push(role);
    want.set(account, w);
  }
  const held = new Map<string, bigint>();
  for (const l of lines) held.set(l.accountId, (held.get(l.accountId) ?? 0n) + toBigInt(l.total));
  for (const account of new Set([...want.keys(), ...held.keys()])) {
    if (free.has(account)) continue;
    const w = want.get(account);
    const h = held.get(account) ?? 0n;
    if ((w?.minor ?? 0n) !== h)
      say(`${w ? w.roles.join("/") : `account ${account}`}: ${w?.minor ?? 0n} expected, ${h} in the books`);
  }
}

type OrgRow = { id: string; tenantId: string; name: string };

/** A group's members: their savings and internal loans in its records against their accounts. */
async function checkMembers(db: Db, group: OrgRow, found: Incoherence[]): Promise<void> {
  const chart = await db
    .selectFrom("accounts")
    .select(["id", "code"])
    .where("orgId", "=", group.id)
    .execute();
  if (chart.length === 0) return;
  const idOf = (code: string) => chart.find((a) => a.code === code)?.id ?? "";
  // An entry keyed in by hand names no member: it is the bookkeeper's, not a member's, movement.
  const byParty = async (code: string) => {
    const rows = await db
      .selectFrom("journalLines as l")
      .innerJoin("journalEntries as e", "e.id", "l.entryId")
      .select(["l.partyId", (eb) => eb.fn.sum<Sum>("l.amount").as("total")])
      .where("l.tenantId", "=", group.tenantId)
      .where("l.orgId", "=", group.id)
      .where("l.accountId", "=", idOf(code))
      .where((eb) => eb.or([eb("l.partyId", "is not", null), eb("e.causeType", "<>", MANUAL_CAUSE)]))
      .groupBy("l.partyId")
      .execute();
    return new Map(rows.map((r) => [r.partyId ?? "nobody", toBigInt(r.total)]));
  };

  // Savings: what posted meetings saved and withdrew, less what share-outs paid out.
  const saved = new Map<string, bigint>();
  const add = (personId: string | null, minor: bigint) =>
    saved.set(personId ?? "nobody", (saved.get(personId ?? "nobody") ?? 0n) + minor);
  const movements = await db
    .selectFrom("meetingLines as l")
    .innerJoin("meetings as m", "m.id", "l.meetingId")
    .select(["l.personId", "l.kind", (eb) => eb.fn.sum<Sum>("l.amount").as("total")])
    .where("l.tenantId", "=", group.tenantId)
    .where("l.orgId", "=", group.id)
    .where("m.status", "=", "posted")
    .where("l.kind", "in", ["savings", "voluntarySavings", "withdrawal"])
    .groupBy(["l.personId", "l.kind"])
    .execute();
  for (const m of movements) add(m.personId, (m.kind === "withdrawal" ? -1n : 1n) * toBigInt(m.total));
  const shared = await db
    .selectFrom("shareoutLines as s")
    .innerJoin("shareouts as o", "o.id", "s.shareoutId")
    .select(["s.personId", "s.savings", "s.carriedOver"])
    .where("o.tenantId", "=", group.tenantId)
    .where("o.orgId", "=", group.id)
    .execute();
  for (const s of shared) add(s.personId, toBigInt(s.carriedOver) - toBigInt(s.savings));
  const savings = await byParty(SHG_ACCOUNTS.savings);
  for (const person of new Set([...saved.keys(), ...savings.keys()])) {
    const records = saved.get(person) ?? 0n;
    const books = -(savings.get(person) ?? 0n);
    if (records !== books)
      found.push({
        kind: "member-savings",
        detail: `${person} in ${group.name}: ${records} saved in the records, ${books} in the books`,
      });
  }

  // Internal loans: each one's outstanding principal from its repayments, and each member's total.
  const loans = await db
    .selectFrom("internalLoans")
    .select(["id", "personId", "principal", "principalOutstanding", "status"])
    .where("tenantId", "=", group.tenantId)
    .where("orgId", "=", group.id)
    .execute();
  const repaid = await db
    .selectFrom("meetingLines as l")
    .innerJoin("meetings as m", "m.id", "l.meetingId")
    .select([
      "l.internalLoanId",
      (eb) => eb.fn.sum<Sum>("l.amount").as("amount"),
      (eb) => eb.fn.sum<Sum>("l.interest").as("interest"),
    ])
    .where("l.tenantId", "=", group.tenantId)
    .where("l.orgId", "=", group.id)
    .where("m.status", "=", "posted")
    .where("l.kind", "=", "repayment")
    .groupBy("l.internalLoanId")
    .execute();
  const lent = new Map<string, bigint>();
  for (const loan of loans) {
    const r = repaid.find((x) => x.internalLoanId === loan.id);
    const principalRepaid = toBigInt(r?.amount) - toBigInt(r?.interest);
    const cancelled = loan.status === "cancelled";
    const expected = cancelled ? 0n : toBigInt(loan.principal) - principalRepaid;
    const held = toBigInt(loan.principalOutstanding);
    const status = cancelled ? "cancelled" : expected === 0n ? "repaid" : "open";
    if (expected !== held || status !== loan.status)
      found.push({
        kind: "member-loans",
        detail: `internal loan ${loan.id}: ${expected} (${status}) from its repayments, ${held} (${loan.status}) held`,
      });
    lent.set(loan.personId, (lent.get(loan.personId) ?? 0n) + held);
  }
  const books = await byParty(SHG_ACCOUNTS.loansToMembers);
  for (const person of new Set([...lent.keys(), ...books.keys()])) {
    const records = lent.get(person) ?? 0n;
    const held = books.get(person) ?? 0n;
    if (records !== held)
      found.push({
        kind: "member-loans",
        detail: `${person} in ${group.name}: ${records} owed in the records, ${held} in the books`,
      });
  }
}
