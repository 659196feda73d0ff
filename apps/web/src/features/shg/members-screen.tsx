// The group page's first tab: its members with their role, savings and what they owe the group, each
// opening her passbook; those who left are listed apart. Balances come from each member's passbook.
import { useQueries, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "wouter";
import { AppLink } from "../../components/app-link.js";
import { registerMessages } from "../../i18n/register.js";
import { membersQuery, passbookQuery } from "./api.js";
import { messages } from "./messages.js";
import { GroupFrame, Loaded, personName, useCan, useFormat } from "./parts.js";

registerMessages("shg", messages);

export default function MembersScreen() {
  const { groupId = "" } = useParams<{ groupId: string }>();
  const { t } = useTranslation();
  const f = useFormat();
  const mayRecord = useCan("meetings.write");
  const mayJoin = useCan("members.write");
  const mayRegister = useCan("people.write");
  const canAdd = mayJoin && mayRegister;
  const members = useQuery(membersQuery(groupId));
  const active = (members.data ?? []).filter((m) => m.leftOn === null);
  const books = useQueries({ queries: active.map((m) => passbookQuery(groupId, m.personId)) });
  const bookOf = new Map(active.map((m, i) => [m.personId, books[i]]));
  return (
    <GroupFrame groupId={groupId}>
      {mayRecord && (
        <p className="meeting-record">
          <AppLink to={`/groups/${groupId}/meeting`} className="meeting-record-link">
            {t("shg.recordMeeting")}
          </AppLink>
        </p>
      )}
      <section className="card" aria-labelledby="shg-members">
        <h2 id="shg-members">{t("shg.members.title")}</h2>
        {canAdd && (
          <p>
            <AppLink to={`/people/new?group=${groupId}`} className="button-secondary shg-button-link">
              {t("shg.members.add")}
            </AppLink>
          </p>
        )}
        <Loaded query={members}>
          {(all) => {
            const left = all.filter((m) => m.leftOn !== null);
            return (
              <>
                <p className="count">
                  {active.length === 0
                    ? t("shg.members.none")
                    : t("shg.members.count", { count: active.length })}
                </p>
                <ul className="rows">
                  {active.map((m) => {
                    const book = bookOf.get(m.personId)?.data;
                    return (
                      <li key={m.id}>
                        <AppLink to={`/groups/${groupId}/members/${m.personId}`} className="shg-row-link">
                          <span className="row-title">{personName(m.person) || t("shg.unnamed")}</span>
                          <span className="row-detail">
                            {t(`shg.role.${m.role}`)} · {t("shg.members.since", { date: f.date(m.joinedOn) })}
                          </span>
                          <span className="shg-figures-line">
                            {book ? (
                              <>
                                <span>
                                  {t("shg.members.savings", { amount: f.money(book.savings, book.currency) })}
                                </span>
                                <span>
                                  {t("shg.members.loans", { amount: f.money(book.loans, book.currency) })}
                                </span>
                              </>
                            ) : (
                              <span className="muted">{t("app.loading")}</span>
                            )}
                          </span>
                        </AppLink>
                      </li>
                    );
                  })}
                </ul>
                {left.length > 0 && (
                  <>
                    <h3>{t("shg.members.left")}</h3>
                    <ul className="rows">
                      {left.map((m) => (
                        <li key={m.id}>
                          <AppLink to={`/groups/${groupId}/members/${m.personId}`} className="shg-row-link">
                            <span className="row-title">{personName(m.person) || t("shg.unnamed")}</span>
                            <span className="row-detail">
                              {t("shg.members.leftOn", { date: f.date(m.leftOn ?? "") })}
                            </span>
                          </AppLink>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            );
          }}
        </Loaded>
      </section>
    </GroupFrame>
  );
}
