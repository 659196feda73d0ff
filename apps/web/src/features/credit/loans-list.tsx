// The loans of the officer's organisation subtree, by status: virtualised, searchable by the borrower's
// name or phone, sortable; a row opens the loan.
import { LOAN_STATUSES, type LoanListItem, type LoanStatus } from "@qadam/core/loans/contract";
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
import { loansOf } from "./api.js";
import { useBorrowerNames } from "./borrower-names.js";
import { useLendingOrg } from "./lending-org.js";
import { messages } from "./messages.js";

registerMessages("credit", messages);

const outstanding = (l: LoanListItem) => parseMoney(l.principalOutstanding, l.currency).minor;

export default function LoansScreen() {
  const { t } = useTranslation();
  const org = useLendingOrg();
  const orgId = org?.orgId;
  const statusId = useId();
  const [status, setStatus] = useState<LoanStatus | "">("active");
  const load = useCallback(
    (page: { cursor: string | undefined; limit: number }) =>
      orgId ? loansOf(orgId, status || undefined, page) : Promise.resolve({ items: [], nextCursor: null }),
    [orgId, status],
  );
  const list = useAllPages(load);
  const names = useBorrowerNames(org?.orgId, org?.canWrite ?? false, list.items);
  const locale = currentLocale();
  const nameOf = useCallback((l: LoanListItem) => names.get(l.borrowerId)?.name ?? "", [names]);
  const sorts = useMemo<SortChoice<LoanListItem>[]>(
    () => [
      { id: "newest", label: t("credit.loans.newest"), compare: (a, b) => (a.id < b.id ? 1 : -1) },
      {
        id: "largest",
        label: t("credit.loans.largest"),
        compare: (a, b) => {
          const x = outstanding(a);
          const y = outstanding(b);
          return x < y ? 1 : x > y ? -1 : 0;
        },
      },
      {
        id: "name",
        label: t("credit.loans.byName"),
        compare: (a, b) => nameOf(a).localeCompare(nameOf(b), locale),
      },
    ],
    [t, locale, nameOf],
  );
  return (
    <>
      <ScreenHeading>{t("credit.loans.title")}</ScreenHeading>
      {org?.canWrite && (
        <p>
          <AppLink to="/loans/new" className="button-secondary credit-button-link">
            {t("credit.loans.apply")}
          </AppLink>
        </p>
      )}
      <div className="field credit-day">
        <label htmlFor={statusId}>{t("credit.loans.statusLabel")}</label>
        <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value as LoanStatus | "")}>
          <option value="">{t("credit.loans.all")}</option>
          {LOAN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`credit.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {list.state === "failed" && <ErrorNotice error={list.error} onRetry={list.reload} />}
      <section className="card" aria-busy={list.state === "loading"}>
        <VirtualList<LoanListItem>
          label={t("credit.loans.title")}
          items={list.items}
          keyOf={(l) => l.id}
          searchText={(l) => {
            const b = names.get(l.borrowerId);
            return [b?.name, b?.phone, b?.group?.name].filter(Boolean).join(" ");
          }}
          sorts={sorts}
          count={(shown, total) => t("credit.loans.count", { count: total, shown })}
          empty={list.state === "loading" ? t("app.loading") : t("credit.loans.none")}
          estimateRowHeight={104}
          render={(l) => <LoanRow loan={l} name={names.get(l.borrowerId)?.name ?? null} />}
        />
      </section>
    </>
  );
}

function LoanRow({ loan, name }: { loan: LoanListItem; name: string | null }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const kind = t(loan.borrowerType === "group" ? "credit.common.groupLoan" : "credit.common.person");
  const late = loan.status === "active" && loan.arrearsSince !== null && loan.arrearsSince < todayHere();
  return (
    <div className="credit-row">
      <AppLink to={`/loans/${loan.id}`} className="row-title credit-row-link">
        {name ?? kind}
      </AppLink>
      <span className="row-detail">
        {name ? `${kind} · ` : ""}
        {t("credit.loans.principal", { amount: formatAmount(locale, loan.principal, loan.currency) })}
      </span>
      {loan.status === "active" && (
        <span className="row-detail">
          {t("credit.loans.outstanding", {
            amount: formatAmount(locale, loan.principalOutstanding, loan.currency),
          })}
        </span>
      )}
      {late && loan.arrearsSince ? (
        <span className="badge badge-late">
          {t("credit.loans.lateSince", { date: formatDate(locale, loan.arrearsSince) })}
        </span>
      ) : (
        <span className="badge badge-ok">{t(`credit.status.${loan.status}`)}</span>
      )}
    </div>
  );
}
