// The trial balance of an organisation on a date: each account's own balance in the debit or credit
// column, and per currency the totals of both, which must be equal.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/error-notice.js";
import { formatDate } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { trialBalance } from "./api.js";
import { Amount, accountPath, BooksFrame, magnitude } from "./books-frame.js";
import { FiguresScroll } from "./figures-scroll.js";
import { DateField, Filters, OrgSelect, useReportParams } from "./filters.js";
import { messages } from "./messages.js";
import { BOOK_READERS } from "./roles.js";

registerMessages("reports", messages);

export default function TrialBalanceScreen() {
  const { t } = useTranslation();
  const p = useReportParams(BOOK_READERS);
  const query = useQuery({
    queryKey: ["reports", "trial-balance", p.orgId, p.date],
    queryFn: () => trialBalance(p.orgId, p.date),
    enabled: p.orgId !== "",
  });
  const tb = query.data;
  const currencies = tb?.totals.map((x) => x.currency) ?? [];
  return (
    <BooksFrame
      report="trialBalance"
      params={p}
      filters={
        <Filters>
          <OrgSelect value={p.orgId} onChange={(org) => p.set({ org, account: null })} />
          <DateField
            name="date"
            label={t("reports.filters.date")}
            value={p.date}
            onChange={(date) => p.set({ date })}
          />
        </Filters>
      }
    >
      {query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : !tb ? (
        <p className="muted" aria-busy="true">
          {t("app.loading")}
        </p>
      ) : tb.accounts.length === 0 ? (
        <p className="muted">{t("reports.books.noAccounts")}</p>
      ) : (
        currencies.map((cur) => {
          const total = tb.totals.find((x) => x.currency === cur);
          const balanced = total?.debit === total?.credit;
          return (
            <section
              key={cur}
              className="card reports-report"
              aria-label={t("reports.books.currency", { currency: cur })}
            >
              <p className={balanced ? "badge badge-ok" : "badge badge-late"} role="status">
                {t(balanced ? "reports.books.balanced" : "reports.books.unbalanced")}
              </p>
              <p className="reports-caption" aria-hidden="true">
                {formatDate(currentLocale(), tb.date)} · {cur}
              </p>
              <FiguresScroll label={t("reports.books.trialBalance")}>
                <table className="figures reports-table reports-trial-balance" data-currency={cur}>
                  <caption className="reports-visually-hidden">
                    {formatDate(currentLocale(), tb.date)} · {cur}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("reports.books.account")}</th>
                      <th scope="col" className="num">
                        {t("reports.books.debit")}
                      </th>
                      <th scope="col" className="num">
                        {t("reports.books.credit")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {tb.accounts
                      .filter((a) => a.currency === cur)
                      .map((a) => {
                        const debit = !a.balance.startsWith("-");
                        return (
                          <tr key={a.accountId} data-account={a.accountId}>
                            <th scope="row" className="reports-account">
                              {accountPath(a.account)}
                            </th>
                            <td className="num">
                              {debit ? <Amount amount={a.balance} currency={cur} /> : null}
                            </td>
                            <td className="num">
                              {debit ? null : <Amount amount={magnitude(a.balance, cur)} currency={cur} />}
                            </td>
                          </tr>
                        );
                      })}
                  </tbody>
                  {total && (
                    <tfoot>
                      <tr>
                        <th scope="row">{t("reports.books.total")}</th>
                        <td className="num" data-total="debit">
                          <Amount amount={total.debit} currency={cur} />
                        </td>
                        <td className="num" data-total="credit">
                          <Amount amount={total.credit} currency={cur} />
                        </td>
                      </tr>
                    </tfoot>
                  )}
                </table>
              </FiguresScroll>
            </section>
          );
        })
      )}
    </BooksFrame>
  );
}
