// The balance sheet of an organisation on a date: assets, liabilities and equity rolled up by the chart,
// the result not yet closed into equity, and the two sides' totals.
import { add, type Money } from "@qadam/core/money";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/error-notice.js";
import { formatDate } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { balanceSheet } from "./api.js";
import { Amount, asMoney, asText, BooksFrame, zero } from "./books-frame.js";
import { FiguresScroll } from "./figures-scroll.js";
import { DateField, Filters, OrgSelect, useReportParams } from "./filters.js";
import { messages } from "./messages.js";
import { ReportSection } from "./report-lines.js";
import { BOOK_READERS } from "./roles.js";

registerMessages("reports", messages);

export default function BalanceSheetScreen() {
  const { t } = useTranslation();
  const p = useReportParams(BOOK_READERS);
  const query = useQuery({
    queryKey: ["reports", "balance-sheet", p.orgId, p.date],
    queryFn: () => balanceSheet(p.orgId, p.date),
    enabled: p.orgId !== "",
  });
  const bs = query.data;
  const currencies = [
    ...new Set([
      ...(bs?.lines.map((l) => l.currency) ?? []),
      ...(bs?.currentEarnings.map((e) => e.currency) ?? []),
    ]),
  ].sort();
  return (
    <BooksFrame
      report="balanceSheet"
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
      ) : !bs ? (
        <p className="muted" aria-busy="true">
          {t("app.loading")}
        </p>
      ) : currencies.length === 0 ? (
        <p className="muted">{t("reports.books.noAccounts")}</p>
      ) : (
        currencies.map((cur) => {
          const lines = bs.lines.filter((l) => l.currency === cur);
          const top = (type: string) =>
            lines
              .filter((l) => l.type === type && !l.account.includes(":"))
              .reduce<Money>((s, l) => add(s, asMoney(l.amount, cur)), zero(cur));
          const earnings = bs.currentEarnings.find((e) => e.currency === cur)?.amount ?? "0";
          const right = add(add(top("liability"), top("equity")), asMoney(earnings, cur));
          return (
            <section
              key={cur}
              className="card reports-report"
              aria-label={t("reports.books.currency", { currency: cur })}
            >
              <p className="reports-caption" aria-hidden="true">
                {formatDate(currentLocale(), bs.date)} · {cur}
              </p>
              <FiguresScroll label={t("reports.books.balanceSheet")}>
                <table className="figures reports-table" data-currency={cur}>
                  <caption className="reports-visually-hidden">
                    {formatDate(currentLocale(), bs.date)} · {cur}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("reports.books.account")}</th>
                      <th scope="col" className="num">
                        {t("reports.books.amount")}
                      </th>
                    </tr>
                  </thead>
                  <ReportSection type="asset" lines={lines} />
                  <ReportSection type="liability" lines={lines} />
                  <ReportSection type="equity" lines={lines} />
                  <tbody>
                    <tr>
                      <th scope="row" className="reports-account">
                        {t("reports.books.currentEarnings")}
                      </th>
                      <td className="num">
                        <Amount amount={earnings} currency={cur} />
                      </td>
                    </tr>
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t("reports.books.types.asset")}</th>
                      <td className="num" data-total="assets">
                        <Amount amount={asText(top("asset"))} currency={cur} />
                      </td>
                    </tr>
                    <tr>
                      <th scope="row">{t("reports.books.liabilitiesAndEquity")}</th>
                      <td className="num" data-total="liabilities-and-equity">
                        <Amount amount={asText(right)} currency={cur} />
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
