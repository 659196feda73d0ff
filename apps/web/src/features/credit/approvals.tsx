// The approval queue: applications waiting for approval and write-off or reschedule requests waiting
// for a decision, each approved or rejected by a user other than the one who entered it (maker–checker:
// the maker sees why she cannot, and the server's LOAN_MAKER_CHECKER is shown if she tries anyway).
import type { PendingApplication, PendingRequest } from "@qadam/core/loans/due-list-contract";
import { useMutation } from "@tanstack/react-query";
import { useCallback, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAllPages } from "../../api/all-pages.js";
import { AppLink } from "../../components/app-link.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { Field } from "../../components/field.js";
import { ScreenHeading } from "../../components/heading.js";
import { VirtualList } from "../../components/virtual-list.js";
import { formatAmount, formatDate, todayHere } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { decideApplication, decideRequest, pendingApplications, pendingRequests } from "./api.js";
import { borrowerName } from "./borrower.js";
import { type LendingOrg, useLendingOrg } from "./lending-org.js";
import { messages } from "./messages.js";

registerMessages("credit", messages);

type Page = { cursor: string | undefined; limit: number };
const none = { items: [], nextCursor: null };

export default function ApprovalsScreen() {
  const { t } = useTranslation();
  const org = useLendingOrg();
  const orgId = org?.orgId;
  const loadApplications = useCallback(
    (page: Page) => (orgId ? pendingApplications(orgId, page) : Promise.resolve(none)),
    [orgId],
  );
  const loadRequests = useCallback(
    (page: Page) => (orgId ? pendingRequests(orgId, page) : Promise.resolve(none)),
    [orgId],
  );
  const applications = useAllPages(loadApplications);
  const requests = useAllPages(loadRequests);
  const ids = { applications: useId(), requests: useId() };
  if (!org) return null;
  return (
    <>
      <ScreenHeading>{t("credit.approvals.title")}</ScreenHeading>
      <section
        className="card"
        aria-labelledby={ids.applications}
        aria-busy={applications.state === "loading"}
      >
        <h2 id={ids.applications}>{t("credit.approvals.applications")}</h2>
        {applications.state === "failed" && (
          <ErrorNotice error={applications.error} onRetry={applications.reload} />
        )}
        <VirtualList<PendingApplication>
          label={t("credit.approvals.applications")}
          items={applications.items}
          keyOf={(a) => a.id}
          searchText={(a) => [a.borrower.name, a.borrower.phone, a.productName].filter(Boolean).join(" ")}
          count={(shown, total) => t("credit.approvals.countApplications", { count: total, shown })}
          empty={applications.state === "loading" ? t("app.loading") : t("credit.approvals.noApplications")}
          estimateRowHeight={220}
          render={(a) => <ApplicationRow application={a} org={org} />}
        />
      </section>
      <section className="card" aria-labelledby={ids.requests} aria-busy={requests.state === "loading"}>
        <h2 id={ids.requests}>{t("credit.approvals.requests")}</h2>
        {requests.state === "failed" && <ErrorNotice error={requests.error} onRetry={requests.reload} />}
        <VirtualList<PendingRequest>
          label={t("credit.approvals.requests")}
          items={requests.items}
          keyOf={(r) => r.id}
          searchText={(r) => [r.borrower.name, r.borrower.phone, r.reason].filter(Boolean).join(" ")}
          count={(shown, total) => t("credit.approvals.countRequests", { count: total, shown })}
          empty={requests.state === "loading" ? t("app.loading") : t("credit.approvals.noRequests")}
          estimateRowHeight={220}
          render={(r) => <RequestRow request={r} org={org} />}
        />
      </section>
    </>
  );
}

/** Approve and reject, with a note; hidden for the maker, who is told why. */
function Decision({
  name,
  isMaker,
  canApprove,
  decide,
}: {
  name: string;
  isMaker: boolean;
  canApprove: boolean;
  decide: (approve: boolean, note: string | null) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState("");
  const command = useMutation({
    mutationFn: ({ approve }: { approve: boolean }) => decide(approve, note.trim() || null),
  });
  if (command.isSuccess)
    return (
      <p className="notice notice-done" role="status">
        {t(command.variables.approve ? "credit.approvals.approved" : "credit.approvals.rejected")}
      </p>
    );
  if (isMaker) return <p className="notice credit-maker">{t("credit.approvals.yours")}</p>;
  if (!canApprove) return null;
  return (
    <div className="credit-decision">
      <Field
        label={t("credit.approvals.decisionNote", { name })}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        autoComplete="off"
      />
      {command.isError && <ErrorNotice error={command.error} />}
      <div className="credit-buttons">
        <button
          type="button"
          className="button-primary"
          disabled={command.isPending}
          onClick={() => command.mutate({ approve: true })}
        >
          {t("credit.approvals.approve")}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={command.isPending}
          onClick={() => command.mutate({ approve: false })}
        >
          {t("credit.approvals.reject")}
        </button>
      </div>
    </div>
  );
}

function ApplicationRow({ application: a, org }: { application: PendingApplication; org: LendingOrg }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const name = borrowerName(a.borrower, t);
  return (
    <div className="credit-queue-item">
      <AppLink to={`/loans/${a.id}`} className="row-title">
        {name}
      </AppLink>
      <span className="row-detail">
        {t("credit.approvals.terms", {
          amount: formatAmount(locale, a.principal, a.currency),
          product: a.productName,
        })}
        {" · "}
        {t("credit.approvals.installments", { count: a.installments })}
      </span>
      <span className="row-detail">
        {t("credit.approvals.appliedOn", { date: formatDate(locale, a.appliedOn) })}
      </span>
      {a.purpose && <span className="row-detail">{a.purpose}</span>}
      <Decision
        name={name}
        isMaker={a.appliedBy === org.userId}
        canApprove={org.canApprove}
        decide={(approve, note) => decideApplication(a.id, approve, { on: decisionDay(a.appliedOn), note })}
      />
    </div>
  );
}

/** Today, or the application's own date when it was entered for a later day. */
function decisionDay(appliedOn: string): string {
  const today = todayHere();
  return appliedOn > today ? appliedOn : today;
}

function RequestRow({ request: r, org }: { request: PendingRequest; org: LendingOrg }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const name = borrowerName(r.borrower, t);
  const date = formatDate(locale, r.on);
  return (
    <div className="credit-queue-item">
      <AppLink to={`/loans/${r.loanId}`} className="row-title">
        {name}
      </AppLink>
      <span className="row-detail">
        {r.kind === "write_off"
          ? t("credit.approvals.writeOff", { date })
          : t("credit.approvals.reschedule", { date })}
        {r.reschedule &&
          ` · ${t("credit.approvals.rescheduleTerms", {
            count: r.reschedule.installments,
            date: formatDate(locale, r.reschedule.firstDueOn),
          })}`}
      </span>
      <span className="row-detail">
        {t("credit.approvals.outstanding", {
          amount: formatAmount(locale, r.principalOutstanding, r.currency),
        })}
        {r.daysPastDue > 0 && ` · ${t("credit.approvals.daysLate", { count: r.daysPastDue })}`}
      </span>
      {r.reason && <span className="row-detail">{r.reason}</span>}
      <Decision
        name={name}
        isMaker={r.requestedBy === org.userId}
        canApprove={org.canApprove}
        decide={(approve, note) => decideRequest(r.loanId, r.id, approve, { note })}
      />
    </div>
  );
}
