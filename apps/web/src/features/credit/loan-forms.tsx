// The money forms of a loan's page: disbursement of an approved loan and a repayment of an active one,
// checked with the contract's schemas before sending, the API's refusals shown on their field.
import { disburseBody, type LoanDto, paymentBody } from "@qadam/core/loans/contract";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { queryClient } from "../../api/query.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { Field } from "../../components/field.js";
import type { FieldErrors } from "../../components/issues.js";
import { todayHere } from "../../i18n/format.js";
import { disburseLoan, repayLoan } from "./api.js";
import { problemOn, typedAmount, unplacedError, validate } from "./form-problems.js";

const DATE_CODES = {
  LOAN_DATE_IN_FUTURE: "on",
  LOAN_DATE_BEFORE_APPLICATION: "on",
  LOAN_DATE_BEFORE_DISBURSEMENT: "on",
  LOAN_OVERPAYMENT: "amount",
  SCHEDULE_TERMS_INVALID: "firstDueOn",
} as const;

function useLoanCommand<T>(loanId: string, send: (input: T) => Promise<LoanDto>) {
  return useMutation({
    mutationFn: send,
    onSuccess: (loan) => {
      queryClient.setQueryData(["credit", "loan", loanId], loan);
      void queryClient.invalidateQueries({ queryKey: ["credit", "list"] });
    },
  });
}

function Channel({ value, onChange }: { value: "cash" | "bank"; onChange: (v: "cash" | "bank") => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t("credit.common.channel")}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value === "bank" ? "bank" : "cash")}>
        <option value="cash">{t("credit.common.cash")}</option>
        <option value="bank">{t("credit.common.bank")}</option>
      </select>
    </div>
  );
}

/** Disbursement; once done the form goes (the loan is active), so the page says so (onDone). */
export function DisburseForm({ loan, onDone }: { loan: LoanDto; onDone: () => void }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(todayHere());
  const [channel, setChannel] = useState<"cash" | "bank">("cash");
  const [errors, setErrors] = useState<FieldErrors>({});
  const command = useLoanCommand(loan.id, (body: { on: string; channel: "cash" | "bank" }) =>
    disburseLoan(loan.id, body),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(disburseBody, { on, channel });
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) command.mutate({ on, channel }, { onSuccess: onDone });
  };
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("credit.loan.disburseTitle")}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <Field
          label={t("credit.common.date")}
          type="date"
          value={on}
          onChange={(e) => setOn(e.target.value)}
          error={problemOn(errors, command.error, "on", DATE_CODES)}
        />
        <Channel value={channel} onChange={setChannel} />
        {unplacedError(command.error, ["on"], DATE_CODES) !== null && (
          <ErrorNotice error={unplacedError(command.error, ["on"], DATE_CODES)} />
        )}
        <button type="submit" className="button-primary" disabled={command.isPending}>
          {t("credit.loan.disburse")}
        </button>
      </form>
    </section>
  );
}

export function RepaymentForm({ loan, suggested }: { loan: LoanDto; suggested: string }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(todayHere());
  const [amount, setAmount] = useState(suggested);
  const [channel, setChannel] = useState<"cash" | "bank">("cash");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState(false);
  const command = useLoanCommand(loan.id, (body: { on: string; amount: string; channel: "cash" | "bank" }) =>
    repayLoan(loan.id, body),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const body = { on, amount: typedAmount(amount, loan.currency), channel };
    const checked = validate(paymentBody, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok)
      command.mutate(body, {
        onSuccess: () => {
          setDone(true);
          setAmount("");
        },
      });
  };
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("credit.loan.repayTitle")}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <Field
          label={t("credit.common.date")}
          type="date"
          value={on}
          onChange={(e) => setOn(e.target.value)}
          error={problemOn(errors, command.error, "on", DATE_CODES)}
        />
        <Field
          label={`${t("credit.common.amount")} (${loan.currency})`}
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={problemOn(errors, command.error, "amount", DATE_CODES)}
        />
        <Channel value={channel} onChange={setChannel} />
        {done && (
          <p className="notice notice-done" role="status">
            {t("credit.loan.repaidDone")}
          </p>
        )}
        {unplacedError(command.error, ["on", "amount"], DATE_CODES) !== null && (
          <ErrorNotice error={unplacedError(command.error, ["on", "amount"], DATE_CODES)} />
        )}
        <button type="submit" className="button-primary" disabled={command.isPending}>
          {t("credit.loan.repay")}
        </button>
      </form>
    </section>
  );
}
