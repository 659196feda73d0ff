// The income statement of an organisation over a period: income and expenses rolled up by the chart,
// and the period's result.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/error-notice.js";
import { formatDate } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { incomeStatement } from "./api.js";
import { Amount, BooksFrame } from "./books-frame.js";
import { FiguresScroll } from "./figures-scroll.js";
import { DateField, Filters, OrgSelect, useReportParams } from "./filters.js";
import { messages } from "./messages.js";
import { ReportSection } from "./report-lines.js";
import { BOOK_READERS } from "./roles.js";

registerMessages("reports", messages);

export default function IncomeStatementScreen() {
  const { t } = useTranslation();
  const p = useReportParams(BOOK_READERS);
  const locale = currentLocale();
  const query = useQuery({
    queryKey: ["reports", "income-statement", p.orgId, p.from, p.to],
    queryFn: () => incomeStatement(p.orgId, p.from, p.to),
    enabled: p.orgId !== "",
  });
  const is = query.data;
  const currencies = [
    ...new Set([...(is?.lines.map((l) => l.currency) ?? []), ...(is?.result.map((r) => r.currency) ?? [])]),
  ].sort();
  return (
    <BooksFrame
      report="incomeStatement"
      params={p}
      filters={
        <Filters>
          <OrgSelect value={p.orgId} onChange={(org) => p.set({ org, account: null })} />
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
      {query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : !is ? (
        <p className="muted" aria-busy="true">
          {t("app.loading")}
        </p>
      ) : currencies.length === 0 ? (
        <p className="muted">{t("reports.books.noAccounts")}</p>
      ) : (
        currencies.map((cur) => {
          const lines = is.lines.filter((l) => l.currency === cur);
          const result = is.result.find((r) => r.currency === cur)?.amount ?? "0";
          return (
            <section
              key={cur}
              className="card reports-report"
              aria-label={t("reports.books.currency", { currency: cur })}
            >
              <p className="reports-caption" aria-hidden="true">
                {formatDate(locale, is.from)} – {formatDate(locale, is.to)} · {cur}
              </p>
              <FiguresScroll label={t("reports.books.incomeStatement")}>
                <table className="figures reports-table" data-currency={cur}>
                  <caption className="reports-visually-hidden">
                    {formatDate(locale, is.from)} – {formatDate(locale, is.to)} · {cur}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("reports.books.account")}</th>
                      <th scope="col" className="num">
                        {t("reports.books.amount")}
                      </th>
                    </tr>
                  </thead>
                  <ReportSection type="income" lines={lines} />
                  <ReportSection type="expense" lines={lines} />
                  <tfoot>
                    <tr>
                      <th scope="row">{t("reports.books.result")}</th>
                      <td className="num" data-total="result">
                        <Amount amount={result} currency={cur} />
                      </td>
                    </tr>
                  </tfoot>
                </table>
              </FiguresScroll>
            </section>
          );
        })
      )}
    </BooksFrame>
  );
}
