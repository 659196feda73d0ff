// The journal in hledger / ledger-cli format, so that any accountant's tool can check our balances:
// one transaction per entry, account full names, amounts with the currency code after them, and a
// commodity directive per currency so the tools print the same number of decimals as we do.
import { type Currency, formatMoney, type Money, minorDigits } from "../money/index.js";

export interface LedgerEntry {
  id: string;
  businessDate: string;
  description: string;
  lines: ReadonlyArray<{ account: string; amount: Money }>;
}

/** Account names may not hold two spaces in a row (the tools' separator), tabs, ";" or newlines. */
export function ledgerAccountName(name: string): string {
  return name
    .replace(/[;\t\r\n]/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

function oneLine(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, " ")
    .replace(/;/g, ",")
    .trim();
}

export function formatLedgerJournal(entries: Iterable<LedgerEntry>): string {
  const list = [...entries];
  const currencies = new Set<Currency>();
  for (const e of list) for (const l of e.lines) currencies.add(l.amount.currency);
  const out: string[] = [];
  for (const c of [...currencies].sort()) {
    const digits = minorDigits(c);
    out.push(`commodity 1000${digits > 0 ? `.${"0".repeat(digits)}` : ""} ${c}`);
  }
  if (out.length > 0) out.push("");
  for (const e of list) {
    out.push(`${e.businessDate} ${oneLine(e.description)}  ; id:${e.id}`);
    for (const l of e.lines)
      out.push(`    ${ledgerAccountName(l.account)}  ${formatMoney(l.amount)} ${l.amount.currency}`);
    out.push("");
  }
  return out.join("\n");
}
