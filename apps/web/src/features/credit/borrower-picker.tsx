// Finding a borrower across the tenant: a search box, the matches with phone and group, a button to
// choose one. Used for the borrower of an application and for each member of a group loan.
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/error-notice.js";
import { findBorrowers, type LendableBorrower } from "./api.js";
import { borrowerName } from "./borrower.js";

export function BorrowerPicker({
  orgId,
  type,
  label,
  error,
  exclude = [],
  onChoose,
}: {
  orgId: string;
  type: "person" | "group";
  label: string;
  error?: string | undefined;
  exclude?: readonly string[];
  onChoose: (b: LendableBorrower) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const q = useDeferredValue(text.trim());
  const found = useQuery({
    queryKey: ["credit", "borrowers", orgId, type, q],
    enabled: q.length >= 2,
    queryFn: () => findBorrowers(orgId, { type, q }),
  });
  const matches = (found.data ?? []).filter((b) => !exclude.includes(b.id));
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {t(type === "group" ? "credit.apply.searchGroupHint" : "credit.apply.searchHint")}
      </p>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        onChange={(e) => setText(e.target.value)}
      />
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {found.isError && <ErrorNotice error={found.error} />}
      {q.length >= 2 && found.isFetching && <p className="muted">{t("credit.apply.searching")}</p>}
      {q.length >= 2 && found.isSuccess && matches.length === 0 && (
        <p className="muted">{t("credit.apply.noMatch")}</p>
      )}
      {matches.length > 0 && (
        <ul className="rows credit-matches" aria-label={label}>
          {matches.map((b) => {
            const name = borrowerName(b, t);
            return (
              <li key={b.id} className="credit-match">
                <span>
                  <span className="row-title">{name}</span>
                  <span className="row-detail">
                    {[b.phone, b.type === "person" ? b.group?.name : null].filter(Boolean).join(" · ")}
                  </span>
                </span>
                <button
                  type="button"
                  className="button-secondary"
                  aria-label={`${t("credit.apply.choose")}: ${name}`}
                  onClick={() => {
                    onChoose(b);
                    setText("");
                  }}
                >
                  {t("credit.apply.choose")}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
