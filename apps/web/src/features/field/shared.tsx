// What the field officer's screens share: the federation they look at (hers, or one she chooses when
// she follows several), its organisations, the sub-menu between the screens, and reading one thing per
// group a few at a time so that forty groups do not make forty requests at once.
import { MAX_PAGE_SIZE } from "@qadam/core/contract/pagination";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { type OrganisationDto, organisations } from "../../api/lists.js";
import { AppLink } from "../../components/app-link.js";
import { useSession } from "../../session.js";

export { inTurn } from "./in-turn.js";

async function everyPage(query: { kind?: "federation" | "shg" | "cluster"; under?: string }) {
  const items: OrganisationDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await organisations({ ...query, cursor, limit: MAX_PAGE_SIZE });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const STORED = "qadam.field.federation";

/** The federations the reader may see and the one chosen (remembered for the session). */
export function useFederation() {
  const { me } = useSession();
  const list = useQuery({
    queryKey: ["field", "federations"],
    queryFn: () => everyPage({ kind: "federation" }),
  });
  const [chosenId, setChosenId] = useState<string | null>(() => sessionStorage.getItem(STORED));
  const feds = list.data ?? [];
  const granted = new Set(me.user.grants.filter((g) => g.role === "federation_officer").map((g) => g.orgId));
  const federation =
    feds.find((f) => f.id === chosenId) ?? feds.find((f) => granted.has(f.id)) ?? feds[0] ?? null;
  return {
    list,
    federations: feds,
    federation,
    choose: (id: string) => {
      sessionStorage.setItem(STORED, id);
      setChosenId(id);
    },
  };
}

/** Every organisation of the federation (itself included), once read. */
export function useFederationOrgs(federationId: string | undefined) {
  return useQuery({
    queryKey: ["field", "orgs", federationId],
    enabled: federationId !== undefined,
    queryFn: () => everyPage({ under: federationId }),
  });
}

const SCREENS = [
  { path: "/federation", key: "field.nav.clusters" },
  { path: "/federation/missed", key: "field.nav.missed" },
  { path: "/federation/grades", key: "field.nav.grades" },
  { path: "/federation/rollup", key: "field.nav.rollup" },
  { path: "/federation/loans", key: "field.nav.loans" },
] as const;

/** The sub-menu, and the federation chooser when the reader sees more than one. */
export function FieldHeader({ federation }: { federation: ReturnType<typeof useFederation> }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <>
      <nav aria-label={t("field.nav.label")} className="field-tabs">
        {SCREENS.map((s) => (
          <AppLink key={s.path} to={s.path} current={location === s.path}>
            {t(s.key)}
          </AppLink>
        ))}
      </nav>
      {federation.federations.length > 1 && federation.federation && (
        <div className="field">
          <label htmlFor="federation">{t("field.federation")}</label>
          <select
            id="federation"
            value={federation.federation.id}
            onChange={(e) => federation.choose(e.target.value)}
          >
            {federation.federations.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {federation.list.isSuccess && !federation.federation && (
        <p className="muted">{t("field.noFederation")}</p>
      )}
    </>
  );
}

/** A group's village and district, for a row's detail. */
export function placeOf(o: OrganisationDto): string {
  return [o.place.village, o.place.district].filter(Boolean).join(", ");
}
