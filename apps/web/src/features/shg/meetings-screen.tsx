// The group's meetings, newest first (a reversed meeting marked as such), each opening its detail.
import type { MeetingSummaryDto } from "@qadam/core/groups/contract";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "wouter";
import { AppLink } from "../../components/app-link.js";
import { type SortChoice, VirtualList } from "../../components/virtual-list.js";
import { registerMessages } from "../../i18n/register.js";
import { meetingsQuery } from "./api.js";
import { messages } from "./messages.js";
import { GroupFrame, Loaded, useCan, useFormat } from "./parts.js";

registerMessages("shg", messages);

export default function MeetingsScreen() {
  const { groupId = "" } = useParams<{ groupId: string }>();
  const { t } = useTranslation();
  const f = useFormat();
  const mayRecord = useCan("meetings.write");
  const meetings = useQuery(meetingsQuery(groupId));
  const sorts: SortChoice<MeetingSummaryDto>[] = [
    {
      id: "newest",
      label: t("shg.meetings.newest"),
      compare: (a, b) => b.heldOn.localeCompare(a.heldOn) || b.seq - a.seq,
    },
    {
      id: "oldest",
      label: t("shg.meetings.oldest"),
      compare: (a, b) => a.heldOn.localeCompare(b.heldOn) || a.seq - b.seq,
    },
  ];
  return (
    <GroupFrame groupId={groupId}>
      {mayRecord && (
        <p className="meeting-record">
          <AppLink to={`/groups/${groupId}/meeting`} className="meeting-record-link">
            {t("shg.recordMeeting")}
          </AppLink>
        </p>
      )}
      <section className="card" aria-labelledby="shg-meetings">
        <h2 id="shg-meetings">{t("shg.meetings.title")}</h2>
        <Loaded query={meetings}>
          {({ items, currency }) => (
            <VirtualList<MeetingSummaryDto>
              label={t("shg.meetings.title")}
              items={items}
              keyOf={(m) => m.id}
              sorts={sorts}
              searchText={(m) => `${m.heldOn} ${f.date(m.heldOn)}`}
              count={(shown, total) =>
                shown === total
                  ? t("shg.meetings.count", { count: total })
                  : t("shg.meetings.shown", { count: shown, total })
              }
              empty={t("shg.meetings.none")}
              estimateRowHeight={76}
              render={(m) => (
                <AppLink to={`/groups/${groupId}/meetings/${m.id}`} className="shg-row-link">
                  <span className="row-title">{f.date(m.heldOn)}</span>
                  <span className="row-detail">
                    {m.cashCounted === null
                      ? t("shg.meetings.notCounted")
                      : t("shg.meetings.cashCounted", { amount: f.money(m.cashCounted, currency) })}
                  </span>
                  {m.status === "reversed" && (
                    <span className="badge badge-late">{t("shg.meetings.reversed")}</span>
                  )}
                  {m.replacesId && <span className="badge badge-ok">{t("shg.meetings.correction")}</span>}
                </AppLink>
              )}
            />
          )}
        </Loaded>
      </section>
    </GroupFrame>
  );
}
