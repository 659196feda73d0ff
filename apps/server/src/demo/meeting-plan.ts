// One meeting of a demo group, decided from the group's money as the generator tracks it (the same
// arithmetic as the group's books: savings, cash box, bank, social fund, open internal loans) and the
// habits of its profile. No I/O: the caller records the meeting, and its books then hold what this held.

import { daysBetween } from "@qadam/core/clock";
import {
  addMonths,
  type InternalLoanTerms,
  type InternalRepayment,
  internalLoanOn,
  maxInternalLoan,
  splitInternalRepayment,
} from "@qadam/core/groups/internal-loans";
import type { Attendance, MeetingInput, MeetingLine } from "@qadam/core/groups/meeting";
import type { GroupRules, SocialFundPurpose } from "@qadam/core/groups/rules";
import { type LoanBehaviour, type ProfileTraits, weighted } from "./group-profiles.js";
import type { DemoRandom } from "./random.js";

export interface DemoLoan {
  id: string;
  personId: string;
  terms: InternalLoanTerms;
  repayments: InternalRepayment[];
  behaviour: LoanBehaviour;
  /** For a stalled loan: nothing is paid from `from` to the day before `to`. */
  stall: { from: string; to: string } | null;
}

/** What the group holds between meetings; planDemoMeeting updates it as the meeting will. */
export interface GroupBook {
  rules: GroupRules;
  traits: ProfileTraits;
  cash: bigint;
  bank: bigint;
  socialFund: bigint;
  savings: Map<string, bigint>;
  /** Open loans, oldest first. */
  loans: DemoLoan[];
  /** How many loans each member has taken, so that lending goes round the group. */
  borrowed: Map<string, number>;
  /** Fines for meetings missed without excuse, paid when she next comes. */
  finesDue: Map<string, bigint>;
  /** How many shares each member usually buys (groups that save in shares). */
  shares: Map<string, number>;
}

export interface DemoMember {
  personId: string;
  joinedOn: string;
  leftOn: string | null;
}

export interface PlannedMeeting {
  input: MeetingInput;
  /** The loans issued, in the order of their lines: recordMeeting returns their ids in that order. */
  newLoans: Array<Omit<DemoLoan, "id">>;
}

const TENGE = 100n;
/** Who pays at the meeting: those there, and those who sent someone with their money. */
const PAYS: ReadonlySet<Attendance> = new Set(["present", "late", "represented"]);
const EXPENSES = [
  "Кеңсе тауарлары",
  "Федерация жиналысына жол ақысы",
  "Кітапшалар басып шығару",
  "Жиналысқа шай",
];
const PURPOSES = ["Мал азығы", "Тігін машинасы", "Балалардың оқуы", "Дәрі-дәрмек", "Көкөніс тұқымы", "Сауда"];
const PAYOUT_WEIGHTS: Record<SocialFundPurpose, number> = {
  illness: 6,
  childbirth: 3,
  death: 1,
  education: 2,
  disaster: 1,
  other: 1,
};

export function newGroupBook(rules: GroupRules, traits: ProfileTraits): GroupBook {
  return {
    rules,
    traits,
    cash: 0n,
    bank: 0n,
    socialFund: 0n,
    savings: new Map(),
    loans: [],
    borrowed: new Map(),
    finesDue: new Map(),
    shares: new Map(),
  };
}

const roundDown = (x: bigint, unit: bigint): bigint => (x / unit) * unit;
const roundUp = (x: bigint, unit: bigint): bigint => ((x + unit - 1n) / unit) * unit;
const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/**
 * The meeting held on `on` by these members (the group's members that day), the next one being due on
 * `next`: installments falling due before then are paid now by those who pay on time. `external` is
 * what the group owes today on a loan from its federation, paid out of the box (from the bank if short).
 */
export function planDemoMeeting(
  book: GroupBook,
  members: readonly DemoMember[],
  on: string,
  next: string,
  random: DemoRandom,
  external: { loanId: string; amount: bigint } | null = null,
): PlannedMeeting {
  const { rules, traits } = book;
  const lines: MeetingLine[] = [];
  const attendance = members.map((m) => ({
    personId: m.personId,
    status: weighted(random, traits.attendance),
  }));
  // A borrower who repays on time and cannot come mostly sends the money with someone.
  for (const a of attendance)
    if (
      !PAYS.has(a.status) &&
      book.loans.some((l) => l.personId === a.personId && l.behaviour === "on-time") &&
      random.chance(0.6)
    )
      a.status = "represented";
  const there = new Set(attendance.filter((a) => PAYS.has(a.status)).map((a) => a.personId));
  const save = (personId: string, amount: bigint) =>
    book.savings.set(personId, (book.savings.get(personId) ?? 0n) + amount);
  const cashIn = (line: MeetingLine & { amount: bigint }) => {
    lines.push(line);
    book.cash += line.amount;
  };

  // Money in: savings, fines, the social fund, repayments.
  for (const { personId, status } of attendance) {
    if (!PAYS.has(status)) {
      if (status === "absent" && rules.fines.absence > 0n)
        book.finesDue.set(personId, (book.finesDue.get(personId) ?? 0n) + rules.fines.absence);
      continue;
    }
    const amount = compulsory(book, personId, random);
    cashIn({ kind: "savings", personId, amount });
    save(personId, amount);
    if (rules.savings.voluntary && random.chance(traits.voluntary)) {
      const extra = BigInt(random.int(1, 10)) * 500n * TENGE;
      cashIn({ kind: "voluntarySavings", personId, amount: extra });
      save(personId, extra);
    }
    const owed = book.finesDue.get(personId) ?? 0n;
    if (owed > 0n) {
      cashIn({ kind: "fine", personId, amount: owed, reason: "absence" });
      book.finesDue.delete(personId);
    }
    if (status === "late" && rules.fines.lateness > 0n)
      cashIn({ kind: "fine", personId, amount: rules.fines.lateness, reason: "lateness" });
    if (rules.socialFund.contribution > 0n) {
      lines.push({ kind: "socialContribution", personId, amount: rules.socialFund.contribution });
      book.socialFund += rules.socialFund.contribution;
    }
  }
  for (const loan of [...book.loans]) {
    if (!there.has(loan.personId)) continue;
    const payment = repaymentOf(loan, on, next, random);
    if (!payment) continue;
    const split = splitInternalRepayment(loan.terms, loan.repayments, on, payment.amount);
    cashIn({ kind: "repayment", personId: loan.personId, loanId: loan.id, amount: payment.amount });
    loan.repayments.push({ on, ...split });
    if (payment.late && rules.fines.lateRepayment > 0n)
      cashIn({
        kind: "fine",
        personId: loan.personId,
        amount: rules.fines.lateRepayment,
        reason: "lateRepayment",
      });
    if (internalLoanOn(loan.terms, loan.repayments, on).closed)
      book.loans.splice(book.loans.indexOf(loan), 1);
  }

  // Money out: the social fund's help, the group's expenses, savings taken by those leaving, loans.
  if (book.socialFund >= 2_000n * TENGE && random.chance(0.08)) {
    const weights = Object.fromEntries(rules.socialFund.purposes.map((p) => [p, PAYOUT_WEIGHTS[p]]));
    const amount = roundDown(min(book.socialFund, BigInt(random.int(6, 30)) * 500n * TENGE), 100n * TENGE);
    lines.push({
      kind: "socialPayout",
      personId: random.pick(members).personId,
      amount,
      purpose: weighted(random, weights) as SocialFundPurpose,
    });
    book.socialFund -= amount;
  }
  const cashOut = (line: MeetingLine & { amount: bigint }) => {
    lines.push(line);
    book.cash -= line.amount;
  };
  if (external && external.amount > 0n) {
    if (external.amount > book.cash && book.bank > 0n) {
      const withdrawn = min(book.bank, roundUp(external.amount - book.cash, 1_000n * TENGE));
      lines.push({ kind: "bankWithdrawal", amount: withdrawn });
      book.bank -= withdrawn;
      book.cash += withdrawn;
    }
    if (external.amount <= book.cash)
      cashOut({ kind: "loanRepayment", loanId: external.loanId, amount: external.amount });
  }
  if (random.chance(0.08)) {
    const amount = BigInt(random.int(5, 30)) * 100n * TENGE;
    if (amount <= book.cash) cashOut({ kind: "expense", amount, detail: random.pick(EXPENSES) });
  }
  const leaving = new Set<string>();
  for (const m of members) {
    const saved = book.savings.get(m.personId) ?? 0n;
    if (!rules.savings.withdrawals || m.leftOn === null || m.leftOn > next || !there.has(m.personId))
      continue;
    if (saved === 0n || saved > book.cash || book.loans.some((l) => l.personId === m.personId)) continue;
    cashOut({ kind: "withdrawal", personId: m.personId, amount: saved });
    book.savings.set(m.personId, 0n);
    leaving.add(m.personId);
  }
  const newLoans = lend(book, members, attendance, leaving, on, random, lines);

  // What is left over beyond the week's needs goes to the bank now and then.
  if (book.cash > 60_000n * TENGE && random.chance(0.4)) {
    const amount = roundDown(book.cash - 20_000n * TENGE, 10_000n * TENGE);
    cashOut({ kind: "bankDeposit", amount });
    book.bank += amount;
  }
  const cashCounted = random.chance(traits.countCash) ? book.cash : null;
  return { input: { heldOn: on, attendance, lines, cashCounted }, newLoans };
}

/** Today's savings: the fixed amount, or her usual number of shares (now and then another number). */
function compulsory(book: GroupBook, personId: string, random: DemoRandom): bigint {
  const c = book.rules.savings.compulsory;
  if (c.kind === "fixed") return c.amount;
  const low = Math.max(1, c.minShares);
  let usual = book.shares.get(personId);
  if (usual === undefined) {
    usual = random.int(low, c.maxShares);
    book.shares.set(personId, usual);
  }
  return BigInt(random.chance(0.15) ? random.int(low, c.maxShares) : usual) * c.sharePrice;
}

/** What she pays on the loan today, by her habit: what falls due before the next meeting, or not. */
function repaymentOf(
  loan: DemoLoan,
  on: string,
  next: string,
  random: DemoRandom,
): { amount: bigint; late: boolean } | null {
  const state = internalLoanOn(loan.terms, loan.repayments, on);
  const principalPaid = loan.terms.principal - state.principalOutstanding;
  const principalDue =
    state.installments.filter((i) => i.dueOn < next).reduce((s, i) => s + i.principal, 0n) - principalPaid;
  if (principalDue <= 0n) return null;
  let amount = principalDue + state.interestOwed;
  switch (loan.behaviour) {
    case "on-time":
      break;
    case "late":
      if (state.daysLate === 0 ? random.chance(0.6) : state.daysLate < 21 && random.chance(0.3)) return null;
      break;
    case "partial":
      if (random.chance(0.5)) amount = roundDown((amount * BigInt(random.int(30, 70))) / 100n, 100n * TENGE);
      break;
    case "stalled":
      if (loan.stall && loan.stall.from <= on && on < loan.stall.to) return null;
      break;
    default: {
      const never: never = loan.behaviour;
      throw new Error(`unknown behaviour ${String(never)}`);
    }
  }
  if (amount <= 0n) return null;
  return { amount: min(amount, state.owed), late: state.daysLate > 0 };
}

/** New loans, to members who came in person and have borrowed least, within the rules and the cash. */
function lend(
  book: GroupBook,
  members: readonly DemoMember[],
  attendance: ReadonlyArray<{ personId: string; status: Attendance }>,
  leaving: ReadonlySet<string>,
  on: string,
  random: DemoRandom,
  lines: MeetingLine[],
): Array<Omit<DemoLoan, "id">> {
  const { rules, traits } = book;
  const wanted = (random.chance(traits.newLoan) ? 1 : 0) + (random.chance(traits.newLoan / 3) ? 1 : 0);
  if (wanted === 0) return [];
  const came = new Set(
    attendance.filter((a) => a.status === "present" || a.status === "late").map((a) => a.personId),
  );
  const stays = addMonths(on, rules.loans.maxTermMonths + 2);
  const candidates = members
    .filter(
      (m) =>
        came.has(m.personId) &&
        !leaving.has(m.personId) &&
        daysBetween(m.joinedOn, on) >= 28 &&
        (m.leftOn === null || m.leftOn > stays) &&
        !book.loans.some((l) => l.personId === m.personId),
    )
    .map((m) => ({
      personId: m.personId,
      order: (book.borrowed.get(m.personId) ?? 0) * 1000 + random.int(0, 999),
    }))
    .sort((a, b) => a.order - b.order)
    .slice(0, wanted);
  const reserve = 1_000n * TENGE;
  const issued: Array<Omit<DemoLoan, "id">> = [];
  for (const { personId } of candidates) {
    const limit = maxInternalLoan(book.savings.get(personId) ?? 0n, rules.loans.maxMultipleOfSavings);
    const spare = book.cash - reserve + book.bank;
    const amount = roundDown((min(limit, spare) * BigInt(random.int(40, 100))) / 100n, 500n * TENGE);
    if (amount < 2_000n * TENGE) continue;
    if (amount > book.cash - reserve) {
      // Taken out of the bank for it: money in comes first at a meeting, so the loan can use it.
      const needed = amount - (book.cash - reserve);
      const withdrawn = min(book.bank, ((needed + 1_000n * TENGE - 1n) / (1_000n * TENGE)) * 1_000n * TENGE);
      lines.push({ kind: "bankWithdrawal", amount: withdrawn });
      book.bank -= withdrawn;
      book.cash += withdrawn;
    }
    const max = rules.loans.maxTermMonths;
    const termMonths = Math.min(
      max,
      amount <= 10_000n * TENGE
        ? random.int(2, 4)
        : amount <= 40_000n * TENGE
          ? random.int(3, 6)
          : random.int(4, max),
    );
    lines.push({ kind: "loan", personId, amount, termMonths, purpose: random.pick(PURPOSES) });
    book.cash -= amount;
    book.borrowed.set(personId, (book.borrowed.get(personId) ?? 0) + 1);
    const behaviour = weighted(random, traits.loans);
    const stallFrom = addMonths(on, random.int(1, 3));
    issued.push({
      personId,
      terms: {
        principal: amount,
        monthlyRate: rules.loans.monthlyRate,
        method: rules.loans.method,
        termMonths,
        issuedOn: on,
      },
      repayments: [],
      behaviour,
      stall: behaviour === "stalled" ? { from: stallFrom, to: addMonths(stallFrom, random.int(2, 5)) } : null,
    });
  }
  return issued;
}
