// The lines of a balance sheet or income statement: accounts of one type, nested by the chart, each in
// its natural sign; the top-level account of each type (Assets, Income…) heads its section with its total.
import type { AccountType } from "@qadam/core/books/accounts";
import { Amount, accountName } from "./books-frame.js";

export interface ReportLine {
  accountId: string;
  account: string;
  type: AccountType;
  amount: string;
  currency: string;
}

export function ReportSection({ type, lines }: { type: AccountType; lines: readonly ReportLine[] }) {
  const ofType = lines.filter((l) => l.type === type);
  if (ofType.length === 0) return null;
  return (
    <tbody>
      {ofType.map((l) => {
        const { depth, name } = accountName(l.account);
        return (
          <tr key={`${l.accountId}-${l.currency}`} className={depth === 0 ? "reports-subtotal" : undefined}>
            <th scope="row" className="reports-account" style={{ paddingInlineStart: `${0.5 + depth}rem` }}>
              {depth === 0 ? l.account : name}
            </th>
            <td className="num">
              <Amount amount={l.amount} currency={l.currency} />
            </td>
          </tr>
        );
      })}
    </tbody>
  );
}
