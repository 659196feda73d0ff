// A loan's transactions, newest first, each repayment reversible after a confirmation that says what
// will happen and asks the reason; and the loan's notes with a form to add one.
import { type LoanDto, noteBody, reverseBody } from "@qadam/core/loans/contract";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { queryClient } from "../../api/query.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { Field } from "../../components/field.js";
import type { FieldErrors } from "../../components/issues.js";
import { formatAmount, formatDate, formatInstant, todayHere } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { addLoanNote, reverseTransaction } from "./api.js";
import { problemOn, unplacedError, validate } from "./form-problems.js";

type Transaction = LoanDto["transactions"][number];
const REVERSIBLE = new Set(["repayment", "prepayment"]);
const REVERSE_CODES = {
  LOAN_DATE_IN_FUTURE: "on",
  LOAN_DATE_BEFORE_DISBURSEMENT: "on",
} as const;

function saved(loan: LoanDto) {
  queryClient.setQueryData(["credit", "loan", loan.id], loan);
  void queryClient.invalidateQueries({ queryKey: ["credit", "list"] });
}

export function Transactions({ loan, canWrite }: { loan: LoanDto; canWrite: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const titleId = useId();
  const [confirming, setConfirming] = useState<Transaction | null>(null);
  const [done, setDone] = useState(false);
  const list = [...loan.transactions].reverse();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("credit.loan.transactions")}</h2>
      {done && (
        <p className="notice notice-done" role="status">
          {t("credit.loan.reversedDone")}
        </p>
      )}
      {list.length === 0 ? (
        <p className="muted">{t("credit.loan.noTransactions")}</p>
      ) : (
        <ul className="rows">
          {list.map((x) => (
            <li key={x.id} className="credit-transaction">
              <span className="row-title">
                {t(`credit.loan.kind.${x.kind}`, { defaultValue: x.kind })} ·{" "}
                {formatAmount(locale, x.amount, loan.currency)}
              </span>
              <span className="row-detail">{formatDate(locale, x.valueDate)}</span>
              {x.reversed && <span className="badge badge-late">{t("credit.loan.reversed")}</span>}
              {canWrite && REVERSIBLE.has(x.kind) && !x.reversed && loan.status === "active" && (
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => {
                    setDone(false);
                    setConfirming(x);
                  }}
                  aria-expanded={confirming?.id === x.id}
                >
                  {t("credit.loan.reverse")}
                </button>
              )}
              {confirming?.id === x.id && (
                <ConfirmReversal
                  loan={loan}
                  transaction={x}
                  onClose={(reversed) => {
                    setConfirming(null);
                    setDone(reversed);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ConfirmReversal({
  loan,
  transaction,
  onClose,
}: {
  loan: LoanDto;
  transaction: Transaction;
  onClose: (reversed: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const titleId = useId();
  const [reason, setReason] = useState("");
  const [on, setOn] = useState(todayHere());
  const [errors, setErrors] = useState<FieldErrors>({});
  const command = useMutation({
    mutationFn: (body: { on: string; reason: string }) => reverseTransaction(loan.id, transaction.id, body),
    onSuccess: (next) => {
      saved(next);
      onClose(true);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { on, reason };
    const checked = validate(reverseBody, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) command.mutate(body);
  };
  const other = unplacedError(command.error, ["on", "reason"], REVERSE_CODES);
  return (
    <form className="form credit-confirm" aria-labelledby={titleId} onSubmit={submit} noValidate>
      <h3 id={titleId}>
        {t("credit.loan.reverseTitle", {
          kind: t(`credit.loan.kind.${transaction.kind}`, { defaultValue: transaction.kind }),
          amount: formatAmount(locale, transaction.amount, loan.currency),
          date: formatDate(locale, transaction.valueDate),
        })}
      </h3>
      <p>{t("credit.loan.reverseWarning")}</p>
      <Field
        label={t("credit.common.reason")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={problemOn(errors, command.error, "reason", REVERSE_CODES)}
        autoFocus
      />
      <Field
        label={t("credit.common.date")}
        type="date"
        value={on}
        onChange={(e) => setOn(e.target.value)}
        error={problemOn(errors, command.error, "on", REVERSE_CODES)}
      />
      {other !== null && <ErrorNotice error={other} />}
      <div className="credit-buttons">
        <button type="submit" className="button-primary credit-danger" disabled={command.isPending}>
          {t("credit.loan.reverseConfirm")}
        </button>
        <button type="button" className="button-secondary" onClick={() => onClose(false)}>
          {t("credit.common.cancel")}
        </button>
      </div>
    </form>
  );
}

export function Notes({ loan, canWrite }: { loan: LoanDto; canWrite: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const titleId = useId();
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const command = useMutation({
    mutationFn: (body: { kind: "note"; text: string }) => addLoanNote(loan.id, body),
    onSuccess: (next) => {
      saved(next);
      setText("");
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { kind: "note" as const, text };
    const checked = validate(noteBody, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) command.mutate(body);
  };
  const other = unplacedError(command.error, ["text"]);
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("credit.loan.notes")}</h2>
      {loan.notes.length === 0 ? (
        <p className="muted">{t("credit.loan.noNotes")}</p>
      ) : (
        <ul className="rows">
          {loan.notes.map((n) => (
            <li key={n.id}>
              <span className="credit-note">{n.text}</span>
              <span className="row-detail">{formatInstant(locale, n.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form className="form" onSubmit={submit} noValidate>
          <Field
            label={t("credit.loan.newNote")}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={problemOn(errors, command.error, "text")}
          />
          {other !== null && <ErrorNotice error={other} />}
          <button type="submit" className="button-secondary" disabled={command.isPending}>
            {t("credit.loan.addNote")}
          </button>
        </form>
      )}
    </section>
  );
}
