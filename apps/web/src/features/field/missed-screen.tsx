// The field officer's missed meetings: each group of the federation whose rules expected meetings that
// were not held over the last six months, worst first, with the dates missed; the groups that met as
// planned are counted below.
import { regularitySchema } from "@qadam/core/groups/contract";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { api } from "../../api/client.js";
import type { OrganisationDto } from "../../api/lists.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { ScreenHeading } from "../../components/heading.js";
import { formatDate } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { messages } from "./messages.js";
import { FieldHeader, inTurn, placeOf, useFederation, useFederationOrgs } from "./shared.js";

registerMessages("field", messages);

type Regularity = z.infer<typeof regularitySchema>;
interface GroupRegularity {
  group: OrganisationDto;
  regularity: Regularity | null;
}

const SHOWN_DATES = 4;

export default function MissedScreen() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const federation = useFederation();
  const fed = federation.federation;
  const orgs = useFederationOrgs(fed?.id);
  const groups = (orgs.data ?? []).filter((o) => o.kind === "shg" && o.status === "active");
  const regularity = useQuery({
    queryKey: ["field", "regularity", fed?.id, groups.map((g) => g.id).join()],
    enabled: orgs.isSuccess,
    queryFn: () =>
      inTurn(groups, 4, async (group): Promise<GroupRegularity> => {
        try {
          return {
            group,
            regularity: await api("GET", `/api/v1/groups/${group.id}/meeting-regularity`, {
              schema: regularitySchema,
            }),
          };
        } catch {
          // A group with no rules or books yet has no calendar to miss: it is listed apart.
          return { group, regularity: null };
        }
      }),
  });
  const rows = regularity.data ?? [];
  const missing = rows
    .filter((r): r is GroupRegularity & { regularity: Regularity } => (r.regularity?.missed.length ?? 0) > 0)
    .sort(
      (a, b) =>
        b.regularity.missed.length - a.regularity.missed.length ||
        (b.regularity.missed.at(-1) ?? "").localeCompare(a.regularity.missed.at(-1) ?? ""),
    );
  const regular = rows.filter((r) => r.regularity && r.regularity.missed.length === 0).length;
  const unknown = rows.filter((r) => r.regularity === null).length;
  const period = rows.find((r) => r.regularity)?.regularity;

  return (
    <>
      <ScreenHeading>{t("field.missed.title")}</ScreenHeading>
      <FieldHeader federation={federation} />
      {fed && <p className="lead">{fed.name}</p>}
      {period && (
        <p className="muted">
          {t("field.missed.period", {
            from: formatDate(locale, period.from),
            to: formatDate(locale, period.to),
          })}
        </p>
      )}
      {(orgs.isError || regularity.isError) && (
        <ErrorNotice error={orgs.error ?? regularity.error} onRetry={() => void regularity.refetch()} />
      )}
      {(orgs.isPending || regularity.isPending) && fed && (
        <p className="muted" aria-busy="true">
          {t("field.missed.reading", { count: groups.length })}
        </p>
      )}
      {regularity.isSuccess && (
        <>
          <p className="count">
            {missing.length === 0
              ? t("field.missed.none")
              : t("field.missed.count", { count: missing.length })}
          </p>
          {missing.length > 0 && (
            <div className="card">
              <ol className="rows field-missed">
                {missing.map(({ group, regularity: r }) => (
                  <li key={group.id}>
                    <span className="row-title">{group.name}</span>
                    {placeOf(group) && <span className="row-detail">{placeOf(group)}</span>}
                    <span className="badge badge-late">
                      {t("field.missed.missed", { count: r.missed.length })}
                    </span>
                    <span className="row-detail">
                      {t("field.missed.held", { held: r.matched.length, expected: r.expected.length })}
                    </span>
                    <span className="row-detail">
                      {t("field.missed.dates", {
                        dates: r.missed
                          .slice(-SHOWN_DATES)
                          .reverse()
                          .map((d) => formatDate(locale, d))
                          .join(", "),
                      })}
                      {r.missed.length > SHOWN_DATES
                        ? ` ${t("field.missed.more", { count: r.missed.length - SHOWN_DATES })}`
                        : ""}
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          )}
          <p className="muted">
            {t("field.missed.regular", { count: regular })}
            {unknown > 0 ? ` ${t("field.missed.unknown", { count: unknown })}` : ""}
          </p>
        </>
      )}
    </>
  );
}
