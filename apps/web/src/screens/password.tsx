// One's own password: the current one, the new one twice; the API judges the new one's strength and
// its refusal is shown on the field it concerns.

import { passwordBody } from "@qadam/core/users/schemas";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { changePassword } from "../api/account.js";
import { ApiError } from "../api/client.js";
import { ErrorNotice } from "../components/error-notice.js";
import { Field } from "../components/field.js";
import { ScreenHeading } from "../components/heading.js";
import { checkWith, type FieldErrors } from "../components/issues.js";

const FIELD_OF_CODE: Record<string, "currentPassword" | "newPassword"> = {
  CURRENT_PASSWORD_WRONG: "currentPassword",
  WEAK_PASSWORD: "newPassword",
};

export function PasswordScreen() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setDone(false);
    const checked = checkWith(passwordBody, { currentPassword: current, newPassword: next });
    if (!checked.ok) return setErrors(checked.errors);
    if (next !== repeat) return setErrors({ repeat: t("password.mismatch") });
    setErrors({});
    setBusy(true);
    try {
      await changePassword(checked.value);
      setDone(true);
      setCurrent("");
      setNext("");
      setRepeat("");
    } catch (error) {
      const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
      if (field && error instanceof ApiError) setErrors({ [field]: error.message });
      else if (error instanceof ApiError && error.details.length > 0)
        setErrors({
          currentPassword: error.onField("currentPassword"),
          newPassword: error.onField("newPassword"),
        });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="content-narrow">
      <ScreenHeading>{t("password.title")}</ScreenHeading>
      <p className="lead">{t("password.intro")}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {failure !== null && <ErrorNotice error={failure} />}
        {done && (
          <p className="notice notice-done" role="status">
            {t("password.changed")}
          </p>
        )}
        <Field
          label={t("password.current")}
          error={errors.currentPassword}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <Field
          label={t("password.new")}
          hint={t("password.newHint")}
          error={errors.newPassword}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
        <Field
          label={t("password.repeat")}
          error={errors.repeat}
          name="repeat"
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t("password.submitting") : t("password.submit")}
        </button>
      </form>
    </div>
  );
}
