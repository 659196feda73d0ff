// The group's rules: the version in force today, in words, and every version with the date it applied
// from (the rules a meeting is checked against are those in force on its date).
import type { GroupRulesSpec } from "@qadam/core/groups/rules";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "wouter";
import { todayHere } from "../../i18n/format.js";
import { registerMessages } from "../../i18n/register.js";
import { groupQuery, rulesQuery } from "./api.js";
import { messages } from "./messages.js";
import { GroupFrame, Loaded, useFormat } from "./parts.js";

registerMessages("shg", messages);

export default function RulesScreen() {
  const { groupId = "" } = useParams<{ groupId: string }>();
  const { t } = useTranslation();
  const f = useFormat();
  const rules = useQuery(rulesQuery(groupId));
  const currency = useQuery(groupQuery(groupId)).data?.currency ?? "KZT";
  const today = todayHere();
  return (
    <GroupFrame groupId={groupId}>
      <Loaded query={rules}>
        {({ items }) => {
          if (items.length === 0) return <p className="card">{t("shg.rules.none")}</p>;
          const newestFirst = [...items].reverse();
          const inForce = newestFirst.find((v) => v.validFrom <= today) ?? null;
          return (
            <>
              <section className="card" aria-labelledby="shg-rules-now">
                <h2 id="shg-rules-now">{t("shg.rules.inForce")}</h2>
                {inForce ? (
                  <>
                    <p className="muted">{t("shg.rules.since", { date: f.date(inForce.validFrom) })}</p>
                    <RulesList rules={inForce.rules} currency={currency} />
                  </>
                ) : (
                  <p>{t("shg.rules.noneYet")}</p>
                )}
              </section>
              <section className="card" aria-labelledby="shg-rules-history">
                <h2 id="shg-rules-history">{t("shg.rules.history")}</h2>
                <p className="muted">{t("shg.rules.historyIntro")}</p>
                <ol className="rows shg-history">
                  {newestFirst.map((v, i) => {
                    const until = i === 0 ? null : newestFirst[i - 1]?.validFrom;
                    return (
                      <li key={v.validFrom}>
                        <details>
                          <summary className="row-title">
                            {until
                              ? t("shg.rules.period", { from: f.date(v.validFrom), to: f.date(until) })
                              : t("shg.rules.from", { date: f.date(v.validFrom) })}
                            {v === inForce && (
                              <span className="badge badge-ok">{t("shg.rules.current")}</span>
                            )}
                          </summary>
                          <RulesList rules={v.rules} currency={currency} />
                        </details>
                      </li>
                    );
                  })}
                </ol>
              </section>
            </>
          );
        }}
      </Loaded>
    </GroupFrame>
  );
}

function RulesList({ rules, currency }: { rules: GroupRulesSpec; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (amount: string) => f.money(amount, currency);
  const meets =
    rules.meetings.frequency === "monthly"
      ? t("shg.rules.monthly", { day: rules.meetings.dayOfMonth })
      : t(`shg.rules.${rules.meetings.frequency}`, { weekday: t(`shg.weekday.${rules.meetings.weekday}`) });
  const saving = rules.savings.compulsory;
  const compulsory =
    saving.kind === "fixed"
      ? t("shg.rules.fixedSavings", { amount: m(saving.amount) })
      : t("shg.rules.shares", { price: m(saving.sharePrice), min: saving.minShares, max: saving.maxShares });
  const rows: Array<[string, string]> = [
    [t("shg.rules.meetings"), meets],
    [t("shg.rules.savings"), compulsory],
    [
      t("shg.rules.voluntary"),
      `${rules.savings.voluntary ? t("shg.yes") : t("shg.no")} · ${t("shg.rules.withdrawals")}: ${rules.savings.withdrawals ? t("shg.yes") : t("shg.no")}`,
    ],
    [
      t("shg.rules.loans"),
      t("shg.rules.loanTerms", {
        rate: rules.loans.monthlyRatePercent,
        method: t(`shg.rules.method.${rules.loans.method}`),
        multiple: rules.loans.maxMultipleOfSavings,
        months: rules.loans.maxTermMonths,
      }),
    ],
    [
      t("shg.rules.fines"),
      t("shg.rules.fineAmounts", {
        absence: m(rules.fines.absence),
        lateness: m(rules.fines.lateness),
        late: m(rules.fines.lateRepayment),
      }),
    ],
    [
      t("shg.rules.socialFund"),
      t("shg.rules.socialTerms", {
        amount: m(rules.socialFund.contribution),
        purposes: rules.socialFund.purposes.map((p) => t(`shg.purpose.${p}`)).join(", "),
      }),
    ],
    [
      t("shg.rules.cycle"),
      t("shg.rules.cycleTerms", {
        count: rules.cycle.months,
        method: t(`shg.method.${rules.cycle.shareout}`),
      }),
    ],
  ];
  return (
    <dl className="shg-facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
