// Pieces the shg screens share: what the reader may do, a query's waiting and failure, amounts and
// dates in the reader's words, members' names by id, and the group's frame (its name and its tabs).
import type { Permission } from "@qadam/core/auth/roles";
import type { MembershipDto } from "@qadam/core/members/contract";
import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { AppLink } from "../../components/app-link.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { ScreenHeading } from "../../components/heading.js";
import { formatAmount, formatDate } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { useSession } from "../../session.js";
import { groupQuery, membersQuery } from "./api.js";

/**
 * Whether one of the reader's grants allows this. The API has the last word on a given group (a grant
 * covers its organisation's subtree): a refusal there is shown in the reader's language.
 */
export function useCan(permission: Permission): boolean {
  const { me } = useSession();
  return me.permissions.some((p) => p.allows.includes(permission));
}

/** Shows the query's data, or that it is loading, or its failure with a way to try again. */
export function Loaded<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending)
    return (
      <p className="muted" aria-busy="true">
        {t("app.loading")}
      </p>
    );
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/** Formatters in the reader's language, re-made when she switches it. */
export function useFormat() {
  const { i18n } = useTranslation();
  void i18n.language;
  const locale = currentLocale();
  return {
    locale,
    money: (amount: string, currency: string) => formatAmount(locale, amount, currency),
    date: (date: string) => formatDate(locale, date),
  };
}

export function personName(
  p: MembershipDto["person"] | { familyName: string | null; givenName: string | null },
) {
  return [p.givenName, p.familyName].filter(Boolean).join(" ");
}

/** Every member the group ever had, by person id, for the names of a meeting's or a passbook's lines. */
export function useMemberNames(groupId: string): Map<string, MembershipDto> {
  const members = useQuery(membersQuery(groupId));
  return new Map((members.data ?? []).map((m) => [m.personId, m]));
}

const TABS = ["members", "rules", "meetings", "grade", "shareout"] as const;
export type GroupTab = (typeof TABS)[number];

export const tabPath = (groupId: string, tab: GroupTab): `/${string}` =>
  tab === "members" ? `/groups/${groupId}` : `/groups/${groupId}/${tab}`;

/** A group's page: its name as the screen's title, where it meets, and its tabs. */
export function GroupFrame({ groupId, children }: { groupId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const group = useQuery(groupQuery(groupId));
  return (
    <>
      <p className="shg-crumbs">
        <AppLink to="/groups">{t("shg.groups.title")}</AppLink>
      </p>
      <Loaded query={group}>
        {(g) => (
          <>
            <ScreenHeading>{g.name}</ScreenHeading>
            <p className="lead">{[g.place.village, g.place.district].filter(Boolean).join(", ")}</p>
          </>
        )}
      </Loaded>
      <nav className="shg-tabs" aria-label={t("shg.group.sections")}>
        {TABS.map((tab) => {
          const to = tabPath(groupId, tab);
          const current =
            tab === "members"
              ? location === to || location.startsWith(`${to}/members`)
              : location.startsWith(to);
          return (
            <AppLink key={tab} to={to} current={current}>
              {t(`shg.group.tab.${tab}`)}
            </AppLink>
          );
        })}
      </nav>
      {children}
    </>
  );
}
