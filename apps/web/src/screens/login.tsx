// Log-in: login and password, checked by the contract's schema before sending; the API's answer
// (wrong password, too many tries) shown in the reader's language.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { logIn } from "../api/account.js";
import { ApiError } from "../api/client.js";
import { ErrorNotice } from "../components/error-notice.js";
import { Field } from "../components/field.js";
import { ScreenHeading } from "../components/heading.js";
import type { FieldErrors } from "../components/issues.js";
import { LanguageSwitch } from "../components/language-switch.js";

export function Login({ onLoggedIn }: { onLoggedIn: () => Promise<void> }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    // The contract's check, worded by core, loads on the first submit: it is not needed to show the page.
    const [{ checkWith }, { loginBody }] = await Promise.all([
      import("../components/issues.js"),
      import("@qadam/core/users/schemas"),
    ]);
    const checked = checkWith(loginBody, { login: login.trim(), password });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      await logIn(checked.value);
      await onLoggedIn();
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0)
        setErrors({ login: error.onField("login"), password: error.onField("password") });
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <header className="banner banner-plain">
        <div className="banner-row">
          <span className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            {t("app.name")}
          </span>
          <LanguageSwitch userId={null} />
        </div>
      </header>
      <main id="main" className="content content-narrow">
        <ScreenHeading>{t("login.title")}</ScreenHeading>
        <p className="lead">{t("login.intro")}</p>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {failure !== null && <ErrorNotice error={failure} />}
          <Field
            label={t("login.login")}
            hint={t("login.loginHint")}
            error={errors.login}
            name="login"
            type="text"
            inputMode="email"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={login}
            onChange={(e) => setLogin(e.target.value)}
          />
          <Field
            label={t("login.password")}
            error={errors.password}
            name="password"
            type={showPassword ? "text" : "password"}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={showPassword}
              onChange={(e) => setShowPassword(e.target.checked)}
            />
            {t("login.showPassword")}
          </label>
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t("login.submitting") : t("login.submit")}
          </button>
        </form>
      </main>
    </>
  );
}
