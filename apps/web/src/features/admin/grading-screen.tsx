// The administrator's group-grading table: the table in force today (bands and each criterion's steps),
// every version set before, and a new version from a date, started from the one in force and checked by
// the contract's schema before it is sent. An auditor sees the tables, not the form.
import {
  GRADING_CRITERIA,
  type GradingCriterion,
  type GradingTable,
  gradingTableSchema,
} from "@qadam/core/groups/grading";
import { gradingTablesSchema } from "@qadam/core/groups/grading-table-contract";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { queryClient } from "../../api/query.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { Field } from "../../components/field.js";
import { ScreenHeading } from "../../components/heading.js";
import { checkWith, type FieldErrors } from "../../components/issues.js";
import { formatDate, formatInstant, todayHere } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { messages } from "./messages.js";
import { AdminNav, useCan } from "./shared.js";

registerMessages("admin", messages);

const KEY = ["admin", "grading"] as const;

export default function GradingScreen() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canWrite = useCan("grading.configure");
  const tables = useQuery({
    queryKey: KEY,
    queryFn: () => api("GET", "/api/v1/grading-table", { schema: gradingTablesSchema }),
  });
  const today = todayHere();
  const versions = tables.data?.items ?? [];
  const inForce = [...versions].reverse().find((v) => v.validFrom <= today);
  const table = inForce?.table ?? tables.data?.default;
  return (
    <>
      <ScreenHeading>{t("admin.grading.title")}</ScreenHeading>
      <AdminNav />
      <p className="lead">{t("admin.grading.intro")}</p>
      {tables.isError && <ErrorNotice error={tables.error} onRetry={() => void tables.refetch()} />}
      {tables.isPending && (
        <p className="muted" aria-busy="true">
          {t("app.loading")}
        </p>
      )}
      {table && (
        <section className="card" aria-labelledby="in-force">
          <h2 id="in-force">{t("admin.grading.inForce")}</h2>
          <p className="muted">
            {inForce
              ? t("admin.grading.since", { date: formatDate(locale, inForce.validFrom) })
              : t("admin.grading.default")}
          </p>
          <TableView table={table} />
        </section>
      )}
      {tables.isSuccess && (
        <section aria-labelledby="history">
          <h2 id="history">{t("admin.grading.history")}</h2>
          {versions.length === 0 ? (
            <p className="muted">{t("admin.grading.noVersions")}</p>
          ) : (
            [...versions].reverse().map((v) => (
              <details key={v.validFrom} className="card admin-version">
                <summary>
                  {t("admin.grading.from", { date: formatDate(locale, v.validFrom) })}
                  {v.validFrom > today
                    ? ` · ${t("admin.grading.future")}`
                    : v === inForce
                      ? ` · ${t("admin.grading.current")}`
                      : ""}
                  <span className="row-detail">
                    {" "}
                    · {t("admin.grading.setAt", { when: formatInstant(locale, v.createdAt) })}
                  </span>
                </summary>
                <TableView table={v.table} />
              </details>
            ))
          )}
        </section>
      )}
      {canWrite && table && <NewVersion base={table} />}
    </>
  );
}

function TableView({ table }: { table: GradingTable }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t("admin.grading.bands", { a: table.bands.A, b: table.bands.B })}</p>
      <ul className="rows admin-criteria" aria-label={t("admin.grading.criteria")}>
        {GRADING_CRITERIA.map((name) => {
          const c = table.criteria[name];
          return (
            <li key={name}>
              <span className="row-title">{t(`admin.grading.criteriaNames.${name}`)}</span>
              {c ? (
                <>
                  <span className="row-detail">{t("admin.grading.upTo", { max: c.max })}</span>
                  <span className="admin-chips">
                    {c.steps.map((s) => (
                      <span key={s.atLeast} className="badge">
                        {t(name === "groupSize" ? "admin.grading.stepMembers" : "admin.grading.stepPercent", {
                          atLeast: s.atLeast,
                          points: s.points,
                        })}
                      </span>
                    ))}
                  </span>
                </>
              ) : (
                <span className="row-detail">{t("admin.grading.notCounted")}</span>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Each step as typed, with a stable id for its inputs (steps are never added, removed or reordered). */
type StepsText = Record<GradingCriterion, { id: string; atLeast: string; points: string }[]>;

function NewVersion({ base }: { base: GradingTable }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [validFrom, setValidFrom] = useState(todayHere());
  const [bandA, setBandA] = useState(String(base.bands.A));
  const [bandB, setBandB] = useState(String(base.bands.B));
  const [steps, setSteps] = useState<StepsText>(
    () =>
      Object.fromEntries(
        GRADING_CRITERIA.map((n) => [
          n,
          (base.criteria[n]?.steps ?? []).map((s, place) => ({
            id: `${n}-${place}`,
            atLeast: String(s.atLeast),
            points: String(s.points),
          })),
        ]),
      ) as StepsText,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: ({ on, table }: { on: string; table: GradingTable }) =>
      api("PUT", `/api/v1/grading-table/${on}`, { body: table }),
    onSuccess: (_r, { on }) => {
      setDone(on);
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
  });
  const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s.replace(",", ".")));
  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const criteria = Object.fromEntries(
      GRADING_CRITERIA.filter((n) => steps[n].length > 0).map((n) => {
        const list = steps[n].map((s) => ({ atLeast: num(s.atLeast), points: num(s.points) }));
        return [n, { max: list[0]?.points ?? 0, steps: list }];
      }),
    );
    const input = {
      ...(base.version ? { version: base.version + 1 } : {}),
      bands: { A: num(bandA), B: num(bandB) },
      criteria,
    };
    const dateOk = /^\d{4}-\d\d-\d\d$/.test(validFrom);
    const checked = checkWith(gradingTableSchema, input);
    if (!checked.ok || !dateOk)
      return setErrors({
        ...(checked.ok ? {} : checked.errors),
        ...(dateOk ? {} : { validFrom: t("admin.grading.dateRequired") }),
      });
    setErrors({});
    save.mutate({ on: validFrom, table: checked.value });
  }
  const problems = Object.entries(errors).filter(([path]) => path !== "validFrom");
  if (!opened)
    return (
      <p>
        <button type="button" className="button-secondary" onClick={() => setOpened(true)}>
          {t("admin.grading.new")}
        </button>
      </p>
    );
  return (
    <section className="card" aria-labelledby="new-version">
      <h2 id="new-version">{t("admin.grading.new")}</h2>
      <p className="muted">{t("admin.grading.newIntro")}</p>
      <form className="form" onSubmit={submit} noValidate>
        {save.isError && <ErrorNotice error={save.error} />}
        {done && (
          <p className="notice notice-done" role="status">
            {t("admin.grading.saved", { date: formatDate(currentLocale(), done) })}
          </p>
        )}
        {problems.length > 0 && (
          <div className="notice notice-error" role="alert">
            {problems.map(([path, message]) => (
              <p key={path}>
                {labelOfPath(path, t)}: {message}
              </p>
            ))}
          </div>
        )}
        <Field
          label={t("admin.grading.validFrom")}
          type="date"
          error={errors.validFrom}
          value={validFrom}
          onChange={(e) => setValidFrom(e.target.value)}
          required
        />
        <div className="admin-pair">
          <Field
            label={t("admin.grading.bandA")}
            type="number"
            inputMode="numeric"
            min={0}
            value={bandA}
            onChange={(e) => setBandA(e.target.value)}
          />
          <Field
            label={t("admin.grading.bandB")}
            type="number"
            inputMode="numeric"
            min={0}
            value={bandB}
            onChange={(e) => setBandB(e.target.value)}
          />
        </div>
        {GRADING_CRITERIA.filter((n) => steps[n].length > 0).map((name) => (
          <fieldset key={name} className="admin-steps">
            <legend>{t(`admin.grading.criteriaNames.${name}`)}</legend>
            <div className="admin-step-grid">
              <span aria-hidden="true">
                {t(
                  name === "groupSize"
                    ? "admin.grading.atLeastMembersHead"
                    : "admin.grading.atLeastPercentHead",
                )}
              </span>
              <span aria-hidden="true">{t("admin.grading.pointsHead")}</span>
              {steps[name].flatMap((s, i) => {
                const edit = (key: "atLeast" | "points", value: string) =>
                  setSteps((old) => ({
                    ...old,
                    [name]: old[name].map((x, j) => (j === i ? { ...x, [key]: value } : x)),
                  }));
                return [
                  <input
                    key={`${s.id}-atLeast`}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    aria-label={`${t(`admin.grading.criteriaNames.${name}`)}: ${t(name === "groupSize" ? "admin.grading.atLeastMembers" : "admin.grading.atLeastPercent", { n: i + 1 })}`}
                    value={s.atLeast}
                    onChange={(e) => edit("atLeast", e.target.value)}
                  />,
                  <input
                    key={`${s.id}-points`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    aria-label={`${t(`admin.grading.criteriaNames.${name}`)}: ${t("admin.grading.points", { n: i + 1 })}`}
                    value={s.points}
                    onChange={(e) => edit("points", e.target.value)}
                  />,
                ];
              })}
            </div>
          </fieldset>
        ))}
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t("admin.grading.save")}
        </button>
      </form>
    </section>
  );
}

/** "criteria.attendance.steps.1.points" as "Attendance, step 2". */
function labelOfPath(path: string, t: (key: string, values?: Record<string, unknown>) => string): string {
  const [head, name, , index] = path.split(".");
  if (head === "bands") return t("admin.grading.bandsLabel");
  if (head === "criteria" && name && (GRADING_CRITERIA as readonly string[]).includes(name))
    return index !== undefined
      ? t("admin.grading.stepOf", {
          criterion: t(`admin.grading.criteriaNames.${name}`),
          n: Number(index) + 1,
        })
      : t(`admin.grading.criteriaNames.${name}`);
  return t("admin.grading.table");
}
