// What a report shows, kept in the address (?org=&date=&from=&to=&account=) so that reload, back and a
// copied link show the same figures: the organisation (default: the user's own) and the date or period.
import { ROLES, type Role } from "@qadam/core/auth/roles";
import { ORG_KINDS, type OrgKind } from "@qadam/core/orgs/types";
import { type ReactNode, useCallback, useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "wouter";
import { useAllPages } from "../../api/all-pages.js";
import { type OrganisationDto, organisations } from "../../api/lists.js";
import { todayHere } from "../../i18n/format.js";
import { useSession } from "../../session.js";

export interface ReportParams {
  orgId: string;
  date: string;
  from: string;
  to: string;
  account: string | null;
  set(patch: Partial<Record<"org" | "date" | "from" | "to" | "account", string | null>>): void;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The report's organisation and dates from the address, with defaults: the user's own organisation
 * (her first grant among `roles`), today, and the year to date. */
export function useReportParams(roles: readonly Role[]): ReportParams {
  const { me } = useSession();
  const [search, setSearch] = useSearchParams();
  const own = useMemo(
    () =>
      [...me.user.grants]
        .filter((g) => roles.includes(g.role))
        .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role))[0]?.orgId ??
      me.user.grants[0]?.orgId ??
      "",
    [me, roles],
  );
  const dated = (key: string, fallback: string) => {
    const v = search.get(key);
    return v && DATE.test(v) ? v : fallback;
  };
  const today = todayHere();
  const date = dated("date", today);
  const to = dated("to", date);
  const set = useCallback<ReportParams["set"]>(
    (patch) =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  return {
    orgId: search.get("org") || own,
    date,
    from: dated("from", `${to.slice(0, 4)}-01-01`),
    to,
    account: search.get("account"),
    set,
  };
}

/** The address of another report with the same organisation and dates. */
export function withParams(path: `/${string}`, p: ReportParams): `/${string}` {
  const q = new URLSearchParams({ org: p.orgId, date: p.date, from: p.from, to: p.to });
  return `${path}?${q}`;
}

/** A labelled choice of the organisations the user may see, by kind; `kinds` limits which are offered. */
export function OrgSelect({
  value,
  onChange,
  kinds = ORG_KINDS,
}: {
  value: string;
  onChange: (orgId: string) => void;
  kinds?: readonly OrgKind[];
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const id = useId();
  const load = useCallback(
    (q: { cursor: string | undefined; limit: number }) => organisations({ cursor: q.cursor, limit: q.limit }),
    [],
  );
  const all = useAllPages<OrganisationDto>(load);
  const byKind = useMemo(() => {
    const groups = new Map<OrgKind, OrganisationDto[]>();
    for (const o of all.items) {
      if (!kinds.includes(o.kind)) continue;
      groups.set(o.kind, [...(groups.get(o.kind) ?? []), o]);
    }
    for (const list of groups.values()) list.sort((a, b) => a.name.localeCompare(b.name));
    return ORG_KINDS.flatMap((k) => {
      const list = groups.get(k);
      return list ? [[k, list] as const] : [];
    });
  }, [all.items, kinds]);
  const known = all.items.some((o) => o.id === value);
  const ownName = me.user.grants.find((g) => g.orgId === value)?.orgName;
  return (
    <div className="field reports-field reports-field-wide">
      <label htmlFor={id}>{t("reports.filters.organisation")}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {!known && <option value={value}>{ownName ?? t("reports.filters.loadingOrgs")}</option>}
        {byKind.map(([kind, list]) => (
          <optgroup key={kind} label={t(`reports.kinds.${kind}`)}>
            {list.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/** A labelled date input that reports only whole dates. */
export function DateField({
  label,
  value,
  onChange,
  name,
}: {
  label: string;
  value: string;
  onChange: (date: string) => void;
  name: string;
}) {
  const id = useId();
  return (
    <div className="field reports-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="date"
        value={value}
        onChange={(e) => {
          if (DATE.test(e.target.value)) onChange(e.target.value);
        }}
      />
    </div>
  );
}

/** The row of choices above a report. */
export function Filters({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <fieldset className="reports-filters">
      <legend className="reports-visually-hidden">{t("reports.filters.label")}</legend>
      {children}
    </fieldset>
  );
}
