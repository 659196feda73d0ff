// The field officer's grades: each group's latest recorded grade (A, B or C, its score and date), the
// count of each grade, and a filter by grade; groups never graded are a choice of their own.
import { gradeHistorySchema } from "@qadam/core/groups/contract";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
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

type Recorded = z.infer<typeof gradeHistorySchema>["items"][number];
const CHOICES = ["all", "A", "B", "C", "none"] as const;
type Choice = (typeof CHOICES)[number];

export default function GradesScreen() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const federation = useFederation();
  const fed = federation.federation;
  const orgs = useFederationOrgs(fed?.id);
  const groups = (orgs.data ?? [])
    .filter((o) => o.kind === "shg")
    .sort((a, b) => a.name.localeCompare(b.name));
  const grades = useQuery({
    queryKey: ["field", "grades", fed?.id, groups.map((g) => g.id).join()],
    enabled: orgs.isSuccess,
    queryFn: () =>
      inTurn(groups, 4, async (group): Promise<{ group: OrganisationDto; latest: Recorded | null }> => {
        const history = await api("GET", `/api/v1/groups/${group.id}/grades`, { schema: gradeHistorySchema });
        return { group, latest: history.items[0] ?? null };
      }),
  });
  const [choice, setChoice] = useState<Choice>("all");
  const rows = grades.data ?? [];
  const countOf = (c: Choice) =>
    c === "all"
      ? rows.length
      : rows.filter((r) => (c === "none" ? r.latest === null : r.latest?.grade === c)).length;
  const shown = rows.filter(
    (r) => choice === "all" || (choice === "none" ? r.latest === null : r.latest?.grade === choice),
  );

  return (
    <>
      <ScreenHeading>{t("field.grades.title")}</ScreenHeading>
      <FieldHeader federation={federation} />
      {fed && <p className="lead">{fed.name}</p>}
      {(orgs.isError || grades.isError) && (
        <ErrorNotice error={orgs.error ?? grades.error} onRetry={() => void grades.refetch()} />
      )}
      {(orgs.isPending || grades.isPending) && fed && (
        <p className="muted" aria-busy="true">
          {t("app.loading")}
        </p>
      )}
      {grades.isSuccess && (
        <>
          <fieldset className="field-choices">
            <legend>{t("field.grades.filter")}</legend>
            {CHOICES.map((c) => (
              <label key={c} className="field-choice">
                <input
                  type="radio"
                  name="grade"
                  value={c}
                  checked={choice === c}
                  onChange={() => setChoice(c)}
                />
                {t(`field.grades.choice.${c}`)} ({countOf(c)})
              </label>
            ))}
          </fieldset>
          <p className="count" aria-live="polite">
            {shown.length === 0 ? t("field.grades.none") : t("field.groups", { count: shown.length })}
          </p>
          <div className="card">
            <ul className="rows">
              {shown.map(({ group, latest }) => (
                <li key={group.id} className="field-grade-row">
                  <span className={`field-grade field-grade-${latest?.grade ?? "none"}`} aria-hidden="true">
                    {latest?.grade ?? "–"}
                  </span>
                  <span>
                    <span className="row-title">{group.name}</span>
                    {placeOf(group) && <span className="row-detail">{placeOf(group)}</span>}
                    <span className="row-detail">
                      {latest
                        ? t("field.grades.latest", {
                            grade: latest.grade,
                            score: latest.score,
                            max: latest.max,
                            date: formatDate(locale, latest.gradedOn),
                          })
                        : t("field.grades.never")}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
    </>
  );
}
