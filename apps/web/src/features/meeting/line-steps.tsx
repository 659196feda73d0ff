// The steps made of lines she adds or removes (new loans, fines, the social fund's payouts), the cash
// count and the summary with every problem at once.

import { maxInternalLoan } from "@qadam/core/groups/internal-loans";
import type { MeetingLineJson } from "@qadam/core/groups/meeting-input";
import { FINE_KINDS, SOCIAL_FUND_PURPOSES } from "@qadam/core/groups/rules";
import { systemIds } from "@qadam/core/ids";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import {
  addLine,
  amountText,
  changeLine,
  type FlowLine,
  removeLine,
  type Step,
  setCashCounted,
} from "./flow.js";
import { ContributionsList } from "./member-steps.js";
import { AmountField, SelectField, useFlow, useWords } from "./parts.js";
import { minorOf, savingsForLoan } from "./totals.js";

function useMemberOptions() {
  const { state, names } = useFlow();
  return state.attendance.map((a) => ({ value: a.personId, label: names.get(a.personId) ?? a.personId }));
}

function RemoveButton({ lineKey, name }: { lineKey: string; name: string }) {
  const { t } = useTranslation();
  const { update } = useFlow();
  return (
    <button
      type="button"
      className="button-secondary meeting-remove"
      onClick={() => update((s) => removeLine(s, lineKey))}
    >
      {t("meeting.removeFor", { name })}
    </button>
  );
}

/** One line she added for a member: who (a member of the meeting), its own fields, and remove. */
function MemberLineItem({
  line,
  lineKey,
  children,
}: {
  line: { personId: string };
  lineKey: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { update, names } = useFlow();
  const members = useMemberOptions();
  return (
    <li className="meeting-member">
      <SelectField
        label={t("meeting.member")}
        value={line.personId}
        options={members}
        onChange={(personId) => update((s) => changeLine(s, lineKey, { personId }))}
      />
      {children}
      <RemoveButton lineKey={lineKey} name={names.get(line.personId) ?? line.personId} />
    </li>
  );
}

/** A change to one line's fields. */
function useLineChange(lineKey: string) {
  const { update } = useFlow();
  return (c: Partial<MeetingLineJson>) => update((s) => changeLine(s, lineKey, c));
}

/** The lines of one kind she added, none said so, and a button adding one for the first member. */
function AddedLines<K extends MeetingLineJson["kind"]>({
  kind,
  addLabel,
  emptyNote = true,
  newLine,
  render,
}: {
  kind: K;
  addLabel: string;
  emptyNote?: boolean;
  newLine: (personId: string) => MeetingLineJson;
  render: (line: Extract<MeetingLineJson, { kind: K }>, lineKey: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const { state, update } = useFlow();
  const lines = linesOf(state.lines, kind);
  const first = state.attendance[0]?.personId;
  return (
    <>
      {emptyNote && lines.length === 0 && <p className="muted">{t("meeting.none")}</p>}
      <ul className="meeting-list">{lines.map((l) => render(l.line, l.key))}</ul>
      {first && (
        <button
          type="button"
          className="button-secondary meeting-add"
          onClick={() => update((s) => addLine(s, newLine(first)))}
        >
          {addLabel}
        </button>
      )}
    </>
  );
}

function LoanLine({ line, lineKey }: { line: Extract<MeetingLineJson, { kind: "loan" }>; lineKey: string }) {
  const { t } = useTranslation();
  const { rules, kit, state } = useFlow();
  const w = useWords();
  const termId = useId();
  const purposeId = useId();
  const limit = rules
    ? maxInternalLoan(savingsForLoan(kit, state, line.personId), rules.loans.maxMultipleOfSavings)
    : null;
  const change = useLineChange(lineKey);
  return (
    <MemberLineItem line={line} lineKey={lineKey}>
      <AmountField
        label={t("meeting.loans.amount")}
        value={line.amount}
        lineKey={lineKey}
        hint={[
          limit !== null ? t("meeting.loans.limit", { amount: w.money(limit) }) : null,
          rules
            ? t("meeting.loans.rate", { rate: w.decimal(rules.loans.monthlyRate.times(100).toString()) })
            : null,
        ]
          .filter(Boolean)
          .join(" · ")}
        onChange={(amount) => change({ amount })}
      />
      <div className="field meeting-field">
        <label htmlFor={termId}>{t("meeting.loans.term", { max: rules?.loans.maxTermMonths ?? 1 })}</label>
        <input
          id={termId}
          type="number"
          inputMode="numeric"
          min={1}
          max={rules?.loans.maxTermMonths}
          value={line.termMonths || ""}
          onChange={(e) => change({ termMonths: Number.parseInt(e.target.value, 10) || 0 })}
        />
      </div>
      <div className="field meeting-field">
        <label htmlFor={purposeId}>{t("meeting.loans.purpose")}</label>
        <input
          id={purposeId}
          type="text"
          value={line.purpose ?? ""}
          onChange={(e) => change({ purpose: e.target.value || null })}
        />
      </div>
    </MemberLineItem>
  );
}

function linesOf<K extends MeetingLineJson["kind"]>(lines: readonly FlowLine[], kind: K) {
  return lines.filter(
    (l): l is FlowLine & { line: Extract<MeetingLineJson, { kind: K }> } => l.line.kind === kind,
  );
}

export function LoansStep() {
  const { t } = useTranslation();
  const { rules } = useFlow();
  return (
    <AddedLines
      kind="loan"
      addLabel={t("meeting.loans.add")}
      newLine={(personId) => ({
        kind: "loan",
        personId,
        amount: "",
        termMonths: rules?.loans.maxTermMonths ?? 1,
        purpose: null,
        loanId: systemIds.next(),
      })}
      render={(line, key) => <LoanLine key={key} lineKey={key} line={line} />}
    />
  );
}

function FineLine({ line, lineKey }: { line: Extract<MeetingLineJson, { kind: "fine" }>; lineKey: string }) {
  const { t } = useTranslation();
  const change = useLineChange(lineKey);
  return (
    <MemberLineItem line={line} lineKey={lineKey}>
      <SelectField
        label={t("meeting.fines.reason")}
        value={line.reason}
        options={FINE_KINDS.map((k) => ({ value: k, label: t(`meeting.fines.reasons.${k}`) }))}
        onChange={(reason) => change({ reason } as Partial<MeetingLineJson>)}
      />
      <AmountField
        label={t("meeting.fines.amount")}
        value={line.amount}
        lineKey={lineKey}
        onChange={(amount) => change({ amount })}
      />
    </MemberLineItem>
  );
}

export function FinesStep() {
  const { t } = useTranslation();
  return (
    <AddedLines
      kind="fine"
      addLabel={t("meeting.fines.add")}
      newLine={(personId) => ({ kind: "fine", personId, amount: "", reason: "other" })}
      render={(line, key) => <FineLine key={key} lineKey={key} line={line} />}
    />
  );
}

function PayoutLine({
  line,
  lineKey,
}: {
  line: Extract<MeetingLineJson, { kind: "socialPayout" }>;
  lineKey: string;
}) {
  const { t } = useTranslation();
  const { rules } = useFlow();
  const purposes = rules?.socialFund.purposes ?? SOCIAL_FUND_PURPOSES;
  const change = useLineChange(lineKey);
  return (
    <MemberLineItem line={line} lineKey={lineKey}>
      <SelectField
        label={t("meeting.social.purpose")}
        value={line.purpose}
        options={purposes.map((p) => ({ value: p, label: t(`meeting.social.purposes.${p}`) }))}
        onChange={(purpose) => change({ purpose } as Partial<MeetingLineJson>)}
      />
      <AmountField
        label={t("meeting.social.amount")}
        value={line.amount}
        lineKey={lineKey}
        onChange={(amount) => change({ amount })}
      />
    </MemberLineItem>
  );
}

export function SocialStep() {
  const { t } = useTranslation();
  const { rules } = useFlow();
  const purpose = rules?.socialFund.purposes[0] ?? "other";
  return (
    <>
      <ContributionsList />
      <h3>{t("meeting.social.payouts")}</h3>
      <AddedLines
        kind="socialPayout"
        addLabel={t("meeting.social.add")}
        emptyNote={false}
        newLine={(personId) => ({ kind: "socialPayout", personId, amount: "", purpose })}
        render={(line, key) => <PayoutLine key={key} lineKey={key} line={line} />}
      />
    </>
  );
}

export function CashStep() {
  const { t } = useTranslation();
  const { state, update, totals, kit, problems } = useFlow();
  const w = useWords();
  const expected = totals.cashAfter;
  const value = state.cashCounted ?? amountText(expected, kit.currency);
  const difference = minorOf(value, kit.currency) - expected;
  const cashProblems = problems.filter((p) => p.path === "cashCounted");
  return (
    <>
      <p className="meeting-expected">
        {t("meeting.cash.expected")}: <strong>{w.money(expected)}</strong>
      </p>
      <AmountField
        label={t("meeting.cash.counted")}
        value={value}
        lineKey={null}
        onChange={(text) => update((s) => setCashCounted(s, text))}
      />
      {cashProblems.length === 0 && difference === 0n ? (
        <p className="notice notice-done">{t("meeting.cash.matches")}</p>
      ) : (
        <p className="notice notice-error">{t("meeting.cash.difference", { amount: w.money(difference) })}</p>
      )}
    </>
  );
}

export function SummaryStep({ onGo }: { onGo(step: Step): void }) {
  const { t } = useTranslation();
  const { totals, problems, names } = useFlow();
  const w = useWords();
  const rows: Array<[string, string]> = [
    [t("meeting.summary.present"), `${totals.present} / ${totals.members}`],
    [t("meeting.summary.savings"), w.money(totals.savings - totals.withdrawn)],
    [t("meeting.summary.repaid"), w.money(totals.repaid)],
    [t("meeting.summary.lent"), w.money(totals.lent)],
    [t("meeting.summary.fines"), w.money(totals.fines)],
    [t("meeting.summary.groupLoans"), w.money(totals.groupLoansRepaid)],
    [t("meeting.summary.socialIn"), w.money(totals.socialIn)],
    [t("meeting.summary.socialOut"), w.money(totals.socialOut)],
    [t("meeting.summary.cash"), `${w.money(totals.cashBefore)} → ${w.money(totals.cashAfter)}`],
  ];
  return (
    <>
      <dl className="meeting-summary">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {problems.length === 0 ? (
        <p className="notice notice-done">{t("meeting.summary.noProblems")}</p>
      ) : (
        <section className="notice notice-error meeting-all-problems" aria-labelledby="meeting-problems">
          <h3 id="meeting-problems">{t("meeting.summary.problems")}</h3>
          <ul>
            {problems.map((p) => {
              const message = w.problem(p);
              const who = p.memberId ? (names.get(p.memberId) ?? p.memberId) : t("meeting.summary.general");
              // A problem that names her already ("Жанар Мамырованың…") is not headed by her name again.
              return (
                <li key={`${p.path}-${p.code}`}>
                  {!message.includes(who) && <strong>{who}: </strong>}
                  {message}{" "}
                  {p.step !== "summary" && (
                    <button type="button" className="meeting-go" onClick={() => onGo(p.step)}>
                      {t("meeting.summary.goTo", { step: t(`meeting.step.${p.step}`) })}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}
