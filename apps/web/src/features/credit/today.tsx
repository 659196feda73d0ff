// The credit officer's day: every loan with an installment due today or overdue, with whom to call and
// how much to collect, most days late first; searchable and sortable over thousands of rows.
import type { InstallmentDue } from "@qadam/core/loans/due-list-contract";
import { parseMoney } from "@qadam/core/money";
import { useCallback, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAllPages } from "../../api/all-pages.js";
import { AppLink } from "../../components/app-link.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { ScreenHeading } from "../../components/heading.js";
import { type SortChoice, VirtualList } from "../../components/virtual-list.js";
import { formatAmount, formatDate, todayHere } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { installmentsDue } from "./api.js";
import { borrowerName, PhoneLink } from "./borrower.js";
import { useLendingOrg } from "./lending-org.js";
import { messages } from "./messages.js";

registerMessages("credit", messages);

const minor = (row: InstallmentDue) => parseMoney(row.amountDue, row.currency).minor;

export default function TodayScreen() {
  const { t } = useTranslation();
  const org = useLendingOrg();
  const orgId = org?.orgId;
  const dayId = useId();
  const [day, setDay] = useState(todayHere());
  const load = useCallback(
    (page: { cursor: string | undefined; limit: number }) =>
      orgId ? installmentsDue(orgId, day, page) : Promise.resolve({ items: [], nextCursor: null }),
    [orgId, day],
  );
  const due = useAllPages(load);
  const locale = currentLocale();
  const sorts = useMemo<SortChoice<InstallmentDue>[]>(
    () => [
      {
        id: "late",
        label: t("credit.today.byLateness"),
        compare: (a, b) => b.daysLate - a.daysLate || cmp(minor(b), minor(a)),
      },
      { id: "amount", label: t("credit.today.byAmount"), compare: (a, b) => cmp(minor(b), minor(a)) },
      {
        id: "name",
        label: t("credit.today.byName"),
        compare: (a, b) => (a.borrower.name ?? "").localeCompare(b.borrower.name ?? "", locale),
      },
    ],
    [t, locale],
  );
  return (
    <>
      <ScreenHeading>{t("credit.today.title")}</ScreenHeading>
      <div className="field credit-day">
        <label htmlFor={dayId}>{t("credit.today.day")}</label>
        <input
          id={dayId}
          type="date"
          value={day}
          onChange={(e) => e.target.value && setDay(e.target.value)}
        />
      </div>
      {due.state === "failed" && <ErrorNotice error={due.error} onRetry={due.reload} />}
      <section className="card" aria-busy={due.state === "loading"}>
        <VirtualList<InstallmentDue>
          label={t("credit.today.title")}
          items={due.items}
          keyOf={(r) => r.id}
          searchText={(r) => [r.borrower.name, r.borrower.phone, r.group?.name].filter(Boolean).join(" ")}
          sorts={sorts}
          count={(shown, total) => t("credit.today.count", { count: total, shown })}
          empty={due.state === "loading" ? t("app.loading") : t("credit.today.none")}
          estimateRowHeight={112}
          render={(r) => <DueRow row={r} />}
        />
      </section>
    </>
  );
}

function cmp(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function DueRow({ row }: { row: InstallmentDue }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const name = borrowerName(row.borrower, t);
  const money = (amount: string) => formatAmount(locale, amount, row.currency);
  return (
    <div className="credit-row">
      <AppLink to={`/loans/${row.id}`} className="row-title credit-row-link">
        {name}
      </AppLink>
      <span className="row-detail">
        {[row.borrower.type === "group" ? t("credit.common.groupLoan") : row.group?.name]
          .filter(Boolean)
          .join(" · ")}
      </span>
      <PhoneLink phone={row.borrower.phone} />
      <span className="credit-amount">{t("credit.today.toPay", { amount: money(row.amountDue) })}</span>
      {row.daysLate > 0 ? (
        <span className="badge badge-late">
          {t("credit.today.daysLate", { count: row.daysLate })} ·{" "}
          {t("credit.today.overdue", { amount: money(row.overdue) })}
        </span>
      ) : (
        <span className="badge badge-ok">
          {t("credit.today.onTime")} · {formatDate(locale, row.oldestDueOn)}
        </span>
      )}
    </div>
  );
}
