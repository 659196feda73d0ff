// "Her groups": the self-help groups the reader may see, searchable by name or village, each opening
// its group page. Read whole (a federation officer may follow hundreds) and drawn as a virtual list.
import { useTranslation } from "react-i18next";
import { useAllPages } from "../../api/all-pages.js";
import { AppLink } from "../../components/app-link.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { ScreenHeading } from "../../components/heading.js";
import { type SortChoice, VirtualList } from "../../components/virtual-list.js";
import { registerMessages } from "../../i18n/register.js";
import { groupsPage, type OrganisationDto } from "./api.js";
import { messages } from "./messages.js";
import { useFormat } from "./parts.js";

registerMessages("shg", messages);

export default function GroupsScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const groups = useAllPages(groupsPage);
  const sorts: SortChoice<OrganisationDto>[] = [
    { id: "name", label: t("shg.groups.byName"), compare: (a, b) => a.name.localeCompare(b.name, f.locale) },
    {
      id: "village",
      label: t("shg.groups.byVillage"),
      compare: (a, b) => (a.place.village ?? "").localeCompare(b.place.village ?? "", f.locale),
    },
    {
      id: "opened",
      label: t("shg.groups.byOpened"),
      compare: (a, b) => a.openedOn.localeCompare(b.openedOn),
    },
  ];
  return (
    <>
      <ScreenHeading>{t("shg.groups.title")}</ScreenHeading>
      <p className="lead">{t("shg.groups.intro")}</p>
      {groups.state === "failed" && <ErrorNotice error={groups.error} onRetry={groups.reload} />}
      {groups.state === "loading" && groups.items.length === 0 ? (
        <p className="muted" aria-busy="true">
          {t("app.loading")}
        </p>
      ) : (
        <VirtualList<OrganisationDto>
          label={t("shg.groups.title")}
          items={groups.items}
          keyOf={(g) => g.id}
          searchText={(g) =>
            [g.name, g.place.village, g.place.district, g.place.region].filter(Boolean).join(" ")
          }
          sorts={sorts}
          count={(shown, total) =>
            shown === total
              ? t("shg.groups.count", { count: total })
              : t("shg.groups.shown", { count: shown, total })
          }
          empty={t("shg.groups.none")}
          render={(g) => (
            <AppLink to={`/groups/${g.id}`} className="shg-row-link">
              <span className="row-title">{g.name}</span>
              <span className="row-detail">
                {[g.place.village, g.place.district].filter(Boolean).join(", ")}
              </span>
              <span className="row-detail">{t("shg.groups.opened", { date: f.date(g.openedOn) })}</span>
            </AppLink>
          )}
        />
      )}
    </>
  );
}
