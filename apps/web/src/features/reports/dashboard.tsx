// The manager's dashboard: for an organisation (default: the user's) and an end date, its loan portfolio
// and PAR30 and its groups' savings and internal loans at each month-end, and on the end date its groups'
// members by region and grades — charts with their figures as tables.
import type { DashboardDto } from "@qadam/core/dashboard/contract";
import type { OrgKind } from "@qadam/core/orgs/types";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/error-notice.js";
import { ScreenHeading } from "../../components/heading.js";
import { formatAmount, formatDate } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { dashboard } from "./api.js";
import { BarChart } from "./bar-chart.js";
import { numberLocale, shortDate } from "./chart-format.js";
import { DateField, Filters, OrgSelect, useReportParams } from "./filters.js";
import { messages } from "./messages.js";
import { MANAGERS } from "./roles.js";
import { type ChartSeries, TimeChart } from "./time-chart.js";

registerMessages("reports", messages);

/** Organisations whose subtree has loans or groups to chart. */
const CHARTED: readonly OrgKind[] = ["association", "partner_ngo", "federation", "cluster", "mfo"];

const GREEN = "#0b5d4b";
const RED = "#a4161a";
const BLUE = "#1f5fa8";
const AMBER = "#8a5a00";

export default function DashboardScreen() {
  const { t } = useTranslation();
  const p = useReportParams(MANAGERS);
  const locale = currentLocale();
  const query = useQuery({
    queryKey: ["reports", "dashboard", p.orgId, p.date],
    queryFn: () => dashboard(p.orgId, p.date),
    enabled: p.orgId !== "",
  });
  return (
    <>
      <ScreenHeading>{t("reports.dashboard.title")}</ScreenHeading>
      <Filters>
        <OrgSelect value={p.orgId} onChange={(org) => p.set({ org })} kinds={CHARTED} />
        <DateField
          name="date"
          label={t("reports.filters.date")}
          value={p.date}
          onChange={(date) => p.set({ date })}
        />
      </Filters>
      {query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <p className="muted" aria-busy="true">
          {t("app.loading")}
        </p>
      ) : (
        <>
          <p className="lead">
            {t("reports.dashboard.intro", { name: query.data.name, date: formatDate(locale, query.data.to) })}
          </p>
          <Charts d={query.data} locale={locale} />
        </>
      )}
    </>
  );
}

/** A decimal string in major units as a position on a chart (never used to compute money). */
const plotted = (amount: string) => Number(amount);

function Charts({ d, locale }: { d: DashboardDto; locale: string }) {
  const { t } = useTranslation();
  const dateTexts = useMemo(() => d.dates.map((x) => shortDate(locale, x)), [d.dates, locale]);
  const numbers = new Intl.NumberFormat(numberLocale(locale));
  const percent = new Intl.NumberFormat(numberLocale(locale), {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const series = useMemo(
    () =>
      d.currencies.map((c) => {
        const money = (amounts: string[]) => ({
          values: amounts.map(plotted),
          texts: amounts.map((a) => formatAmount(locale, a, c.currency)),
        });
        const portfolio: ChartSeries[] = [
          {
            label: t("reports.dashboard.outstanding"),
            colour: GREEN,
            ...money(c.portfolio.map((x) => x.outstanding)),
          },
          {
            label: t("reports.dashboard.par30"),
            colour: RED,
            dash: [6, 4],
            ...money(c.portfolio.map((x) => x.par30)),
          },
        ];
        const groups: ChartSeries[] = [
          { label: t("reports.dashboard.savings"), colour: BLUE, ...money(c.groups.map((x) => x.savings)) },
          {
            label: t("reports.dashboard.internalLoans"),
            colour: AMBER,
            dash: [6, 4],
            ...money(c.groups.map((x) => x.internalLoans.amount)),
          },
        ];
        const lends = c.portfolio.some((x) => x.outstanding !== "0.00" && plotted(x.outstanding) !== 0);
        const saves = c.groups.some((x) => x.groups > 0);
        return {
          currency: c.currency,
          portfolio,
          groups,
          lends,
          saves,
          ratios: c.portfolio.map((x) => x.par30Ratio),
        };
      }),
    [d, locale, t],
  );
  const anything = series.some((s) => s.lends || s.saves);
  const groupCount = d.grades.A + d.grades.B + d.grades.C + d.grades.ungraded;
  return (
    <div className="reports-dashboard">
      {!anything && <p className="notice">{t("reports.dashboard.nothing")}</p>}
      {series.map((s) => (
        <div key={s.currency} className="reports-grid">
          {s.lends && (
            <TimeChart
              title={t("reports.dashboard.portfolio", { currency: s.currency })}
              hint={t("reports.dashboard.portfolioHint")}
              dates={d.dates}
              dateTexts={dateTexts}
              series={s.portfolio}
              extraColumns={[
                {
                  label: t("reports.dashboard.par30Ratio"),
                  texts: s.ratios.map((r) => percent.format(Number(r))),
                },
              ]}
            />
          )}
          {s.saves && (
            <TimeChart
              title={t("reports.dashboard.groupsMoney", { currency: s.currency })}
              hint={t("reports.dashboard.groupsMoneyHint")}
              dates={d.dates}
              dateTexts={dateTexts}
              series={s.groups}
            />
          )}
        </div>
      ))}
      {groupCount === 0 ? (
        <p className="muted">{t("reports.dashboard.noGroups")}</p>
      ) : (
        <div className="reports-grid">
          <BarChart
            title={t("reports.dashboard.regions")}
            labelHeading={t("reports.dashboard.region")}
            valueHeading={t("reports.dashboard.members")}
            colour={GREEN}
            bars={d.membersByRegion.map((r) => ({
              key: r.region ?? "",
              label: r.region ?? t("reports.dashboard.noRegion"),
              value: r.members,
              text: numbers.format(r.members),
            }))}
          />
          <BarChart
            title={t("reports.dashboard.grades")}
            labelHeading={t("reports.dashboard.grade")}
            valueHeading={t("reports.dashboard.groups")}
            colour={BLUE}
            bars={(["A", "B", "C", "ungraded"] as const).map((g) => ({
              key: g,
              label: t(g === "ungraded" ? "reports.dashboard.ungraded" : `reports.dashboard.grade${g}`),
              value: d.grades[g],
              text: numbers.format(d.grades[g]),
            }))}
          />
        </div>
      )}
    </div>
  );
}
