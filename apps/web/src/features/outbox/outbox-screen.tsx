// The meetings recorded on this phone, as they stand: refused ones first (the server's reason and each
// line's problem, to correct or, after a warning that it is lost, to discard), then those waiting or
// being sent (tries, last failure, "send now"), then those the server recorded. Works with no connection:
// everything comes from the phone's own database. A meeting leaves this list only when she discards it.
import type { MeetingKit } from "@qadam/core/groups/meeting-kit";
import { withoutLinePrefix } from "@qadam/core/i18n/line-prefix";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../components/app-link.js";
import { ScreenHeading } from "../../components/heading.js";
import { currentLocale } from "../../i18n/i18n.js";
import type { OutboxMeeting, Refusal } from "../../offline/device-db.js";
import { deviceDb, sendNow, useOutbox } from "../../offline/runtime.js";
import { useOnline, useSession } from "../../session.js";
import { afterMeeting } from "./after-meeting.js";
import { useFormat, useKits } from "./parts.js";
import { useRefusalWords } from "./refusal-words.js";

export default function OutboxScreen() {
  const { t } = useTranslation();
  const { me } = useSession();
  const online = useOnline();
  const rows = useOutbox(me.user.id);
  const kits = useKits(me.user.id);
  if (!rows || !kits)
    return (
      <>
        <ScreenHeading>{t("outbox.list.title")}</ScreenHeading>
        <p className="muted" aria-busy="true">
          {t("app.loading")}
        </p>
      </>
    );
  const refused = rows.filter((r) => r.state === "refused");
  const waiting = rows.filter((r) => r.state === "waiting" || r.state === "sending");
  const sent = rows.filter((r) => r.state === "sent");
  const section = (id: string, title: string, list: OutboxMeeting[]) =>
    list.length > 0 && (
      <section className={`outbox-section outbox-${id}`} aria-labelledby={`outbox-${id}`}>
        <h2 id={`outbox-${id}`}>
          {title} ({list.length})
        </h2>
        <ul className="rows">
          {list.map((row) => (
            <li key={row.id}>
              <OutboxRow row={row} kit={kits.get(row.groupId)} />
            </li>
          ))}
        </ul>
      </section>
    );
  return (
    <>
      <ScreenHeading>{t("outbox.list.title")}</ScreenHeading>
      <p className="lead">{t("outbox.list.intro")}</p>
      {!online && <p className="notice outbox-offline-note">{t("outbox.list.offline")}</p>}
      {rows.length === 0 && <p className="muted">{t("outbox.list.none")}</p>}
      {section("refused", t("outbox.list.refused"), refused)}
      {section("waiting", t("outbox.list.waiting"), waiting)}
      {section("sent", t("outbox.list.sent"), sent)}
    </>
  );
}

function OutboxRow({ row, kit }: { row: OutboxMeeting; kit: MeetingKit | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const summary = kit ? afterMeeting(kit, row.body, "none") : null;
  return (
    <article
      className={`card outbox-row outbox-row-${row.state}`}
      aria-label={`${kit?.name ?? ""} ${row.body.heldOn}`}
    >
      <h3 className="outbox-row-title">
        <span>{kit?.name ?? t("outbox.list.unknownGroup")}</span>
        <span className="outbox-row-date">
          {t("outbox.list.meetingOn", { date: f.date(row.body.heldOn) })}
        </span>
      </h3>
      <p className="outbox-row-facts">
        {summary ? (
          <>
            <span>{t("outbox.list.members", { present: summary.present, total: summary.members })}</span>
            <span>{t("outbox.list.savings", { amount: f.money(summary.savings, summary.currency) })}</span>
            {summary.repaid > 0n && (
              <span>{t("outbox.list.repaid", { amount: f.money(summary.repaid, summary.currency) })}</span>
            )}
            {summary.loansIssued > 0n && (
              <span>
                {t("outbox.list.loans", { amount: f.money(summary.loansIssued, summary.currency) })}
              </span>
            )}
          </>
        ) : (
          <span>
            {t("outbox.list.members", {
              present: row.body.attendance.filter((a) => a.status !== "absent" && a.status !== "excused")
                .length,
              total: row.body.attendance.length,
            })}
          </span>
        )}
      </p>
      {row.state === "refused" && row.refusal && (
        <RefusalNotice refusal={row.refusal} body={row.body} kit={kit} />
      )}
      {(row.state === "waiting" || row.state === "sending") && <Waiting row={row} />}
      {row.state === "sent" && row.sentAt && (
        <p className="outbox-when">{t("outbox.list.sentAt", { when: f.instant(row.sentAt) })}</p>
      )}
      {row.state !== "sent" && (
        <p className="muted outbox-when">{t("outbox.list.savedAt", { when: f.instant(row.savedAt) })}</p>
      )}
      <div className="outbox-actions">
        <AppLink to={`/outbox/${row.id}`} className="button-secondary outbox-button">
          {t("outbox.list.open")}
        </AppLink>
        {(row.state === "refused" || row.state === "waiting") && (
          <AppLink
            to={`/groups/${row.groupId}/meeting?from=${row.id}`}
            className={`${row.state === "refused" ? "button-primary" : "button-secondary"} outbox-button`}
          >
            {t("outbox.list.correct")}
          </AppLink>
        )}
        {row.state === "refused" && <Discard row={row} />}
      </div>
    </article>
  );
}

/** Where a problem lies, in words: "Aigerim" (her line), "Attendance · Dana", "Cash counted", "Line 4". */
function problemPlace(
  path: string,
  body: OutboxMeeting["body"],
  kit: MeetingKit | undefined,
  t: ReturnType<typeof useTranslation>["t"],
): string {
  const parts = path.replace(/^body\./, "").split(".");
  const nameOf = (personId: string | undefined) =>
    kit?.members.find((m) => m.personId === personId)?.name ?? "";
  const index = Number(parts[1]);
  if (parts[0] === "lines" && Number.isInteger(index)) {
    const line = body.lines[index];
    // Her name says where; a line with no member (a group loan's) is named by its place.
    return (
      nameOf(line && "personId" in line ? line.personId : undefined) ||
      t("outbox.list.line", { line: index + 1 })
    );
  }
  if (parts[0] === "attendance")
    return [
      t("outbox.list.attendance"),
      Number.isInteger(index) ? nameOf(body.attendance[index]?.personId) : "",
    ]
      .filter(Boolean)
      .join(" · ");
  if (parts[0] === "cashCounted") return t("outbox.list.cash");
  return "";
}

function RefusalNotice({
  refusal,
  body,
  kit,
}: {
  refusal: Refusal;
  body: OutboxMeeting["body"];
  kit: MeetingKit | undefined;
}) {
  const { t } = useTranslation();
  const words = useRefusalWords(refusal, currentLocale());
  // The server's message is its first problem, or all of them: said once, on its line, when listed.
  const saidOnALine = words.details.some((d) => words.message.includes(d));
  return (
    <div className="notice notice-error outbox-refusal">
      {!saidOnALine && (
        <>
          <p className="outbox-problems-title">{t("outbox.list.reason")}</p>
          <p>{words.message}</p>
        </>
      )}
      {refusal.details.length > 0 && (
        <>
          <p className="outbox-problems-title">{t("outbox.list.problems")}</p>
          <ul className="outbox-problems">
            {refusal.details.map((d, i) => {
              const place = problemPlace(d.path, body, kit, t);
              const said = words.details[i] ?? d.message;
              const message = place ? withoutLinePrefix(said) : said;
              // A problem that names her already ("Зәуре Жақыпованың…") is not headed by her name again.
              const heading = place && !message.includes(place) ? place : null;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: the server's list, in its order, never reordered.
                <li key={i}>
                  {heading && <strong>{heading}: </strong>}
                  {message}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}

function Waiting({ row }: { row: OutboxMeeting }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  return (
    <div className="outbox-waiting">
      {row.state === "sending" && <p className="outbox-when">{t("outbox.list.sending")}</p>}
      {row.attempts > 0 && (
        <p className="outbox-when">{t("outbox.list.attempts", { count: row.attempts })}</p>
      )}
      {row.lastFailure && row.lastTriedAt && (
        <p className="outbox-when">
          {t("outbox.list.lastFailure", {
            when: f.instant(row.lastTriedAt),
            // The browser's own words for a lost connection are English: say it in hers.
            reason: /fetch|network|offline|timed? ?out|abort/i.test(row.lastFailure)
              ? t("outbox.list.noConnection")
              : row.lastFailure,
          })}
        </p>
      )}
      <button
        type="button"
        className="button-primary outbox-button"
        disabled={sending}
        onClick={() => {
          setSending(true);
          setOutcome(null);
          void sendNow()
            .then(
              (count) =>
                setOutcome(count > 0 ? t("outbox.list.sentNow", { count }) : t("outbox.list.stillOffline")),
              () => setOutcome(t("outbox.list.stillOffline")),
            )
            .finally(() => setSending(false));
        }}
      >
        {sending ? t("outbox.list.sendingNow") : t("outbox.list.sendNow")}
      </button>
      <p className="outbox-outcome" role="status">
        {outcome}
      </p>
    </div>
  );
}

/** Discards a refused meeting, after saying plainly that it was not recorded and will be lost. */
function Discard({ row }: { row: OutboxMeeting }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button
        type="button"
        className="button-secondary outbox-button outbox-discard"
        onClick={() => setConfirming(true)}
      >
        {t("outbox.list.discard")}
      </button>
    );
  return (
    <div className="outbox-confirm" role="alertdialog" aria-labelledby={`outbox-discard-${row.id}`}>
      <p id={`outbox-discard-${row.id}`} className="notice notice-error">
        {t("outbox.list.discardConfirm")}
      </p>
      <div className="outbox-actions">
        <button type="button" className="button-secondary outbox-button" onClick={() => setConfirming(false)}>
          {t("outbox.list.discardNo")}
        </button>
        <button
          type="button"
          className="button-primary outbox-button outbox-discard-yes"
          onClick={() =>
            void deviceDb().write("outbox", async (outbox) => {
              // Only a meeting still refused: one corrected and saved again meanwhile is no longer this one.
              const now = await outbox.get(row.id);
              if (now?.state === "refused" && now.idempotencyKey === row.idempotencyKey)
                await outbox.delete(row.id);
            })
          }
        >
          {t("outbox.list.discardYes")}
        </button>
      </div>
    </div>
  );
}
