// A repayment schedule as a table of figures that scrolls sideways on a phone: a loan's (paid, due or
// late per installment) or a preview's (with the balance after each payment).
import type { LoanDto } from "@qadam/core/loans/contract";
import type { SchedulePreview } from "@qadam/core/loans/preview";
import { formatMoney, money, parseMoney } from "@qadam/core/money";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { formatAmount, todayHere } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { formatShortDate } from "./figures.js";

type Installment = LoanDto["schedule"][number];

function stateOf(i: Installment, currency: string, today: string): "paid" | "late" | "partly" | "due" {
  const unpaid = parseMoney(i.outstanding, currency).minor;
  if (unpaid === 0n) return "paid";
  if (i.dueDate < today) return "late";
  return unpaid < parseMoney(i.total, currency).minor ? "partly" : "due";
}

/** Spread: the scroller takes the focus, though it is no control. */
const FOCUSABLE = { tabIndex: 0 } as const;

const STATE_KEY = { paid: "statePaid", late: "stateLate", partly: "statePartly", due: "stateDue" } as const;

/** The frame: a caption, a hint that it scrolls, and a focusable region so a keyboard can scroll it too. */
function Frame({ caption, children }: { caption: string; children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <p className="hint credit-scroll-hint" id={`${id}-hint`}>
        {t("credit.schedule.scrollHint")}
      </p>
      {/* A scrolling region must be reachable by keyboard (axe: scrollable-region-focusable). */}
      <section className="table-scroll" aria-label={caption} aria-describedby={`${id}-hint`} {...FOCUSABLE}>
        {children}
      </section>
    </>
  );
}

export function LoanSchedule({ loan }: { loan: LoanDto }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const today = todayHere();
  const m = (amount: string) => formatAmount(locale, amount, loan.currency);
  const caption = t("credit.schedule.caption");
  const paid = (i: Installment) =>
    [i.paid.principal, i.paid.interest, i.paid.fees, i.paid.penalty].reduce(
      (s, a) => s + parseMoney(a, loan.currency).minor,
      0n,
    );
  return (
    <Frame caption={caption}>
      <table className="figures credit-schedule">
        <caption className="credit-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("credit.schedule.number")}</th>
            <th scope="col">{t("credit.schedule.dueDate")}</th>
            <th scope="col">{t("credit.schedule.state")}</th>
            <th scope="col" className="num">
              {t("credit.schedule.total")}
            </th>
            <th scope="col" className="num">
              {t("credit.schedule.paid")}
            </th>
            <th scope="col" className="num">
              {t("credit.schedule.outstanding")}
            </th>
            <th scope="col" className="num">
              {t("credit.schedule.principal")}
            </th>
            <th scope="col" className="num">
              {t("credit.schedule.interest")}
            </th>
            <th scope="col" className="num">
              {t("credit.schedule.fees")}
            </th>
            <th scope="col" className="num">
              {t("credit.schedule.penalty")}
            </th>
          </tr>
        </thead>
        <tbody>
          {loan.schedule.map((i) => {
            const state = stateOf(i, loan.currency, today);
            return (
              <tr key={i.number} className={`credit-state-${state}`}>
                <th scope="row">{i.number}</th>
                <td>{formatShortDate(locale, i.dueDate)}</td>
                <td>
                  <span
                    className={
                      state === "late" ? "badge badge-late" : state === "paid" ? "badge badge-ok" : "badge"
                    }
                  >
                    {t(`credit.schedule.${STATE_KEY[state]}`)}
                  </span>
                </td>
                <td className="num">{m(i.total)}</td>
                <td className="num">{m(formatMoney(money(paid(i), loan.currency)))}</td>
                <td className="num">{m(i.outstanding)}</td>
                <td className="num">{m(i.principal)}</td>
                <td className="num">{m(i.interest)}</td>
                <td className="num">{m(i.fees)}</td>
                <td className="num">{m(i.penalty)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Frame>
  );
}

export function PreviewSchedule({ preview }: { preview: SchedulePreview }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const m = (amount: string) => formatAmount(locale, amount, preview.currency);
  const caption = t("credit.schedule.caption");
  return (
    <Frame caption={caption}>
      <table className="figures credit-schedule">
        <caption className="credit-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("credit.schedule.number")}</th>
            <th scope="col">{t("credit.schedule.dueDate")}</th>
            <th scope="col" className="num">
              {t("credit.schedule.total")}
            </th>
            <th scope="col" className="num">
              {t("credit.schedule.principal")}
            </th>
            <th scope="col" className="num">
              {t("credit.schedule.interest")}
            </th>
            <th scope="col" className="num">
              {t("credit.schedule.fees")}
            </th>
            <th scope="col" className="num">
              {t("credit.schedule.balance")}
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.installments.map((i) => (
            <tr key={i.number}>
              <th scope="row">{i.number}</th>
              <td>{formatShortDate(locale, i.dueDate)}</td>
              <td className="num">{m(i.total)}</td>
              <td className="num">{m(i.principal)}</td>
              <td className="num">{m(i.interest)}</td>
              <td className="num">{m(i.fees)}</td>
              <td className="num">{m(i.balance)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t("credit.schedule.totals")}
            </th>
            <td className="num">{m(preview.totals.total)}</td>
            <td className="num">{m(preview.totals.principal)}</td>
            <td className="num">{m(preview.totals.interest)}</td>
            <td className="num">{m(preview.totals.fees)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </Frame>
  );
}
