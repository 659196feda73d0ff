// The field officer's groups by cluster: each cluster of the federation a section with its groups
// (groups placed directly under the federation in a section of their own), searchable by name or village.
import { useDeferredValue, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrganisationDto } from "../../api/lists.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { ScreenHeading } from "../../components/heading.js";
import { formatDate } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { messages } from "./messages.js";
import { FieldHeader, placeOf, useFederation, useFederationOrgs } from "./shared.js";

registerMessages("field", messages);

const fold = (text: string) => text.toLocaleLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");

export default function ClustersScreen() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const federation = useFederation();
  const fed = federation.federation;
  const orgs = useFederationOrgs(fed?.id);
  const [query, setQuery] = useState("");
  const words = fold(useDeferredValue(query)).split(/\s+/).filter(Boolean);

  const sections = useMemo(() => {
    const all = orgs.data ?? [];
    const byId = new Map(all.map((o) => [o.id, o]));
    const clusters = all.filter((o) => o.kind === "cluster").sort((a, b) => a.name.localeCompare(b.name));
    const groups = all.filter((o) => o.kind === "shg").sort((a, b) => a.name.localeCompare(b.name));
    // A group's cluster is its nearest cluster above it; none when it sits under the federation itself.
    const clusterOf = (g: OrganisationDto): string | null => {
      let at = g.parentId ? byId.get(g.parentId) : undefined;
      while (at && at.kind !== "cluster") at = at.parentId ? byId.get(at.parentId) : undefined;
      return at?.id ?? null;
    };
    const list = clusters.map((c) => ({
      id: c.id,
      name: c.name,
      groups: groups.filter((g) => clusterOf(g) === c.id),
    }));
    const loose = groups.filter((g) => clusterOf(g) === null);
    if (loose.length > 0) list.push({ id: "none", name: t("field.clusters.noCluster"), groups: loose });
    return list;
  }, [orgs.data, t]);

  const matches = (g: OrganisationDto, clusterName: string) => {
    const text = fold(`${g.name} ${placeOf(g)} ${clusterName}`);
    return words.every((w) => text.includes(w));
  };
  const shown = sections
    .map((s) => ({ ...s, groups: s.groups.filter((g) => matches(g, s.name)) }))
    .filter((s) => s.groups.length > 0);
  const total = sections.reduce((n, s) => n + s.groups.length, 0);
  const count = shown.reduce((n, s) => n + s.groups.length, 0);

  return (
    <>
      <ScreenHeading>{t("field.clusters.title")}</ScreenHeading>
      <FieldHeader federation={federation} />
      {fed && <p className="lead">{fed.name}</p>}
      {(federation.list.isError || orgs.isError) && (
        <ErrorNotice error={federation.list.error ?? orgs.error} onRetry={() => void orgs.refetch()} />
      )}
      {(federation.list.isPending || (fed && orgs.isPending)) && (
        <p className="muted" aria-busy="true">
          {t("app.loading")}
        </p>
      )}
      {orgs.isSuccess && (
        <>
          <div className="field">
            <label htmlFor="group-search">{t("field.clusters.search")}</label>
            <input
              id="group-search"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              autoComplete="off"
            />
          </div>
          <p className="count" aria-live="polite">
            {count === 0 ? t("field.clusters.none") : t("field.clusters.count", { count, total })}
          </p>
          {shown.map((s) => (
            <section key={s.id} className="card" aria-labelledby={`cluster-${s.id}`}>
              <h2 id={`cluster-${s.id}`}>
                {s.name}{" "}
                <span className="field-count">({t("field.groups", { count: s.groups.length })})</span>
              </h2>
              <ul className="rows">
                {s.groups.map((g) => (
                  <li key={g.id}>
                    <span className="row-title">{g.name}</span>
                    {placeOf(g) && <span className="row-detail">{placeOf(g)}</span>}
                    <span className="row-detail">
                      {t("field.clusters.opened", { date: formatDate(locale, g.openedOn) })}
                    </span>
                    {g.status !== "active" && (
                      <span className="badge badge-late">{t(`field.status.${g.status}`)}</span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </>
  );
}
