// What the administrator's screens share: the sub-menu between them, whether the reader may write
// (an auditor reads the same screens with every write action hidden), every organisation of the tenant,
// and a button that asks before doing something hard to undo.
import type { Permission } from "@qadam/core/auth/roles";
import { MAX_PAGE_SIZE, type Page } from "@qadam/core/contract/pagination";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { type OrganisationDto, organisations } from "../../api/lists.js";
import { AppLink } from "../../components/app-link.js";
import { useSession } from "../../session.js";

/** Whether one of the reader's roles allows this (the API still decides, organisation by organisation). */
export function useCan(permission: Permission): boolean {
  const { me } = useSession();
  return me.permissions.some((p) => p.allows.includes(permission));
}

/** Every page of a list, one after the other, at the API's largest page. */
export async function allPages<T>(load: (cursor: string | undefined, limit: number) => Promise<Page<T>>) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor, MAX_PAGE_SIZE);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export const ORGS_KEY = ["admin", "orgs"] as const;

/** Every organisation the reader may see, in tree order (parents before their children). */
export function useAllOrganisations() {
  return useQuery({
    queryKey: ORGS_KEY,
    queryFn: () => allPages((cursor, limit) => organisations({ cursor, limit })),
  });
}

/** Organisations as options of a select, indented by depth so the tree shows through. */
export function OrgOptions({ orgs, plain = false }: { orgs: readonly OrganisationDto[]; plain?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {orgs.map((o) => (
        <option key={o.id} value={o.id}>
          {plain ? o.name : `${"\u00a0\u00a0".repeat(o.depth)}${o.name} (${t(`orgKinds.${o.kind}`)})`}
        </option>
      ))}
    </>
  );
}

const SCREENS = [
  { path: "/admin/orgs", key: "admin.nav.orgs" },
  { path: "/admin/users", key: "admin.nav.users" },
  { path: "/admin/products", key: "admin.nav.products" },
  { path: "/admin/grading", key: "admin.nav.grading" },
] as const;

export function AdminNav() {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <nav aria-label={t("admin.nav.label")} className="admin-tabs">
      {SCREENS.map((s) => (
        <AppLink
          key={s.path}
          to={s.path}
          current={location === s.path || (s.path === "/admin/orgs" && location === "/admin")}
        >
          {t(s.key)}
        </AppLink>
      ))}
    </nav>
  );
}

/** A button that first asks "are you sure?" with the consequence spelled out, then acts. */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  busy = false,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className="button-secondary admin-danger" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <div className="admin-confirm">
      <p>{question}</p>
      <div className="admin-actions">
        <button
          type="button"
          className="button-secondary admin-danger"
          disabled={busy}
          onClick={() => {
            onConfirm();
            setAsking(false);
          }}
        >
          {t("admin.confirm.yes", { action: label })}
        </button>
        <button type="button" className="button-secondary" onClick={() => setAsking(false)}>
          {t("admin.confirm.cancel")}
        </button>
      </div>
    </div>
  );
}
