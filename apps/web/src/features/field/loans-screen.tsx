// Loans to groups: the loans the federation (and any micro-credit organisation the reader may see) made
// to the federation's self-help groups, searchable, late ones marked, each linked to its loan page.
import { MAX_PAGE_SIZE } from "@qadam/core/contract/pagination";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type LoanListItem, loans, type OrganisationDto, organisations } from "../../api/lists.js";
import { AppLink } from "../../components/app-link.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { ScreenHeading } from "../../components/heading.js";
import { VirtualList } from "../../components/virtual-list.js";
import { formatAmount, formatDate, todayHere } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { messages } from "./messages.js";
import { FieldHeader, useFederation, useFederationOrgs } from "./shared.js";

registerMessages("field", messages);

interface GroupLoan {
  loan: LoanListItem;
  group: OrganisationDto;
  lender: string;
}

async function loansOf(orgId: string): Promise<LoanListItem[]> {
  const items: LoanListItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await loans({ orgId, cursor, limit: MAX_PAGE_SIZE });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export default function LoansScreen() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const today = todayHere();
  const federation = useFederation();
  const fed = federation.federation;
  const orgs = useFederationOrgs(fed?.id);
  const list = useQuery({
    queryKey: ["field", "loans", fed?.id],
    enabled: fed !== null && orgs.isSuccess,
    queryFn: async (): Promise<GroupLoan[]> => {
      const groups = new Map((orgs.data ?? []).filter((o) => o.kind === "shg").map((g) => [g.id, g]));
      // The MFOs the reader sees lend to these groups too; a field officer usually sees none.
      const mfos = (await organisations({ kind: "mfo", limit: MAX_PAGE_SIZE })).items;
      const lenders = [...(fed ? [fed] : []), ...mfos];
      const all = await Promise.all(
        lenders.map(async (l) => ({ lender: l.name, loans: await loansOf(l.id) })),
      );
      return all.flatMap(({ lender, loans }) =>
        loans.flatMap((loan) => {
          const group = loan.borrowerType === "group" ? groups.get(loan.borrowerId) : undefined;
          return group ? [{ loan, group, lender }] : [];
        }),
      );
    },
  });
  const late = (l: LoanListItem) =>
    l.status === "active" && l.arrearsSince !== null && l.arrearsSince < today;

  return (
    <>
      <ScreenHeading>{t("field.loans.title")}</ScreenHeading>
      <FieldHeader federation={federation} />
      {fed && <p className="lead">{fed.name}</p>}
      {(orgs.isError || list.isError) && (
        <ErrorNotice error={orgs.error ?? list.error} onRetry={() => void list.refetch()} />
      )}
      {list.isPending && fed && (
        <p className="muted" aria-busy="true">
          {t("app.loading")}
        </p>
      )}
      {list.isSuccess && (
        <VirtualList<GroupLoan>
          label={t("field.loans.title")}
          items={list.data}
          keyOf={(r) => r.loan.id}
          searchText={(r) => `${r.group.name} ${r.lender} ${t(`field.loans.status.${r.loan.status}`)}`}
          sorts={[
            {
              id: "late",
              label: t("field.loans.byLate"),
              compare: (a, b) =>
                Number(late(b.loan)) - Number(late(a.loan)) ||
                (a.loan.arrearsSince ?? "9").localeCompare(b.loan.arrearsSince ?? "9"),
            },
            {
              id: "group",
              label: t("field.loans.byGroup"),
              compare: (a, b) => a.group.name.localeCompare(b.group.name),
            },
          ]}
          count={(shown, total) => t("field.loans.count", { count: shown, total })}
          empty={t("field.loans.none")}
          estimateRowHeight={110}
          render={({ loan, group, lender }) => (
            <>
              <AppLink to={`/loans/${loan.id}`} className="row-title">
                {group.name}
              </AppLink>
              <span className="row-detail">
                {lender} · {t(`field.loans.status.${loan.status}`)}
              </span>
              <span className="row-detail">
                {t("field.loans.amounts", {
                  principal: formatAmount(locale, loan.principal, loan.currency),
                  outstanding: formatAmount(locale, loan.principalOutstanding, loan.currency),
                })}
              </span>
              {loan.status === "active" &&
                (late(loan) ? (
                  <span className="badge badge-late">
                    {t("field.loans.lateSince", { date: formatDate(locale, loan.arrearsSince ?? "") })}
                  </span>
                ) : (
                  <span className="badge badge-ok">{t("field.loans.onTime")}</span>
                ))}
            </>
          )}
        />
      )}
    </>
  );
}
