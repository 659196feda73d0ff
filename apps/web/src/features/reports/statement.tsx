// An account's statement over a period: its opening balance, each line with the running balance after
// it, and its closing balance. The account is chosen from the organisation's chart.
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/error-notice.js";
import { formatDate } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { accountStatement, chartOfAccounts } from "./api.js";
import { Amount, accountPath, BooksFrame } from "./books-frame.js";
import { shortDate } from "./chart-format.js";
import { FiguresScroll } from "./figures-scroll.js";
import { DateField, Filters, OrgSelect, useReportParams } from "./filters.js";
import { messages } from "./messages.js";
import { BOOK_READERS } from "./roles.js";

registerMessages("reports", messages);

export default function StatementScreen() {
  const { t } = useTranslation();
  const p = useReportParams(BOOK_READERS);
  const locale = currentLocale();
  const pickId = useId();
  const chart = useQuery({
    queryKey: ["reports", "accounts", p.orgId],
    queryFn: () => chartOfAccounts(p.orgId),
    enabled: p.orgId !== "",
  });
  const accounts = [...(chart.data?.items ?? [])].sort((a, b) => a.fullName.localeCompare(b.fullName));
  const account = p.account && accounts.some((a) => a.id === p.account) ? p.account : null;
  const statement = useQuery({
    queryKey: ["reports", "statement", account, p.from, p.to],
    queryFn: () => accountStatement(account ?? "", p.from, p.to),
    enabled: account !== null,
  });
  const s = statement.data;
  return (
    <BooksFrame
      report="statement"
      params={p}
      filters={
        <Filters>
          <OrgSelect value={p.orgId} onChange={(org) => p.set({ org, account: null })} />
          <div className="field reports-field reports-field-wide">
            <label htmlFor={pickId}>{t("reports.filters.account")}</label>
            <select
              id={pickId}
              name="account"
              value={account ?? ""}
              onChange={(e) => p.set({ account: e.target.value })}
            >
              <option value="">{t("reports.filters.chooseAccount")}</option>
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {accountPath(a.fullName)}
                </option>
              ))}
            </select>
          </div>
          <DateField
            name="from"
            label={t("reports.filters.from")}
            value={p.from}
            onChange={(from) => p.set({ from })}
          />
          <DateField
            name="to"
            label={t("reports.filters.to")}
            value={p.to}
            onChange={(to) => p.set({ to, date: to })}
          />
        </Filters>
      }
    >
      {chart.isError ? (
        <ErrorNotice error={chart.error} onRetry={() => void chart.refetch()} />
      ) : account === null ? (
        <p className="muted">{t("reports.books.pickAccount")}</p>
      ) : statement.isError ? (
        <ErrorNotice error={statement.error} onRetry={() => void statement.refetch()} />
      ) : !s ? (
        <p className="muted" aria-busy="true">
          {t("app.loading")}
        </p>
      ) : (
        <section className="card reports-report" aria-label={s.account}>
          <p className="reports-caption" aria-hidden="true">
            {accountPath(s.account)} · {formatDate(locale, s.from)} – {formatDate(locale, s.to)}
          </p>
          <FiguresScroll label={s.account}>
            <table className="figures reports-table reports-statement">
              <caption className="reports-visually-hidden">
                {accountPath(s.account)} · {formatDate(locale, s.from)} – {formatDate(locale, s.to)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("reports.books.description")}</th>
                  <th scope="col" className="num">
                    {t("reports.books.amount")}
                  </th>
                  <th scope="col" className="num">
                    {t("reports.books.balance")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.opening.map((o) => (
                  <tr key={`opening-${o.currency}`} className="reports-subtotal">
                    <th scope="row" colSpan={2}>
                      {t("reports.books.opening")}
                    </th>
                    <td className="num">
                      <Amount amount={o.amount} currency={o.currency} />
                    </td>
                  </tr>
                ))}
                {s.lines.length === 0 && (
                  <tr>
                    <td colSpan={3} className="muted">
                      {t("reports.books.noLines")}
                    </td>
                  </tr>
                )}
                {s.lines.map((l) => (
                  <tr key={`${l.entryId}-${l.currency}-${l.balance}`}>
                    <td className="reports-description">
                      <span className="reports-line-date">{shortDate(locale, l.businessDate)}</span>
                      {l.description}
                    </td>
                    <td className="num">
                      <Amount amount={l.amount} currency={l.currency} />
                    </td>
                    <td className="num">
                      <Amount amount={l.balance} currency={l.currency} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                {s.closing.map((c) => (
                  <tr key={`closing-${c.currency}`}>
                    <th scope="row" colSpan={2}>
                      {t("reports.books.closing")}
                    </th>
                    <td className="num" data-total="closing">
                      <Amount amount={c.amount} currency={c.currency} />
                    </td>
                  </tr>
                ))}
              </tfoot>
            </table>
          </FiguresScroll>
        </section>
      )}
    </BooksFrame>
  );
}
