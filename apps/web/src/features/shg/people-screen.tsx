// The people the reader may see, searchable by name, phone, IIN or village, with the way to register one.
import { useTranslation } from "react-i18next";
import { useAllPages } from "../../api/all-pages.js";
import { AppLink } from "../../components/app-link.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { ScreenHeading } from "../../components/heading.js";
import { type SortChoice, VirtualList } from "../../components/virtual-list.js";
import { registerMessages } from "../../i18n/register.js";
import { type PersonDto, peoplePage } from "./api.js";
import { messages } from "./messages.js";
import { useCan, useFormat } from "./parts.js";

registerMessages("shg", messages);

const fullName = (p: PersonDto) => [p.familyName, p.givenName, p.patronymic].filter(Boolean).join(" ");

export default function PeopleScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const mayRegister = useCan("people.write");
  const people = useAllPages(peoplePage);
  const sorts: SortChoice<PersonDto>[] = [
    {
      id: "name",
      label: t("shg.people.byName"),
      compare: (a, b) => fullName(a).localeCompare(fullName(b), f.locale),
    },
    {
      id: "newest",
      label: t("shg.people.newest"),
      compare: (a, b) => b.createdAt.localeCompare(a.createdAt),
    },
  ];
  return (
    <>
      <ScreenHeading>{t("shg.people.title")}</ScreenHeading>
      {mayRegister && (
        <p>
          <AppLink to="/people/new" className="button-secondary shg-button-link">
            {t("shg.people.register")}
          </AppLink>
        </p>
      )}
      {people.state === "failed" && <ErrorNotice error={people.error} onRetry={people.reload} />}
      {people.state === "loading" && people.items.length === 0 ? (
        <p className="muted" aria-busy="true">
          {t("app.loading")}
        </p>
      ) : (
        <VirtualList<PersonDto>
          label={t("shg.people.title")}
          items={people.items}
          keyOf={(p) => p.id}
          searchText={(p) => [fullName(p), p.phone, p.iin, p.village].filter(Boolean).join(" ")}
          sorts={sorts}
          count={(shown, total) =>
            shown === total
              ? t("shg.people.count", { count: total })
              : t("shg.people.shown", { count: shown, total })
          }
          empty={t("shg.people.none")}
          render={(p) => (
            <>
              <span className="row-title">{fullName(p) || t("shg.unnamed")}</span>
              <span className="row-detail">
                {[p.village, p.phone, p.birthDate ? f.date(p.birthDate) : null].filter(Boolean).join(" · ")}
              </span>
            </>
          )}
        />
      )}
    </>
  );
}
