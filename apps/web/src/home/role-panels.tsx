// What each role does first, on the home page: the bookkeeper's groups, the field officer's groups,
// the credit officer's loans being repaid, the administrator's users, the programme's people, the audit log.
import type { Role } from "@qadam/core/auth/roles";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import {
  type AuditEntry,
  auditLog,
  type LoanListItem,
  loans,
  type OrganisationDto,
  organisations,
  type PersonDto,
  people,
  type UserDto,
  users,
} from "../api/lists.js";
import { AppLink } from "../components/app-link.js";
import { PagedList } from "../components/paged-list.js";
import { formatAmount, formatDate, formatInstant, todayHere } from "../i18n/format.js";
import { currentLocale } from "../i18n/i18n.js";

const PAGE = 20;

export function RolePanel({ role, orgId }: { role: Role; orgId: string }) {
  switch (role) {
    case "group_bookkeeper":
      return <GroupList titleKey="groups.yours" under={undefined} />;
    case "federation_officer":
      return <GroupList titleKey="groups.ofFederation" under={orgId} />;
    case "credit_officer":
      return <LoanList orgId={orgId} />;
    case "tenant_admin":
      return <UserList />;
    case "programme_officer":
      return <PeopleList />;
    case "auditor":
      return <AuditList />;
    default: {
      const unknown: never = role;
      return unknown;
    }
  }
}

function GroupList({ titleKey, under }: { titleKey: string; under: string | undefined }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const load = useCallback(
    (cursor: string | undefined) => organisations({ kind: "shg", under, cursor, limit: PAGE }),
    [under],
  );
  return (
    <PagedList<OrganisationDto>
      title={t(titleKey)}
      count={(count) => t("groups.count", { count })}
      empty={t("groups.none")}
      load={load}
      keyOf={(g) => g.id}
      render={(g) => (
        <>
          <span className="row-title">
            {g.kind === "shg" ? <AppLink to={`/groups/${g.id}`}>{g.name}</AppLink> : g.name}
          </span>
          <span className="row-detail">{[g.place.village, g.place.district].filter(Boolean).join(", ")}</span>
          <span className="row-detail">{t("groups.opened", { date: formatDate(locale, g.openedOn) })}</span>
        </>
      )}
    />
  );
}

function LoanList({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const today = todayHere();
  const load = useCallback(
    (cursor: string | undefined) => loans({ orgId, status: "active", cursor, limit: PAGE }),
    [orgId],
  );
  return (
    <PagedList<LoanListItem>
      title={t("loans.title")}
      count={(count) => t("loans.count", { count })}
      empty={t("loans.none")}
      load={load}
      keyOf={(l) => l.id}
      render={(l) => (
        <>
          <span className="row-title">
            <AppLink to={`/loans/${l.id}`}>
              {t(l.borrowerType === "group" ? "loans.group" : "loans.person")}
            </AppLink>
          </span>
          <span className="row-detail">
            {t("loans.outstanding", { amount: formatAmount(locale, l.principalOutstanding, l.currency) })}
          </span>
          <span className="row-detail">
            {t("loans.principal", { amount: formatAmount(locale, l.principal, l.currency) })}
            {l.disbursedOn ? ` · ${t("loans.disbursed", { date: formatDate(locale, l.disbursedOn) })}` : ""}
          </span>
          {/* arrearsSince is the first unpaid due date: late only once it has passed. */}
          {l.arrearsSince && l.arrearsSince < today ? (
            <span className="badge badge-late">
              {t("loans.lateSince", { date: formatDate(locale, l.arrearsSince) })}
            </span>
          ) : (
            <span className="badge badge-ok">
              {l.arrearsSince
                ? t("loans.nextDue", { date: formatDate(locale, l.arrearsSince) })
                : t("loans.onTime")}
            </span>
          )}
        </>
      )}
    />
  );
}

function UserList() {
  const { t } = useTranslation();
  const load = useCallback((cursor: string | undefined) => users({ cursor, limit: PAGE }), []);
  return (
    <PagedList<UserDto>
      title={t("users.title")}
      count={(count) => t("users.count", { count })}
      empty={t("users.none")}
      load={load}
      keyOf={(u) => u.id}
      render={(u) => (
        <>
          <span className="row-title">{u.displayName}</span>
          <span className="row-detail">{u.login}</span>
          <span className="row-detail">
            {[...new Set(u.grants.map((g) => t(`roles.${g.role}`)))].join(", ")} ·{" "}
            {t(`users.status.${u.status}`)}
          </span>
        </>
      )}
    />
  );
}

function PeopleList() {
  const { t } = useTranslation();
  const load = useCallback((cursor: string | undefined) => people({ cursor, limit: PAGE }), []);
  return (
    <PagedList<PersonDto>
      title={t("people.title")}
      count={(count) => t("people.count", { count })}
      empty={t("people.none")}
      load={load}
      keyOf={(p) => p.id}
      render={(p) => (
        <>
          <span className="row-title">
            {[p.familyName, p.givenName, p.patronymic].filter(Boolean).join(" ") || t("people.unnamed")}
          </span>
          {p.village && <span className="row-detail">{p.village}</span>}
        </>
      )}
    />
  );
}

function AuditList() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const load = useCallback((cursor: string | undefined) => auditLog({ cursor, limit: PAGE }), []);
  return (
    <PagedList<AuditEntry>
      title={t("audit.title")}
      count={(count) => t("audit.count", { count })}
      empty={t("audit.none")}
      load={load}
      keyOf={(a) => a.id}
      render={(a) => (
        <>
          <span className="row-title">
            <code>{a.command}</code>
          </span>
          <span className="row-detail">
            {t("audit.by", { who: a.userLogin ?? t("audit.system"), when: formatInstant(locale, a.at) })}
          </span>
        </>
      )}
    />
  );
}
