// The audit log: every command written, newest first, in a virtualised list searchable by command, user
// and record, filtered by command, user and date; each entry opens to its records, source and exact time.
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAllPages } from "../../api/all-pages.js";
import { type AuditEntry, auditLog } from "../../api/lists.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { Field } from "../../components/field.js";
import { ScreenHeading } from "../../components/heading.js";
import { VirtualList } from "../../components/virtual-list.js";
import { formatInstant } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { messages } from "./messages.js";

registerMessages("auditlog", messages);

const ANY = "";

/** The calendar day of an instant on this device, YYYY-MM-DD, to compare with a date input's value. */
function localDay(instant: string): string {
  const at = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export default function AuditScreen() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const log = useAllPages(
    useCallback((query: { cursor: string | undefined; limit: number }) => auditLog(query), []),
  );
  const [command, setCommand] = useState(ANY);
  const [user, setUser] = useState(ANY);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const entries = log.items;
  const commands = useMemo(() => [...new Set(entries.map((e) => e.command))].sort(), [entries]);
  const users = useMemo(
    () => [...new Set(entries.map((e) => e.userLogin ?? ""))].sort((a, b) => a.localeCompare(b)),
    [entries],
  );
  const filtered = useMemo(
    () =>
      entries.filter((e) => {
        if (command !== ANY && e.command !== command) return false;
        if (user !== ANY && (e.userLogin ?? "") !== user.slice(1)) return false;
        const day = from || to ? localDay(e.at) : "";
        return (!from || day >= from) && (!to || day <= to);
      }),
    [entries, command, user, from, to],
  );
  const who = (e: AuditEntry) => e.userLogin ?? t("auditlog.system");

  return (
    <>
      <ScreenHeading>{t("auditlog.title")}</ScreenHeading>
      <p className="lead">{t("auditlog.intro")}</p>
      {log.state === "failed" && <ErrorNotice error={log.error} onRetry={log.reload} />}
      {(log.state === "ready" || entries.length > 0) && (
        <>
          <fieldset className="auditlog-filters">
            <legend>{t("auditlog.filters")}</legend>
            <div className="field">
              <label htmlFor="audit-command">{t("auditlog.command")}</label>
              <select id="audit-command" value={command} onChange={(e) => setCommand(e.target.value)}>
                <option value={ANY}>{t("auditlog.anyCommand")}</option>
                {commands.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="audit-user">{t("auditlog.user")}</label>
              <select id="audit-user" value={user} onChange={(e) => setUser(e.target.value)}>
                <option value={ANY}>{t("auditlog.anyUser")}</option>
                {users.map((u) => (
                  // "@" before the login keeps the system's entries ("") apart from "any user".
                  <option key={u} value={`@${u}`}>
                    {u || t("auditlog.system")}
                  </option>
                ))}
              </select>
            </div>
            <Field
              label={t("auditlog.from")}
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
            <Field label={t("auditlog.to")} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </fieldset>
          <VirtualList<AuditEntry>
            label={t("auditlog.title")}
            items={filtered}
            keyOf={(e) => e.id}
            searchText={(e) =>
              `${e.command} ${who(e)} ${e.source} ${e.records.map((r) => `${r.type} ${r.id}`).join(" ")}`
            }
            sorts={[
              {
                id: "newest",
                label: t("auditlog.newest"),
                compare: (a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id),
              },
              {
                id: "oldest",
                label: t("auditlog.oldest"),
                compare: (a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id),
              },
            ]}
            count={(shown) => t("auditlog.count", { count: shown, total: entries.length })}
            empty={t("auditlog.none")}
            estimateRowHeight={84}
            render={(e) => (
              <details className="auditlog-entry">
                <summary>
                  <code className="row-title">{e.command}</code>
                  <span className="row-detail">
                    {t("auditlog.by", { who: who(e), when: formatInstant(locale, e.at) })}
                  </span>
                </summary>
                <dl className="auditlog-facts">
                  <dt>{t("auditlog.at")}</dt>
                  <dd>
                    <time dateTime={e.at}>{e.at}</time>
                  </dd>
                  <dt>{t("auditlog.source")}</dt>
                  <dd>{e.source}</dd>
                  <dt>{t("auditlog.entry")}</dt>
                  <dd>
                    <code>{e.id}</code>
                  </dd>
                  <dt>{t("auditlog.records", { count: e.records.length })}</dt>
                  <dd>
                    {e.records.length === 0 ? (
                      "—"
                    ) : (
                      <ul className="auditlog-records">
                        {e.records.map((r) => (
                          <li key={`${r.type}-${r.id}`}>
                            {r.type}: <code>{r.id}</code>
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </dl>
              </details>
            )}
          />
        </>
      )}
      {/* Below the list, so that the list does not move when the reading ends. */}
      {log.state === "loading" && (
        <p className="muted" aria-busy="true">
          {t("auditlog.reading", { count: entries.length })}
        </p>
      )}
    </>
  );
}
