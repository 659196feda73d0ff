// One meeting as recorded: who came, and the money each member moved (savings, loans taken and repaid,
// fines, social fund), the group's own lines, the totals and the cash counted. Sums in minor units.
import type { MeetingDto } from "@qadam/core/groups/contract";
import { currency as currencyOf, formatMoney, fromJson, type Money, sum } from "@qadam/core/money";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "wouter";
import { AppLink } from "../../components/app-link.js";
import { formatAmount } from "../../i18n/format.js";
import { registerMessages } from "../../i18n/register.js";
import { meetingQuery } from "./api.js";
import { messages } from "./messages.js";
import { GroupFrame, Loaded, personName, tabPath, useFormat, useMemberNames } from "./parts.js";
import { ScrollingTable } from "./scrolling-table.js";

registerMessages("shg", messages);

/** The columns of the members' table: which line kinds add up in each. */
const COLUMNS = {
  saved: ["savings", "voluntarySavings"],
  borrowed: ["loan"],
  repaid: ["repayment"],
  fines: ["fine"],
  social: ["socialContribution"],
} as const satisfies Record<string, readonly string[]>;
type Column = keyof typeof COLUMNS;
const COLUMN_NAMES = Object.keys(COLUMNS) as Column[];
const IN_COLUMNS = new Set<string>(Object.values(COLUMNS).flat());

export default function MeetingScreen() {
  const { groupId = "", meetingId = "" } = useParams<{ groupId: string; meetingId: string }>();
  const { t } = useTranslation();
  const meeting = useQuery(meetingQuery(groupId, meetingId));
  return (
    <GroupFrame groupId={groupId}>
      <p className="shg-crumbs">
        <AppLink to={tabPath(groupId, "meetings")}>{t("shg.meetings.title")}</AppLink>
      </p>
      <Loaded query={meeting}>{(m) => <MeetingDetail meeting={m} groupId={groupId} />}</Loaded>
    </GroupFrame>
  );
}

function MeetingDetail({ meeting, groupId }: { meeting: MeetingDto; groupId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const names = useMemberNames(groupId);
  const cur = currencyOf(meeting.currency);
  const nameOf = (personId: string | undefined) => {
    const m = personId ? names.get(personId) : undefined;
    return m ? personName(m.person) || t("shg.unnamed") : t("shg.unnamed");
  };
  const show = (m: Money) => (m.minor === 0n ? "—" : formatAmount(f.locale, formatMoney(m), m.currency));
  const amountOf = (line: MeetingDto["lines"][number]) =>
    fromJson({ amount: line.amount, currency: meeting.currency });
  const people = meeting.attendance.map((a) => a.personId);
  for (const l of meeting.lines) if (l.personId && !people.includes(l.personId)) people.push(l.personId);
  const cell = (personId: string | null, column: Column): Money =>
    sum(
      cur,
      meeting.lines
        .filter(
          (l) =>
            (personId === null || l.personId === personId) &&
            (COLUMNS[column] as readonly string[]).includes(l.kind),
        )
        .map(amountOf),
    );
  const others = meeting.lines.filter((l) => !IN_COLUMNS.has(l.kind));
  const statusOf = new Map(meeting.attendance.map((a) => [a.personId, a.status]));
  const present = meeting.attendance.filter((a) => a.status === "present" || a.status === "late").length;
  return (
    <>
      <section className="card" aria-labelledby="shg-meeting">
        <h2 id="shg-meeting">{t("shg.meeting.title", { date: f.date(meeting.heldOn) })}</h2>
        {meeting.status === "reversed" && (
          <p className="notice notice-error">{t("shg.meeting.reversedNote")}</p>
        )}
        <dl className="shg-facts">
          <div>
            <dt>{t("shg.meeting.attendance")}</dt>
            <dd>{t("shg.meeting.came", { count: present, total: meeting.attendance.length })}</dd>
          </div>
          <div>
            <dt>{t("shg.meeting.cash")}</dt>
            <dd>
              {meeting.cashCounted === null
                ? t("shg.meetings.notCounted")
                : f.money(meeting.cashCounted, meeting.currency)}
            </dd>
          </div>
          <div>
            <dt>{t("shg.meeting.recorded")}</dt>
            <dd>{t("shg.meeting.number", { seq: meeting.seq })}</dd>
          </div>
        </dl>
      </section>
      {/* Not a landmark of its own: the table inside is the region, under the same name. */}
      <section className="card">
        <h2 id="shg-meeting-members">{t("shg.meeting.byMember")}</h2>
        <ScrollingTable label={t("shg.meeting.byMember")}>
          <table className="figures shg-sticky shg-stack">
            <thead>
              <tr>
                <th scope="col">{t("shg.meeting.member")}</th>
                {COLUMN_NAMES.map((c) => (
                  <th key={c} scope="col" className="num">
                    {t(`shg.meeting.column.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p}>
                  <th scope="row">
                    <AppLink to={`/groups/${groupId}/members/${p}`}>{nameOf(p)}</AppLink>
                    <span className="shg-cell-note">
                      {t(`shg.attendance.${statusOf.get(p) ?? "absent"}`)}
                    </span>
                  </th>
                  {COLUMN_NAMES.map((c) => {
                    const value = cell(p, c);
                    return (
                      <td
                        key={c}
                        className="num"
                        data-label={t(`shg.meeting.column.${c}`)}
                        data-empty={value.minor === 0n ? "" : undefined}
                      >
                        {show(value)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("shg.total")}</th>
                {COLUMN_NAMES.map((c) => (
                  <td key={c} className="num" data-label={t(`shg.meeting.column.${c}`)}>
                    {show(cell(null, c))}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </ScrollingTable>
      </section>
      {others.length > 0 && (
        <section className="card" aria-labelledby="shg-meeting-other">
          <h2 id="shg-meeting-other">{t("shg.meeting.otherLines")}</h2>
          <ul className="rows">
            {others.map((l) => (
              <li key={l.lineNo}>
                <span className="row-title">
                  {t(`shg.kind.${l.kind}`, { defaultValue: l.kind })}: {show(amountOf(l))}
                </span>
                <span className="row-detail">
                  {[
                    l.personId ? nameOf(l.personId) : null,
                    l.detail,
                    l.purpose ? t(`shg.purpose.${l.purpose}`, { defaultValue: l.purpose }) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
