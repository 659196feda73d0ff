// The grade the group's own records earn today and why: each criterion's score out of its maximum, with
// the reason in the reader's language (the API words it), then the grades recorded before.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "wouter";
import { registerMessages } from "../../i18n/register.js";
import { gradeQuery, gradesQuery } from "./api.js";
import { messages } from "./messages.js";
import { GroupFrame, Loaded, useFormat } from "./parts.js";

registerMessages("shg", messages);

export default function GradeScreen() {
  const { groupId = "" } = useParams<{ groupId: string }>();
  const { t } = useTranslation();
  const f = useFormat();
  // The reasons come worded in the request's language: ask again when the reader switches it.
  const grade = useQuery({ ...gradeQuery(groupId), queryKey: [...gradeQuery(groupId).queryKey, f.locale] });
  const history = useQuery({
    ...gradesQuery(groupId),
    queryKey: [...gradesQuery(groupId).queryKey, f.locale],
  });
  return (
    <GroupFrame groupId={groupId}>
      <Loaded query={grade}>
        {(g) => (
          <section className="card" aria-labelledby="shg-grade">
            <h2 id="shg-grade">{t("shg.grade.title")}</h2>
            <p className="shg-grade">
              <span className={`shg-grade-letter shg-grade-${g.grade}`} aria-hidden="true">
                {g.grade}
              </span>
              <span>
                <strong>{t("shg.grade.is", { grade: g.grade })}</strong>
                <br />
                {t("shg.grade.score", { score: g.score, max: g.max })}
                <br />
                <span className="muted">
                  {t("shg.grade.window", { from: f.date(g.windowFrom), to: f.date(g.gradedOn) })}
                </span>
              </span>
            </p>
            <h3>{t("shg.grade.why")}</h3>
            <ul className="rows">
              {g.criteria.map((c) => (
                <li key={c.name}>
                  <span className="shg-criterion">
                    <span className="row-title">{t(`shg.criterion.${c.name}`)}</span>
                    <span className="shg-points">
                      {t("shg.grade.points", { score: c.score, max: c.max })}
                    </span>
                  </span>
                  <meter
                    className="shg-meter"
                    min={0}
                    max={c.max}
                    value={c.score}
                    aria-label={t("shg.grade.points", { score: c.score, max: c.max })}
                  />
                  <span className="row-detail">{c.reason.text}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </Loaded>
      <section className="card" aria-labelledby="shg-grades">
        <h2 id="shg-grades">{t("shg.grade.history")}</h2>
        <Loaded query={history}>
          {({ items }) =>
            items.length === 0 ? (
              <p className="muted">{t("shg.grade.noHistory")}</p>
            ) : (
              <ul className="rows">
                {items.map((h) => (
                  <li key={h.id}>
                    <span className="row-title">
                      {t("shg.grade.on", { date: f.date(h.gradedOn), grade: h.grade })}
                    </span>
                    <span className="row-detail">{t("shg.grade.score", { score: h.score, max: h.max })}</span>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
    </GroupFrame>
  );
}
