// The federation's roll-up: its self-help groups added up over the twelve months to today (the API's
// group-rollup) — groups, members, meetings, savings, internal loans, cash, outside loans, grades — in
// total and cluster by cluster, with a link to the federation's own books.
import { groupRollUpSchema, type RollUpRowDto } from "@qadam/core/groups/contract";
import { add, formatMoney, fromJson } from "@qadam/core/money";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { AppLink } from "../../components/app-link.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { ScreenHeading } from "../../components/heading.js";
import { formatAmount, formatDate } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { messages } from "./messages.js";
import { FieldHeader, useFederation } from "./shared.js";

registerMessages("field", messages);

type Figures = RollUpRowDto["figures"];
type Figure = { key: string; value: (f: Figures) => string; kind: "count" | "amount" | "ratio" };

/** The figures shown, in the order a field officer reads them; `key` names the text and the test's hook. */
const FIGURES: readonly Figure[] = [
  { key: "groups", value: (f) => String(f.groups.total), kind: "count" },
  { key: "activeGroups", value: (f) => String(f.groups.active), kind: "count" },
  { key: "members", value: (f) => String(f.members.active), kind: "count" },
  { key: "joined", value: (f) => String(f.members.joined), kind: "count" },
  { key: "droppedOut", value: (f) => String(f.members.droppedOut), kind: "count" },
  { key: "meetingsHeld", value: (f) => String(f.meetings.held), kind: "count" },
  { key: "meetingsExpected", value: (f) => String(f.meetings.expected), kind: "count" },
  { key: "savingsHeld", value: (f) => f.savings.held, kind: "amount" },
  { key: "savingsInPeriod", value: (f) => f.savings.inPeriod, kind: "amount" },
  { key: "internalLoans", value: (f) => f.internalLoans.outstanding.amount, kind: "amount" },
  { key: "internalLoansCount", value: (f) => String(f.internalLoans.outstanding.count), kind: "count" },
  { key: "lateLoans", value: (f) => f.internalLoans.late.amount, kind: "amount" },
  { key: "loanFundCash", value: (f) => f.funds.loanFundCash, kind: "amount" },
  { key: "otherFundsCash", value: (f) => f.funds.otherFundsCash, kind: "amount" },
  { key: "externalLoans", value: (f) => f.externalLoans.outstanding, kind: "amount" },
  { key: "par30", value: (f) => f.externalLoans.par30 ?? "", kind: "ratio" },
  { key: "sharedOut", value: (f) => f.shareouts.amount, kind: "amount" },
];

const percent = (locale: string, ratio: string) =>
  ratio === ""
    ? "—"
    : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(Number(ratio));

export default function RollupScreen() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const federation = useFederation();
  const fed = federation.federation;
  const rollup = useQuery({
    queryKey: ["field", "rollup", fed?.id],
    enabled: fed !== null,
    queryFn: () => api("GET", `/api/v1/orgs/${fed?.id}/group-rollup`, { schema: groupRollUpSchema }),
  });
  const shown = (kind: Figure["kind"], raw: string, currency: string) =>
    kind === "amount"
      ? formatAmount(locale, raw, currency)
      : kind === "ratio"
        ? percent(locale, raw)
        : new Intl.NumberFormat(locale).format(Number(raw));

  return (
    <>
      <ScreenHeading>{t("field.rollup.title")}</ScreenHeading>
      <FieldHeader federation={federation} />
      {fed && (
        <p className="lead">
          {fed.name} · <AppLink to={`/books?org=${fed.id}`}>{t("field.rollup.books")}</AppLink>
        </p>
      )}
      {rollup.isError && <ErrorNotice error={rollup.error} onRetry={() => void rollup.refetch()} />}
      {rollup.isPending && fed && (
        <p className="muted" aria-busy="true">
          {t("app.loading")}
        </p>
      )}
      {rollup.isSuccess && (
        <>
          <p className="muted">
            {t("field.rollup.period", {
              from: formatDate(locale, rollup.data.from),
              to: formatDate(locale, rollup.data.to),
            })}
          </p>
          {rollup.data.currencies.length === 0 && <p className="muted">{t("field.rollup.empty")}</p>}
          {rollup.data.currencies.map((c) => (
            <div key={c.currency}>
              <section className="card" aria-labelledby={`total-${c.currency}`}>
                <h2 id={`total-${c.currency}`}>{t("field.rollup.total", { currency: c.currency })}</h2>
                <table className="figures field-figures">
                  <tbody>
                    {FIGURES.map((f) => {
                      const raw = f.value(c.total.figures);
                      return (
                        <tr key={f.key}>
                          <th scope="row">{t(`field.rollup.figures.${f.key}`)}</th>
                          <td className="num" data-figure={f.key} data-value={raw}>
                            {shown(f.kind, raw, c.currency)}
                          </td>
                        </tr>
                      );
                    })}
                    {(["A", "B", "C"] as const).map((g) => (
                      <tr key={g}>
                        <th scope="row">{t(`field.grades.choice.${g}`)}</th>
                        <td className="num" data-figure={`grade${g}`}>
                          {t("field.groups", { count: c.total.figures.grades[g] })}
                        </td>
                      </tr>
                    ))}
                    <tr>
                      <th scope="row">{t("field.grades.choice.none")}</th>
                      <td className="num">{t("field.groups", { count: c.total.figures.grades.ungraded })}</td>
                    </tr>
                  </tbody>
                </table>
              </section>
              {c.byCluster.length > 0 && (
                <section aria-labelledby={`clusters-${c.currency}`}>
                  <h2 id={`clusters-${c.currency}`}>{t("field.rollup.byCluster")}</h2>
                  {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (axe: scrollable-region-focusable) */}
                  <section className="table-scroll" tabIndex={0} aria-labelledby={`clusters-${c.currency}`}>
                    <table className="figures">
                      <thead>
                        <tr>
                          <th scope="col">{t("field.rollup.cluster")}</th>
                          <th scope="col" className="num">
                            {t("field.rollup.figures.groups")}
                          </th>
                          <th scope="col" className="num">
                            {t("field.rollup.figures.members")}
                          </th>
                          <th scope="col" className="num">
                            {t("field.rollup.figures.savingsHeld")}
                          </th>
                          <th scope="col" className="num">
                            {t("field.rollup.figures.internalLoans")}
                          </th>
                          <th scope="col" className="num">
                            {t("field.rollup.cash")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {c.byCluster.map((row) => (
                          <tr key={row.orgId ?? "none"}>
                            <th scope="row">{row.name ?? t("field.clusters.noCluster")}</th>
                            <td className="num">{row.figures.groups.total}</td>
                            <td className="num">{row.figures.members.active}</td>
                            <td className="num">
                              {formatAmount(locale, row.figures.savings.held, c.currency)}
                            </td>
                            <td className="num">
                              {formatAmount(locale, row.figures.internalLoans.outstanding.amount, c.currency)}
                            </td>
                            <td className="num">
                              {formatAmount(locale, cashOf(row.figures.funds, c.currency), c.currency)}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </section>
                </section>
              )}
            </div>
          ))}
        </>
      )}
    </>
  );
}

/** The two cash boxes added up, in minor units by core's money (never a float). */
function cashOf(funds: Figures["funds"], currency: string): string {
  return formatMoney(
    add(
      fromJson({ amount: funds.loanFundCash, currency }),
      fromJson({ amount: funds.otherFundsCash, currency }),
    ),
  );
}
