// The frame of every logged-in screen: a skip link, the banner with the menu and language, the content.
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../components/language-switch.js";
import { navigate, ROUTES, type Route, useRoute } from "../router.js";
import { useSession } from "../session.js";

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, logOut } = useSession();
  const route = useRoute();
  const [leaving, setLeaving] = useState(false);
  const link = (to: Route, label: string) => (
    <a
      href={ROUTES[to]}
      aria-current={route === to ? "page" : undefined}
      onClick={(event) => {
        event.preventDefault();
        navigate(to);
      }}
    >
      {label}
    </a>
  );
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="banner">
        <div className="banner-row">
          <span className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            {t("app.name")}
          </span>
          <LanguageSwitch userId={me.user.id} />
        </div>
        <nav aria-label={t("nav.label")} className="menu">
          {link("home", t("nav.home"))}
          {link("password", t("nav.password"))}
          <button
            type="button"
            className="button-link"
            disabled={leaving}
            onClick={() => {
              setLeaving(true);
              void logOut().finally(() => setLeaving(false));
            }}
          >
            {t("nav.logOut")}
          </button>
        </nav>
      </header>
      <main id="main" className="content">
        {children}
      </main>
    </>
  );
}
