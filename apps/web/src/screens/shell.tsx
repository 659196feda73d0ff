// The frame of every logged-in screen: a skip link, the banner with the menu and language, the content.
import { type ReactNode, Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { AppLink } from "../components/app-link.js";
import { LanguageSwitch } from "../components/language-switch.js";
import { menuFor } from "../features/index.js";
import { OutboxIndicator } from "../features/outbox/routes.js";
import { ROUTES } from "../router.js";
import { useSession } from "../session.js";

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, logOut } = useSession();
  const [location] = useLocation();
  const [leaving, setLeaving] = useState(false);
  const menu = useRef<HTMLElement>(null);
  // Whether more of the menu lies off the phone's screen to the right: its edge then fades, as a hint.
  const [moreRight, setMoreRight] = useState(false);
  const measure = () => {
    const nav = menu.current;
    setMoreRight(nav !== null && nav.scrollLeft + nav.clientWidth < nav.scrollWidth - 2);
  };
  useEffect(() => {
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  });
  // On a phone the menu scrolls sideways: keep the current screen's entry in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the entry to show changes with the location.
  useEffect(() => {
    const current = menu.current?.querySelector<HTMLElement>('[aria-current="page"]');
    const nav = menu.current;
    if (current && nav && nav.scrollWidth > nav.clientWidth)
      nav.scrollLeft +=
        current.getBoundingClientRect().left -
        nav.getBoundingClientRect().left -
        (nav.clientWidth - current.offsetWidth) / 2;
  }, [location]);
  const roles = new Set(me.user.grants.map((g) => g.role));
  const link = (to: `/${string}`, label: string) => (
    <AppLink
      key={to}
      to={to}
      current={to === "/" ? location === "/" : location === to || location.startsWith(`${to}/`)}
    >
      {label}
    </AppLink>
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
          <Suspense fallback={null}>
            <OutboxIndicator userId={me.user.id} />
          </Suspense>
          <LanguageSwitch userId={me.user.id} />
        </div>
        <nav
          ref={menu}
          aria-label={t("nav.label")}
          className="menu"
          data-more-right={moreRight || undefined}
          onScroll={measure}
        >
          {link(ROUTES.home, t("nav.home"))}
          {menuFor(roles).map((entry) => link(entry.path, t(entry.labelKey)))}
          {link(ROUTES.password, t("nav.password"))}
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
