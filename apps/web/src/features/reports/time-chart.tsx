// A line chart of a few series over dates (uPlot, drawn on a canvas), with a legend and its figures as a
// table under a disclosure: the text alternative a screen reader and a reader who wants numbers use.
// Only the dashboard's chunk imports it, so uPlot never weighs on the first screen.
import { type ReactNode, useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { currentLocale } from "../../i18n/i18n.js";
import { compactNumber, monthLabel } from "./chart-format.js";
import { FiguresScroll } from "./figures-scroll.js";

export interface ChartSeries {
  label: string;
  /** The values to plot (a position on the chart, never money to compute with). */
  values: readonly number[];
  /** Each value as the table shows it ("1 250,50 ₸", "4,2 %"). */
  texts: readonly string[];
  colour: string;
  dash?: number[];
}

export function TimeChart({
  title,
  hint,
  dates,
  dateTexts,
  series,
  extraColumns = [],
}: {
  title: string;
  hint: ReactNode;
  dates: readonly string[];
  /** Each date as the table shows it. */
  dateTexts: readonly string[];
  series: readonly ChartSeries[];
  /** Columns of the table that are not drawn (a ratio beside the amounts). */
  extraColumns?: readonly { label: string; texts: readonly string[] }[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const holder = useRef<HTMLDivElement>(null);
  const locale = currentLocale();

  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const labels = dates.map((d) => monthLabel(locale, d));
    const size = () => ({ width: Math.max(260, el.clientWidth), height: el.clientWidth < 480 ? 200 : 240 });
    const plot = new uPlot(
      {
        ...size(),
        legend: { show: false },
        cursor: { show: false },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        scales: { x: { time: false } },
        padding: [12, 12, 0, 0],
        axes: [
          {
            stroke: "#4a5560",
            grid: { stroke: "#e3e8eb" },
            ticks: { show: false },
            incrs: [1, 2, 3, 6],
            values: (_u, ticks) => ticks.map((i) => labels[i] ?? ""),
          },
          {
            stroke: "#4a5560",
            grid: { stroke: "#e3e8eb" },
            ticks: { show: false },
            size: 64,
            values: (_u, ticks) => ticks.map((v) => compactNumber(locale, v)),
          },
        ],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.colour,
            width: 2.5,
            ...(s.dash ? { dash: s.dash } : {}),
            points: { show: true, size: 6, fill: s.colour },
          })),
        ],
      },
      [dates.map((_, i) => i), ...series.map((s) => [...s.values])],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize(size()));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [dates, series, locale]);

  const points = series.reduce((n, s) => n + s.values.length, 0);
  return (
    <figure className="card reports-chart" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="hint">{hint}</p>
      <ul className="reports-legend">
        {series.map((s) => (
          <li key={s.label}>
            <span
              className={s.dash ? "reports-swatch reports-swatch-dashed" : "reports-swatch"}
              style={{ borderColor: s.colour }}
              aria-hidden="true"
            />
            {s.label}
          </li>
        ))}
      </ul>
      {/* The canvas is a picture of the table below, which says the same in words. */}
      <div
        ref={holder}
        className="reports-canvas"
        role="img"
        aria-label={title}
        data-points={points}
        data-colours={series.map((s) => s.colour).join(" ")}
      />
      <details className="reports-figures">
        <summary>{t("reports.table.show")}</summary>
        <FiguresScroll label={title}>
          <table className="figures">
            <caption className="reports-visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reports.table.date")}</th>
                {series.map((s) => (
                  <th key={s.label} scope="col" className="num">
                    {s.label}
                  </th>
                ))}
                {extraColumns.map((c) => (
                  <th key={c.label} scope="col" className="num">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {dates.map((d, i) => (
                <tr key={d} data-date={d}>
                  <th scope="row">{dateTexts[i]}</th>
                  {series.map((s) => (
                    <td key={s.label} className="num">
                      {s.texts[i]}
                    </td>
                  ))}
                  {extraColumns.map((c) => (
                    <td key={c.label} className="num">
                      {c.texts[i]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </FiguresScroll>
      </details>
    </figure>
  );
}
