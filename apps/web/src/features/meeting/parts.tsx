// Pieces the meeting's steps share: the flow's context (kit, state, problems, formatters), an amount
// field tied to its line's problems, the step indicator and the running totals bar.
import type { ErrorCode } from "@qadam/core/errors";
import type { MeetingDraft } from "@qadam/core/groups/meeting-draft";
import type { MeetingKit } from "@qadam/core/groups/meeting-kit";
import type { GroupRules } from "@qadam/core/groups/rules";
import { formatMoney, money } from "@qadam/core/money";
import { createContext, type ReactNode, useContext, useId } from "react";
import { useTranslation } from "react-i18next";
import { formatAmount, formatDate } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { type FlowState, STEPS, type Step } from "./flow.js";
import type { Problem } from "./problems.js";
import type { Totals } from "./totals.js";
import { useErrorWords } from "./words.js";

export interface FlowContext {
  kit: MeetingKit;
  state: FlowState;
  update(change: (state: FlowState) => FlowState): void;
  problems: Problem[];
  totals: Totals;
  names: ReadonlyMap<string, string>;
  /** The rules in force on the meeting's date, and its draft (what is due); null when there are none. */
  rules: GroupRules | null;
  draft: MeetingDraft | null;
  /** The rules' absence and lateness fines, as amounts ("" when none). */
  fines: { absence: string; lateness: string };
}

export const Flow = createContext<FlowContext | null>(null);

export function useFlow(): FlowContext {
  const flow = useContext(Flow);
  if (!flow) throw new Error("useFlow outside the meeting flow");
  return flow;
}

/** Amounts and dates in the reader's language, and problems' messages. */
export function useWords() {
  const { i18n } = useTranslation();
  void i18n.language;
  const locale = currentLocale();
  const { kit, problems } = useFlow();
  const errorMessage = useErrorWords(problems.length > 0);
  return {
    locale,
    money: (minor: bigint) => formatAmount(locale, formatMoney(money(minor, kit.currency)), kit.currency),
    amount: (text: string) => formatAmount(locale, text, kit.currency),
    date: (date: string) => formatDate(locale, date),
    /** A decimal's text ("1.5") with the language's decimal comma where it has one. */
    decimal: (text: string) => (locale === "en" ? text : text.replace(".", ",")),
    /** The problem in words ("…" for the moment core's words take to load). */
    problem: (p: Pick<Problem, "code" | "params" | "lineKey">) =>
      errorMessage
        ? errorMessage(locale, { code: p.code as ErrorCode, params: p.params }, p.lineKey !== null)
        : "…",
  };
}

/** The problems on a line, or on a member with no line (her attendance). */
export function useProblemsOn(lineKey: string | null, memberId?: string): Problem[] {
  const { problems } = useFlow();
  return problems.filter((p) =>
    lineKey !== null ? p.lineKey === lineKey : p.lineKey === null && p.memberId === memberId,
  );
}

export function ProblemList({ id, problems }: { id: string; problems: readonly Problem[] }) {
  const w = useWords();
  if (problems.length === 0) return null;
  return (
    <div id={id} className="meeting-problems">
      {problems.map((p) => (
        <p key={`${p.path}-${p.code}`} className="field-error">
          {w.problem(p)}
        </p>
      ))}
    </div>
  );
}

/** A labelled amount (decimal text, the phone's number pad), its line's problems linked to it. */
export function AmountField({
  label,
  value,
  onChange,
  lineKey,
  hint,
  shortLabel,
}: {
  label: string;
  /** What the eye reads when the row already names her (the full label is still read out). */
  shortLabel?: string | undefined;
  value: string;
  onChange(text: string): void;
  lineKey: string | null;
  hint?: string | undefined;
}) {
  const id = useId();
  const problems = useProblemsOn(lineKey);
  const described = [hint ? `${id}-hint` : null, problems.length ? `${id}-problems` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={problems.length ? "field field-invalid meeting-field" : "field meeting-field"}>
      <label htmlFor={id}>
        {shortLabel ? (
          <>
            <span className="meeting-sr-only">{label}</span>
            <span aria-hidden="true">{shortLabel}</span>
          </>
        ) : (
          label
        )}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        aria-invalid={problems.length ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <ProblemList id={`${id}-problems`} problems={problems} />
    </div>
  );
}

/** A labelled select. */
export function SelectField({
  label,
  value,
  options,
  onChange,
  describedBy,
}: {
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange(value: string): void;
  describedBy?: string | undefined;
}) {
  const id = useId();
  return (
    <div className="field meeting-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The steps as a list, the current one marked, each with its count of problems; each opens its step. */
export function StepIndicator({
  step,
  counts,
  onGo,
}: {
  step: Step;
  counts: Record<Step, number>;
  onGo(step: Step): void;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("meeting.steps")} className="meeting-steps">
      <ol>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? "step" : undefined}>
            <button type="button" onClick={() => onGo(s)} className="meeting-step-button">
              <span className="meeting-step-no" aria-hidden="true">
                {i + 1}
              </span>
              <span className="meeting-step-name">{t(`meeting.step.${s}`)}</span>
              {counts[s] > 0 && (
                <span className="meeting-step-problems">
                  <span aria-hidden="true">{counts[s]}</span>
                  <span className="meeting-sr-only">{t("meeting.problemsOnStep", { n: counts[s] })}</span>
                </span>
              )}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Cash in the box now, collected and lent, always in sight; with the step's Back and Next. */
export function TotalsBar({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { totals } = useFlow();
  const w = useWords();
  return (
    <section className="meeting-bar" aria-label={t("meeting.bar.label")}>
      <dl className="meeting-bar-totals">
        <div>
          <dt>{t("meeting.bar.cash")}</dt>
          <dd>{w.money(totals.cashAfter)}</dd>
        </div>
        <div>
          <dt>{t("meeting.bar.collected")}</dt>
          <dd>{w.money(totals.collected)}</dd>
        </div>
        <div>
          <dt>{t("meeting.bar.lent")}</dt>
          <dd>{w.money(totals.lent)}</dd>
        </div>
      </dl>
      <div className="meeting-bar-buttons">{children}</div>
    </section>
  );
}
