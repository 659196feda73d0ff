// Asking for a write-off or a reschedule of an active loan. Neither happens here: another user with the
// right to approve carries it out from the approval queue (maker–checker), so the page says it waits.
import { type LoanDto, rescheduleBody, writeOffBody } from "@qadam/core/loans/contract";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { queryClient } from "../../api/query.js";
import { AppLink } from "../../components/app-link.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { Field } from "../../components/field.js";
import type { FieldErrors } from "../../components/issues.js";
import { todayHere } from "../../i18n/format.js";
import { problemOn, unplacedError, validate } from "./form-problems.js";

const CODES = {
  LOAN_DATE_IN_FUTURE: "on",
  LOAN_DATE_BEFORE_DISBURSEMENT: "on",
  LOAN_WRITE_OFF_REASON_REQUIRED: "reason",
  SCHEDULE_TERMS_INVALID: "firstDueOn",
} as const;

type Kind = "writeOff" | "reschedule";

function useRequest(loanId: string, kind: Kind) {
  return useMutation({
    mutationFn: (body: object) =>
      api("POST", `/api/v1/loans/${loanId}/${kind === "writeOff" ? "write-off" : "reschedule"}`, { body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["credit", "loan", loanId] });
      void queryClient.invalidateQueries({ queryKey: ["credit", "list"] });
    },
  });
}

/** The two requests behind one choice, folded until asked for: most visits to a loan are to collect. */
export function RequestForms({ loan }: { loan: LoanDto }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind | null>(null);
  const waiting = loan.requests.find((r) => r.status === "pending");
  const titleId = useId();
  if (waiting)
    return (
      <section className="card" aria-labelledby={titleId}>
        <h2 id={titleId}>{t("credit.requests.title")}</h2>
        <p className="notice credit-waiting">
          {t(
            waiting.kind === "write_off"
              ? "credit.requests.writeOffWaiting"
              : "credit.requests.rescheduleWaiting",
          )}{" "}
          <AppLink to="/approvals">{t("credit.loan.approvals")}</AppLink>
        </p>
      </section>
    );
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("credit.requests.title")}</h2>
      <p className="hint">{t("credit.requests.intro")}</p>
      <div className="credit-request-choice">
        <button
          type="button"
          className="button-secondary"
          aria-expanded={kind === "reschedule"}
          onClick={() => setKind(kind === "reschedule" ? null : "reschedule")}
        >
          {t("credit.requests.reschedule")}
        </button>
        <button
          type="button"
          className="button-secondary"
          aria-expanded={kind === "writeOff"}
          onClick={() => setKind(kind === "writeOff" ? null : "writeOff")}
        >
          {t("credit.requests.writeOff")}
        </button>
      </div>
      {kind === "writeOff" && <WriteOffForm loan={loan} />}
      {kind === "reschedule" && <RescheduleForm loan={loan} />}
    </section>
  );
}

function WriteOffForm({ loan }: { loan: LoanDto }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(todayHere());
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const request = useRequest(loan.id, "writeOff");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { on, reason: reason.trim() === "" ? null : reason.trim() };
    const checked = validate(writeOffBody, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) request.mutate(body);
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <Field
        label={t("credit.common.date")}
        type="date"
        value={on}
        onChange={(e) => setOn(e.target.value)}
        error={problemOn(errors, request.error, "on", CODES)}
      />
      <Field
        label={t("credit.requests.reason")}
        hint={t("credit.requests.reasonHint")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={problemOn(errors, request.error, "reason", CODES)}
      />
      {unplacedError(request.error, ["on", "reason"], CODES) !== null && (
        <ErrorNotice error={unplacedError(request.error, ["on", "reason"], CODES)} />
      )}
      <button type="submit" className="button-primary" disabled={request.isPending}>
        {t("credit.requests.sendWriteOff")}
      </button>
    </form>
  );
}

function RescheduleForm({ loan }: { loan: LoanDto }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(todayHere());
  const [installments, setInstallments] = useState("");
  const [firstDueOn, setFirstDueOn] = useState("");
  const [rate, setRate] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const request = useRequest(loan.id, "reschedule");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const count = Number.parseInt(installments, 10);
    const body = {
      on,
      installments: Number.isNaN(count) ? 0 : count,
      firstDueOn,
      annualRatePercent: rate.trim() === "" ? null : rate.trim().replace(",", "."),
      reason: reason.trim(),
    };
    const checked = validate(rescheduleBody, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) request.mutate(body);
  };
  const fields = ["on", "installments", "firstDueOn", "annualRatePercent", "reason"];
  return (
    <form className="form" onSubmit={submit} noValidate>
      <Field
        label={t("credit.common.date")}
        type="date"
        value={on}
        onChange={(e) => setOn(e.target.value)}
        error={problemOn(errors, request.error, "on", CODES)}
      />
      <Field
        label={t("credit.requests.installments")}
        inputMode="numeric"
        value={installments}
        onChange={(e) => setInstallments(e.target.value)}
        error={problemOn(errors, request.error, "installments", CODES)}
      />
      <Field
        label={t("credit.requests.firstDueOn")}
        type="date"
        value={firstDueOn}
        onChange={(e) => setFirstDueOn(e.target.value)}
        error={problemOn(errors, request.error, "firstDueOn", CODES)}
      />
      <Field
        label={t("credit.requests.rate")}
        hint={t("credit.requests.rateHint")}
        inputMode="decimal"
        value={rate}
        onChange={(e) => setRate(e.target.value)}
        error={problemOn(errors, request.error, "annualRatePercent", CODES)}
      />
      <Field
        label={t("credit.requests.reason")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={problemOn(errors, request.error, "reason", CODES)}
      />
      {unplacedError(request.error, fields, CODES) !== null && (
        <ErrorNotice error={unplacedError(request.error, fields, CODES)} />
      )}
      <button type="submit" className="button-primary" disabled={request.isPending}>
        {t("credit.requests.sendReschedule")}
      </button>
    </form>
  );
}
