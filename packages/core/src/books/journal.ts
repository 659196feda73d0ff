// Journal entries as values: lines of signed amounts (debit positive, credit negative) that must sum
// to zero in each currency. Validation judges the entry as a whole and names the offending line;
// a correction is never an edit but a reversing entry, which cancels the original exactly.

import { DomainError } from "../errors.js";
import { type Currency, type Money, money } from "../money/index.js";

export interface JournalLine {
  /** The account's id in the organisation's chart. */
  account: string;
  /** Debit when positive, credit when negative; never zero. */
  amount: Money;
  memo?: string;
  /** The person the line concerns, for a sub-ledger such as a member's savings. */
  party?: string;
}

export interface JournalEntryDraft {
  businessDate: string;
  description: string;
  /** The business record that caused the entry (a repayment, a meeting…). */
  cause: { type: string; id: string };
  lines: readonly JournalLine[];
  /** The entry this one reverses, if it is a correction. */
  reverses?: string;
}

export type JournalProblem =
  | { code: "JOURNAL_EMPTY" }
  | { code: "JOURNAL_LINE_ZERO"; line: number }
  | { code: "JOURNAL_UNBALANCED"; currency: Currency; difference: Money };

/** Every currency's total of the lines: all zero for a balanced entry. */
export function totalsByCurrency(lines: readonly JournalLine[]): Map<Currency, bigint> {
  const totals = new Map<Currency, bigint>();
  for (const line of lines)
    totals.set(line.amount.currency, (totals.get(line.amount.currency) ?? 0n) + line.amount.minor);
  return totals;
}

/** The first problem of the entry, or null when it may be posted. */
export function problemOf(entry: Pick<JournalEntryDraft, "lines">): JournalProblem | null {
  if (entry.lines.length < 2) return { code: "JOURNAL_EMPTY" };
  const zero = entry.lines.findIndex((l) => l.amount.minor === 0n);
  if (zero >= 0) return { code: "JOURNAL_LINE_ZERO", line: zero + 1 };
  for (const [currency, total] of totalsByCurrency(entry.lines)) {
    if (total !== 0n) return { code: "JOURNAL_UNBALANCED", currency, difference: money(total, currency) };
  }
  return null;
}

/** Throws the entry's problem as a domain error (with a translated message at the boundary). */
export function assertBalanced(entry: Pick<JournalEntryDraft, "lines">): void {
  const problem = problemOf(entry);
  if (!problem) return;
  switch (problem.code) {
    case "JOURNAL_EMPTY":
      throw new DomainError("JOURNAL_EMPTY");
    case "JOURNAL_LINE_ZERO":
      throw new DomainError("JOURNAL_LINE_ZERO", { line: problem.line });
    case "JOURNAL_UNBALANCED":
      throw new DomainError("JOURNAL_UNBALANCED", {
        currency: problem.currency,
        difference: problem.difference,
      });
    default: {
      const never: never = problem;
      throw new Error(`unknown journal problem ${JSON.stringify(never)}`);
    }
  }
}

/** The entry that cancels `original`: the same lines with their signs swapped. */
export function reversalOf(
  original: JournalEntryDraft & { id: string },
  correction: { businessDate: string; description: string },
): JournalEntryDraft {
  return {
    businessDate: correction.businessDate,
    description: correction.description,
    cause: original.cause,
    reverses: original.id,
    lines: original.lines.map((l) => ({ ...l, amount: money(-l.amount.minor, l.amount.currency) })),
  };
}

/** Each account's balance per currency over the given lines (debit positive). */
export function balancesOf(lines: Iterable<JournalLine>): Map<string, Map<Currency, bigint>> {
  const balances = new Map<string, Map<Currency, bigint>>();
  for (const line of lines) {
    const account = balances.get(line.account) ?? new Map<Currency, bigint>();
    account.set(line.amount.currency, (account.get(line.amount.currency) ?? 0n) + line.amount.minor);
    balances.set(line.account, account);
  }
  return balances;
}
