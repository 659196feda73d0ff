// After the meeting, on the phone, with or without a connection: what became of it (waiting, sent,
// refused and why, kept current), the one-screen summary the group reads aloud, and each member's
// passbook page for this meeting, printable one member per page (styles.css, @media print).
import { useTranslation } from "react-i18next";
import { useParams } from "wouter";
import { AppLink } from "../../components/app-link.js";
import { ScreenHeading } from "../../components/heading.js";
import { currentLocale } from "../../i18n/i18n.js";
import type { Refusal } from "../../offline/device-db.js";
import { useOutbox } from "../../offline/runtime.js";
import { useSession } from "../../session.js";
import { afterMeeting, kitBasis, type MeetingSummary } from "./after-meeting.js";
import { useFormat, useKits } from "./parts.js";
import { useRefusalWords } from "./refusal-words.js";

export default function AfterScreen() {
  const { meetingId = "" } = useParams<{ meetingId: string }>();
  const { t } = useTranslation();
  const f = useFormat();
  const { me } = useSession();
  const rows = useOutbox(me.user.id);
  const kits = useKits(me.user.id);
  const back = (
    <p className="outbox-back">
      <AppLink to="/outbox">{t("outbox.after.back")}</AppLink>
    </p>
  );
  if (!rows || !kits)
    return (
      <>
        <ScreenHeading>{t("outbox.after.title")}</ScreenHeading>
        <p className="muted" aria-busy="true">
          {t("app.loading")}
        </p>
      </>
    );
  const row = rows.find((r) => r.id === meetingId);
  if (!row)
    return (
      <>
        <ScreenHeading>{t("outbox.after.title")}</ScreenHeading>
        <p className="notice notice-error">{t("outbox.after.notFound")}</p>
        {back}
      </>
    );
  const kit = kits.get(row.groupId);
  const summary = kit ? afterMeeting(kit, row.body, kitBasis(kit, row.body.heldOn, row.sentAt)) : null;
  return (
    <div className="outbox-after">
      <div className="outbox-no-print">
        <ScreenHeading>{t("outbox.after.title")}</ScreenHeading>
        <p className="outbox-after-group">
          {kit ? `${kit.name} · ` : ""}
          {t("outbox.list.meetingOn", { date: f.date(row.body.heldOn) })}
        </p>
        <div
          className={`notice ${row.state === "refused" ? "notice-error" : row.state === "sent" ? "notice-done" : ""} outbox-state outbox-state-${row.state}`}
          role="status"
        >
          <p>
            {row.state === "sent"
              ? t("outbox.after.state.sent", { when: row.sentAt ? f.instant(row.sentAt) : "" })
              : row.state === "refused"
                ? t("outbox.after.state.refused")
                : row.state === "sending"
                  ? t("outbox.after.state.sending")
                  : t("outbox.after.state.waiting")}
          </p>
          {row.state === "refused" && row.refusal && <RefusalMessage refusal={row.refusal} />}
          {row.state === "refused" && (
            <p>
              <AppLink to={`/groups/${row.groupId}/meeting?from=${row.id}`}>
                {t("outbox.list.correct")}
              </AppLink>
            </p>
          )}
        </div>
        {back}
      </div>
      {!summary ? (
        <p className="notice notice-error">{t("outbox.after.noKit")}</p>
      ) : (
        <>
          <Summary s={summary} />
          <Passbooks s={summary} group={kit?.name ?? ""} />
        </>
      )}
    </div>
  );
}

function Summary({ s }: { s: MeetingSummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (minor: bigint) => f.money(minor, s.currency);
  const items: Array<[string, string]> = [
    [t("outbox.after.present"), t("outbox.after.presentOf", { present: s.present, total: s.members })],
    [t("outbox.after.savings"), m(s.savings)],
    ...(s.withdrawals > 0n ? [[t("outbox.after.withdrawals"), m(s.withdrawals)] as [string, string]] : []),
    [t("outbox.after.repaid"), m(s.repaid)],
    [t("outbox.after.loans"), m(s.loansIssued)],
    [t("outbox.after.fines"), m(s.fines)],
    [t("outbox.after.socialIn"), m(s.socialIn)],
    [t("outbox.after.socialOut"), m(s.socialOut)],
    ...(s.cashBefore !== null ? [[t("outbox.after.cashBefore"), m(s.cashBefore)] as [string, string]] : []),
    ...(s.cashAfter !== null ? [[t("outbox.after.cashAfter"), m(s.cashAfter)] as [string, string]] : []),
    ...(s.cashCounted !== null
      ? [[t("outbox.after.cashCounted"), m(s.cashCounted)] as [string, string]]
      : []),
  ];
  return (
    <section className="card outbox-summary outbox-no-print" aria-labelledby="outbox-summary">
      <h2 id="outbox-summary">{t("outbox.after.summary")}</h2>
      <dl className="outbox-aloud">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {s.basis === "none" && <p className="muted">{t("outbox.after.noBalances")}</p>}
    </section>
  );
}

function Passbooks({ s, group }: { s: MeetingSummary; group: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (minor: bigint | null) => (minor === null ? "—" : f.money(minor, s.currency));
  return (
    <section className="outbox-passbooks" aria-labelledby="outbox-passbooks">
      <div className="outbox-no-print">
        <h2 id="outbox-passbooks">{t("outbox.after.passbooks")}</h2>
        <p className="muted">{t("outbox.after.passbooksIntro")}</p>
        <button type="button" className="button-primary outbox-button" onClick={() => window.print()}>
          {t("outbox.after.print")}
        </button>
      </div>
      {s.pages.map((page) => (
        <article
          key={page.personId}
          className="card outbox-passbook"
          aria-labelledby={`outbox-pb-${page.personId}`}
        >
          <h3 id={`outbox-pb-${page.personId}`}>
            {page.name}
            {page.attendance && (
              <span className="outbox-attendance"> · {t(`outbox.after.status.${page.attendance}`)}</span>
            )}
          </h3>
          <p className="outbox-passbook-meeting">
            {t("outbox.after.passbook")} · {group} · {t("outbox.list.meetingOn", { date: f.date(s.heldOn) })}
          </p>
          {page.lines.length === 0 ? (
            <p className="muted">{t("outbox.after.nothing")}</p>
          ) : (
            <table className="outbox-lines">
              <tbody>
                {page.lines.map((line, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: her lines in the meeting's order, never reordered.
                  <tr key={i}>
                    <th scope="row">{t(`outbox.after.kind.${line.kind}`)}</th>
                    <td>{m(line.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {s.basis !== "none" && (
            <dl className="outbox-balances">
              {(
                [
                  [t("outbox.after.savingsBalance"), page.savingsBefore, page.savingsAfter],
                  [t("outbox.after.loanBalance"), page.loanBefore, page.loanAfter],
                ] as const
              ).map(([label, before, after]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>
                    <span>
                      {t("outbox.after.before")}: <strong>{m(before)}</strong>
                    </span>
                    <span>
                      {t("outbox.after.afterMeeting")}: <strong>{m(after)}</strong>
                    </span>
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </article>
      ))}
    </section>
  );
}

/** Why the server refused it, in the reader's language. */
function RefusalMessage({ refusal }: { refusal: Refusal }) {
  return <p>{useRefusalWords(refusal, currentLocale()).message}</p>;
}
