// The steps that go member by member: attendance (and the date), savings, repayments, the social fund's
// contributions. Every figure is prefilled from the draft; an empty amount means no line.
import { ATTENDANCE, type Attendance } from "@qadam/core/groups/meeting";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { lineOf, setAmount, setAttendance, type Target } from "./flow.js";
import { AmountField, ProblemList, useFlow, useProblemsOn, useWords } from "./parts.js";

function MemberAttendance({ personId, status }: { personId: string; status: Attendance }) {
  const { t } = useTranslation();
  const { names, update, fines } = useFlow();
  const id = useId();
  const problems = useProblemsOn(null, personId);
  const name = names.get(personId) ?? personId;
  return (
    <li className="meeting-member">
      <label htmlFor={id} className="meeting-member-name">
        {name}
      </label>
      <select
        id={id}
        className={`meeting-attendance meeting-attendance-${status}`}
        value={status}
        aria-label={t("meeting.attendance.status", { name })}
        aria-describedby={problems.length ? `${id}-problems` : undefined}
        onChange={(e) => update((s) => setAttendance(s, personId, e.target.value as Attendance, fines))}
      >
        {ATTENDANCE.map((a) => (
          <option key={a} value={a}>
            {t(`meeting.attendance.${a}`)}
          </option>
        ))}
      </select>
      <ProblemList id={`${id}-problems`} problems={problems} />
    </li>
  );
}

export function AttendanceStep({
  onDate,
  dateError,
}: {
  onDate(date: string): void;
  dateError: string | null;
}) {
  const { t } = useTranslation();
  const { state, problems } = useFlow();
  const id = useId();
  const general = problems.filter(
    (p) => p.step === "attendance" && p.memberId === null && p.lineKey === null,
  );
  const described = [dateError ? `${id}-error` : null, general.length ? `${id}-problems` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <>
      <div className={dateError || general.length ? "field field-invalid" : "field"}>
        <label htmlFor={id}>{t("meeting.date")}</label>
        <input
          id={id}
          type="date"
          value={state.heldOn}
          aria-invalid={dateError || general.length ? true : undefined}
          aria-describedby={described || undefined}
          onChange={(e) => e.target.value && onDate(e.target.value)}
        />
        {dateError && (
          <p className="field-error" id={`${id}-error`}>
            {dateError}
          </p>
        )}
        <ProblemList id={`${id}-problems`} problems={general} />
      </div>
      <ul className="meeting-list">
        {state.attendance.map((a) => (
          <MemberAttendance key={a.personId} personId={a.personId} status={a.status} />
        ))}
      </ul>
    </>
  );
}

/** The amount of one target's line, as typed ("" when there is none). */
function useAmount(target: Target) {
  const { state, update } = useFlow();
  const found = lineOf(state, target);
  return {
    value: found?.line.amount ?? "",
    lineKey: found?.key ?? null,
    onChange: (text: string) => update((s) => setAmount(s, target, text)),
  };
}

function MemberSavings({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { names, kit, rules } = useFlow();
  const w = useWords();
  const name = names.get(personId) ?? personId;
  const compulsory = useAmount({ kind: "savings", personId });
  const voluntary = useAmount({ kind: "voluntarySavings", personId });
  const withdrawal = useAmount({ kind: "withdrawal", personId });
  const before = kit.members.find((m) => m.personId === personId)?.savings ?? "0";
  return (
    <li className="meeting-member">
      <span className="meeting-member-name">{name}</span>
      <div className="meeting-fields">
        <AmountField
          label={t("meeting.savings.compulsory", { name })}
          shortLabel={t("meeting.savings.compulsoryShort")}
          {...compulsory}
        />
        {rules?.savings.voluntary && (
          <AmountField
            label={t("meeting.savings.voluntary", { name })}
            shortLabel={t("meeting.savings.voluntaryShort")}
            {...voluntary}
          />
        )}
        {rules?.savings.withdrawals && (
          <AmountField
            label={t("meeting.savings.withdrawal", { name })}
            shortLabel={t("meeting.savings.withdrawalShort")}
            {...withdrawal}
          />
        )}
      </div>
      <p className="hint">{t("meeting.savings.has", { amount: w.amount(before) })}</p>
    </li>
  );
}

export function SavingsStep() {
  const { state } = useFlow();
  return (
    <ul className="meeting-list">
      {state.attendance.map((a) => (
        <MemberSavings key={a.personId} personId={a.personId} />
      ))}
    </ul>
  );
}

type OpenLoan = ReturnType<typeof useFlow>["kit"]["openLoans"][number];

function LoanRepayment({ loan }: { loan: OpenLoan }) {
  const { t } = useTranslation();
  const { names, draft } = useFlow();
  const w = useWords();
  const name = names.get(loan.personId) ?? loan.personId;
  const field = useAmount({ kind: "repayment", personId: loan.personId, loanId: loan.id });
  const due = draft?.members
    .find((m) => m.personId === loan.personId)
    ?.loans.find((l) => l.loanId === loan.id);
  const hint = [
    t("meeting.repayments.loanOf", { amount: w.amount(loan.principal), date: w.date(loan.issuedOn) }),
    due
      ? t("meeting.repayments.dueDetail", {
          principal: w.money(due.principal),
          interest: w.money(due.interest),
        })
      : null,
    due && due.daysLate > 0 ? t("meeting.repayments.late", { days: due.daysLate }) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <li className="meeting-member">
      <AmountField label={t("meeting.repayments.amountFor", { name })} hint={hint} {...field} />
    </li>
  );
}

function GroupLoanRepayment({ loanId, n, due }: { loanId: string; n: number; due: bigint }) {
  const { t } = useTranslation();
  const w = useWords();
  const field = useAmount({ kind: "loanRepayment", loanId });
  return (
    <li className="meeting-member">
      <AmountField
        label={t("meeting.repayments.groupAmount", { n })}
        hint={t("meeting.repayments.groupLoan", { n, amount: w.money(due) })}
        {...field}
      />
    </li>
  );
}

export function RepaymentsStep() {
  const { t } = useTranslation();
  const { kit, state, draft } = useFlow();
  const loans = kit.openLoans.filter((l) => l.issuedOn <= state.heldOn);
  const withLine = (l: OpenLoan) =>
    lineOf(state, { kind: "repayment", personId: l.personId, loanId: l.id }) !== undefined ||
    draft?.members.some((m) => m.loans.some((d) => d.loanId === l.id)) === true;
  const due = loans.filter(withLine);
  const other = loans.filter((l) => !withLine(l));
  return (
    <>
      <h3>{t("meeting.repayments.due")}</h3>
      {due.length === 0 ? (
        <p className="muted">{t("meeting.none")}</p>
      ) : (
        <ul className="meeting-list">
          {due.map((l) => (
            <LoanRepayment key={l.id} loan={l} />
          ))}
        </ul>
      )}
      {other.length > 0 && (
        <details className="meeting-more">
          <summary>{t("meeting.repayments.other")}</summary>
          <ul className="meeting-list">
            {other.map((l) => (
              <LoanRepayment key={l.id} loan={l} />
            ))}
          </ul>
        </details>
      )}
      {kit.groupLoans.length > 0 && (
        <>
          <h3>{t("meeting.repayments.group")}</h3>
          <ul className="meeting-list">
            {kit.groupLoans.map((g, i) => (
              <GroupLoanRepayment
                key={g.loanId}
                loanId={g.loanId}
                n={i + 1}
                due={draft?.groupLoans.find((d) => d.loanId === g.loanId)?.due ?? 0n}
              />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function MemberContribution({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { names } = useFlow();
  const name = names.get(personId) ?? personId;
  const field = useAmount({ kind: "socialContribution", personId });
  return (
    <li className="meeting-member">
      <AmountField label={t("meeting.social.contribution", { name })} {...field} />
    </li>
  );
}

export function ContributionsList() {
  const { state } = useFlow();
  return (
    <ul className="meeting-list">
      {state.attendance.map((a) => (
        <MemberContribution key={a.personId} personId={a.personId} />
      ))}
    </ul>
  );
}
