// The lines of a balance sheet or income statement: accounts of one type, nested by the chart, each in
// its natural sign; the top-level account of each type is the section's total.
import type { AccountType } from "@qadam/core/books/accounts";
import { useTranslation } from "react-i18next";
import { Amount, accountName } from "./books-frame.js";

export interface ReportLine {
  accountId: string;
  account: string;
  type: AccountType;
  amount: string;
  currency: string;
}

export function ReportSection({ type, lines }: { type: AccountType; lines: readonly ReportLine[] }) {
  const { t } = useTranslation();
  const ofType = lines.filter((l) => l.type === type);
  if (ofType.length === 0) return null;
  return (
    <tbody>
      <tr className="reports-section">
        <th scope="rowgroup" colSpan={2}>
          {t(`reports.books.types.${type}`)}
        </th>
      </tr>
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
