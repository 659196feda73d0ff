// Bars for categories (members by region, groups by grade) in plain HTML: a table whose rows carry
// their figure in words and a bar drawn to scale, so the chart is its own text alternative.
import { useId } from "react";

export interface Bar {
  key: string;
  label: string;
  value: number;
  text: string;
}

export function BarChart({
  title,
  labelHeading,
  valueHeading,
  bars,
  colour,
}: {
  title: string;
  labelHeading: string;
  valueHeading: string;
  bars: readonly Bar[];
  colour: string;
}) {
  const id = useId();
  const top = Math.max(1, ...bars.map((b) => b.value));
  return (
    <section className="card reports-chart" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <table className="reports-bars">
        <thead className="reports-visually-hidden">
          <tr>
            <th scope="col">{labelHeading}</th>
            <th scope="col">{valueHeading}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.key} data-key={b.key}>
              <th scope="row">{b.label}</th>
              <td>
                <span className="reports-bar-value">{b.text}</span>
                <span className="reports-bar-track" aria-hidden="true">
                  <span
                    className="reports-bar"
                    style={{ width: `${(100 * b.value) / top}%`, background: colour }}
                  />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
