// The share-out of the current cycle: previewed on a date (each member's claim, what she is paid in cash
// now and what is carried over), then, for those who may, committed after a confirmation step. The
// API's refusal (loans still open, nothing saved…) is shown as it words it, in the reader's language.
import type { ShareoutDto } from "@qadam/core/groups/contract";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "wouter";
import { queryClient } from "../../api/query.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { Field } from "../../components/field.js";
import { todayHere } from "../../i18n/format.js";
import { registerMessages } from "../../i18n/register.js";
import { commitShareout, shareoutQuery } from "./api.js";
import { messages } from "./messages.js";
import { GroupFrame, Loaded, useCan, useFormat } from "./parts.js";
import { ScrollingTable } from "./scrolling-table.js";

registerMessages("shg", messages);

export default function ShareoutScreen() {
  const { groupId = "" } = useParams<{ groupId: string }>();
  const { t } = useTranslation();
  const [on, setOn] = useState(todayHere());
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(on);
  const [closed, setClosed] = useState<{ closesOn: string; cashNow: string; currency: string } | null>(null);
  const preview = useQuery({ ...shareoutQuery(groupId, on), enabled: valid && closed === null });
  const f = useFormat();
  return (
    <GroupFrame groupId={groupId}>
      <section className="card" aria-labelledby="shg-shareout">
        <h2 id="shg-shareout">{t("shg.shareout.title")}</h2>
        <p className="muted">{t("shg.shareout.intro")}</p>
        <div className="shg-date">
          <Field
            label={t("shg.shareout.on")}
            type="date"
            name="on"
            value={on}
            max={todayHere()}
            onChange={(e) => setOn(e.target.value)}
          />
        </div>
      </section>
      {closed ? (
        <p className="notice notice-done" role="status">
          {t("shg.shareout.done", {
            date: f.date(closed.closesOn),
            amount: f.money(closed.cashNow, closed.currency),
          })}
        </p>
      ) : (
        valid && (
          <Loaded query={preview}>
            {(p) => <Preview preview={p} groupId={groupId} onClosed={setClosed} />}
          </Loaded>
        )
      )}
    </GroupFrame>
  );
}

type OnClosed = (closed: ShareoutDto) => void;

function Preview({
  preview: p,
  groupId,
  onClosed,
}: {
  preview: ShareoutDto;
  groupId: string;
  onClosed: OnClosed;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (amount: string) => f.money(amount, p.currency);
  const totals: Array<[string, string]> = [
    [t("shg.shareout.distributable"), m(p.distributable)],
    [t("shg.shareout.cash"), m(p.cash)],
    [t("shg.shareout.loansOutstanding", { count: p.openLoans }), m(p.loansOutstanding)],
    [t("shg.shareout.interestDue"), m(p.interestDue)],
    [t("shg.shareout.owed"), m(p.owed)],
    [t("shg.shareout.owedInterest"), m(p.owedInterest)],
    [t("shg.shareout.socialFund"), m(p.socialFund)],
    [t("shg.shareout.cashNow"), m(p.cashNow)],
    [t("shg.shareout.carriedOver"), m(p.carriedOver)],
  ];
  return (
    <>
      <section className="card" aria-labelledby="shg-shareout-totals">
        <h2 id="shg-shareout-totals">
          {t("shg.shareout.cycle", { from: f.date(p.cycleFrom), to: f.date(p.closesOn) })}
        </h2>
        <p className="muted">{t("shg.shareout.method", { method: t(`shg.method.${p.sharedAs}`) })}</p>
        <dl className="shg-facts shg-totals">
          {totals.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd className="num">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {/* Not a landmark of its own: the table inside is the region, under the same name. */}
      <section className="card">
        <h2 id="shg-shareout-members">{t("shg.shareout.members")}</h2>
        <ScrollingTable label={t("shg.shareout.members")}>
          <table className="figures shg-sticky shg-stack">
            <thead>
              <tr>
                <th scope="col">{t("shg.meeting.member")}</th>
                <th scope="col" className="num">
                  {t("shg.shareout.savings")}
                </th>
                <th scope="col" className="num">
                  {t("shg.shareout.profit")}
                </th>
                <th scope="col" className="num">
                  {t("shg.shareout.claim")}
                </th>
                <th scope="col" className="num">
                  {t("shg.shareout.cashNow")}
                </th>
                <th scope="col" className="num">
                  {t("shg.shareout.carriedOver")}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.members.map((x) => (
                <tr key={x.personId}>
                  <th scope="row">{x.name || t("shg.unnamed")}</th>
                  <td className="num" data-label={t("shg.shareout.savings")}>
                    {m(x.savings)}
                  </td>
                  <td className="num" data-label={t("shg.shareout.profit")}>
                    {m(x.profit)}
                  </td>
                  <td className="num" data-label={t("shg.shareout.claim")}>
                    <strong>{m(x.payout)}</strong>
                  </td>
                  <td className="num" data-label={t("shg.shareout.cashNow")}>
                    {m(x.cashNow)}
                  </td>
                  <td className="num" data-label={t("shg.shareout.carriedOver")}>
                    {m(x.carriedOver)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("shg.total")}</th>
                <td className="num" data-empty="" />
                <td className="num" data-empty="" />
                <td className="num" data-label={t("shg.shareout.claim")}>
                  {m(p.distributable)}
                </td>
                <td className="num" data-label={t("shg.shareout.cashNow")}>
                  {m(p.cashNow)}
                </td>
                <td className="num" data-label={t("shg.shareout.carriedOver")}>
                  {m(p.carriedOver)}
                </td>
              </tr>
            </tfoot>
          </table>
        </ScrollingTable>
      </section>
      <Commit preview={p} groupId={groupId} onClosed={onClosed} />
    </>
  );
}

function Commit({
  preview: p,
  groupId,
  onClosed,
}: {
  preview: ShareoutDto;
  groupId: string;
  onClosed: OnClosed;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const allowed = useCan("meetings.write");
  const [confirming, setConfirming] = useState(false);
  const [carryOver, setCarryOver] = useState(false);
  const commit = useMutation({
    mutationFn: () => commitShareout(groupId, { on: p.closesOn, carryOverLoans: carryOver }),
    onSuccess: (done) => {
      // Said above the (now stale) preview, which is not asked for again once the cycle is closed.
      onClosed(done);
      void queryClient.invalidateQueries({ queryKey: ["shg", groupId] });
    },
  });
  if (!allowed) return null;
  return (
    <section className="card shg-commit" aria-labelledby={`${id}-commit`}>
      <h2 id={`${id}-commit`}>{t("shg.shareout.commitTitle")}</h2>
      {!confirming ? (
        <>
          <p>{t("shg.shareout.commitIntro")}</p>
          <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
            {t("shg.shareout.commit")}
          </button>
        </>
      ) : (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!commit.isPending) commit.mutate();
          }}
        >
          <p className="notice notice-error">
            {t("shg.shareout.confirmText", {
              date: f.date(p.closesOn),
              count: p.members.length,
              amount: f.money(p.cashNow, p.currency),
              carried: f.money(p.carriedOver, p.currency),
            })}
          </p>
          {p.openLoans > 0 && (
            <label className="check">
              <input type="checkbox" checked={carryOver} onChange={(e) => setCarryOver(e.target.checked)} />
              {t("shg.shareout.carryOverLoans", { count: p.openLoans })}
            </label>
          )}
          {commit.isError && <ErrorNotice error={commit.error} />}
          <div className="shg-actions">
            <button type="submit" className="button-primary" disabled={commit.isPending}>
              {commit.isPending ? t("shg.shareout.committing") : t("shg.shareout.confirm")}
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setConfirming(false);
                commit.reset();
              }}
            >
              {t("shg.cancel")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
