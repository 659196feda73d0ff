// A loan's page: its status, borrower and terms, its arrears, its schedule (paid, due or late per
// installment), the disbursement or repayment form, its transactions with reversal, and its notes.
import type { LoanDto } from "@qadam/core/loans/contract";
import { formatMoney, money, parseMoney } from "@qadam/core/money";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "wouter";
import { AppLink } from "../../components/app-link.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { ScreenHeading } from "../../components/heading.js";
import { formatAmount, formatDate } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { loan as readLoan } from "./api.js";
import { PhoneLink } from "./borrower.js";
import { useBorrowerNames } from "./borrower-names.js";
import { formatPercent } from "./figures.js";
import { useLendingOrg } from "./lending-org.js";
import { DisburseForm, RepaymentForm } from "./loan-forms.js";
import { messages } from "./messages.js";
import { RequestForms } from "./request-forms.js";
import { LoanSchedule } from "./schedule-table.js";
import { Notes, Transactions } from "./transactions.js";

registerMessages("credit", messages);

export default function LoanScreen() {
  const { t } = useTranslation();
  const { loanId = "" } = useParams<{ loanId: string }>();
  const org = useLendingOrg();
  const [disbursed, setDisbursed] = useState(false);
  const query = useQuery({ queryKey: ["credit", "loan", loanId], queryFn: () => readLoan(loanId) });
  const loan = query.data;
  const names = useBorrowerNames(
    org?.orgId,
    org?.canWrite ?? false,
    loan ? [{ borrowerType: loan.borrower.type, borrowerId: loan.borrower.id }] : [],
  );
  const borrower = loan ? names.get(loan.borrower.id) : undefined;
  const kind = loan
    ? t(loan.borrower.type === "group" ? "credit.common.groupLoan" : "credit.common.person")
    : "";
  return (
    <>
      <ScreenHeading>
        {borrower?.name ? t("credit.common.loanOf", { name: borrower.name }) : t("credit.loan.title")}
      </ScreenHeading>
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && (
        <p className="muted" aria-busy="true">
          {t("app.loading")}
        </p>
      )}
      {loan && (
        <>
          <Summary
            loan={loan}
            kind={kind}
            phone={borrower?.phone ?? null}
            group={borrower?.group?.name ?? null}
          />
          {loan.status === "applied" && (
            <p className="notice credit-waiting">
              {t("credit.loan.makerApproves")} <AppLink to="/approvals">{t("credit.loan.approvals")}</AppLink>
            </p>
          )}
          {disbursed && (
            <p className="notice notice-done" role="status">
              {t("credit.loan.disbursedDone")}
            </p>
          )}
          {loan.status === "approved" && org?.canWrite && (
            <DisburseForm loan={loan} onDone={() => setDisbursed(true)} />
          )}
          {loan.status === "active" && <Arrears loan={loan} />}
          {loan.status === "active" && org?.canWrite && (
            <RepaymentForm loan={loan} suggested={nextPayment(loan)} />
          )}
          {loan.status === "active" && org?.canWrite && <RequestForms loan={loan} />}
          <ScheduleCard loan={loan} />
          <Transactions loan={loan} canWrite={org?.canWrite ?? false} />
          <Notes loan={loan} canWrite={org?.canWrite ?? false} />
        </>
      )}
    </>
  );
}

/** What to suggest in the repayment form: the arrears and the next installment, unpaid. */
function nextPayment(loan: LoanDto): string {
  const next = loan.schedule.find((i) => parseMoney(i.outstanding, loan.currency).minor > 0n);
  return next ? next.outstanding : "";
}

function Summary({
  loan,
  kind,
  phone,
  group,
}: {
  loan: LoanDto;
  kind: string;
  phone: string | null;
  group: string | null;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const titleId = useId();
  const m = (amount: string) => formatAmount(locale, amount, loan.currency);
  const d = (date: string | null) => (date ? formatDate(locale, date) : null);
  const rows: Array<[string, string | null]> = [
    [t("credit.loan.principal"), m(loan.principal)],
    [t("credit.loan.outstanding"), loan.status === "active" ? m(loan.principalOutstanding) : null],
    [t("credit.loan.installments"), String(loan.installments)],
    [
      t("credit.loan.effectiveRate"),
      loan.contract.effectiveAnnualRateDisclosed
        ? `${formatPercent(locale, loan.contract.effectiveAnnualRateDisclosed)} %`
        : null,
    ],
    [t("credit.loan.appliedOn"), d(loan.appliedOn)],
    [t("credit.loan.decidedOn"), d(loan.decidedOn)],
    [t("credit.loan.disbursedOn"), d(loan.disbursedOn)],
    [t("credit.loan.closedOn"), d(loan.closedOn)],
    [t("credit.common.group"), group],
    [t("credit.loan.advance"), parseMoney(loan.advance, loan.currency).minor > 0n ? m(loan.advance) : null],
    [t("credit.loan.purpose"), loan.purpose],
  ];
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("credit.loan.summary")}</h2>
      <p className="credit-status-line">
        <span
          className={
            loan.status === "rejected" || loan.status === "written_off"
              ? "badge badge-late"
              : "badge badge-ok"
          }
        >
          {t(`credit.status.${loan.status}`)}
        </span>{" "}
        <span className="muted">{kind}</span>
      </p>
      <PhoneLink phone={phone} />
      <dl className="credit-facts">
        {rows
          .filter((r): r is [string, string] => r[1] !== null && r[1] !== "")
          .map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}

function Arrears({ loan }: { loan: LoanDto }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const titleId = useId();
  const a = loan.arrears;
  const overdue = [a.overdue.principal, a.overdue.interest, a.overdue.fees, a.overdue.penalties].reduce(
    (s, x) => s + parseMoney(x, loan.currency).minor,
    0n,
  );
  const m = (minor: bigint) => formatAmount(locale, formatMoney(money(minor, loan.currency)), loan.currency);
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("credit.loan.arrears")}</h2>
      {a.daysPastDue === 0 ? (
        <p>{t("credit.loan.noArrears")}</p>
      ) : (
        <>
          <p className="badge badge-late">{t("credit.loan.daysPastDue", { count: a.daysPastDue })}</p>
          <p>{t("credit.loan.overdue", { amount: m(overdue) })}</p>
        </>
      )}
      {parseMoney(a.penaltyPending, loan.currency).minor > 0n && (
        <p className="muted">
          {t("credit.loan.penaltyPending", { amount: formatAmount(locale, a.penaltyPending, loan.currency) })}
        </p>
      )}
    </section>
  );
}

function ScheduleCard({ loan }: { loan: LoanDto }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <div className="card">
      <h2 id={titleId}>{t("credit.schedule.caption")}</h2>
      <LoanSchedule loan={loan} />
    </div>
  );
}
