// The logged-in half of the app: the shell, its menu and every screen behind the log-in. A chunk of its
// own, so the log-in page loads without it; app.tsx fetches it early when someone is logged in, and
// while the log-in page waits for her password.
import { QueryClientProvider } from "@tanstack/react-query";
import { lazy, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Route, Switch } from "wouter";
import { queryClient } from "./api/query.js";
import { FEATURES } from "./features/index.js";
import { ROUTES } from "./router.js";
import { Home } from "./screens/home.js";
import { NotFound } from "./screens/not-found.js";
import { Shell } from "./screens/shell.js";
import { type Session, SessionContext } from "./session.js";

// Its form checks with core's validation words (every domain's messages): loaded when she opens it.
const PasswordScreen = lazy(() =>
  import("./screens/password.js").then((m) => ({ default: m.PasswordScreen })),
);

export default function LoggedIn({ session }: { session: Session }) {
  const { t } = useTranslation();
  const userId = session.me.user.id;
  // The phone's offline work (sending the outbox, keeping her groups' kits): loaded beside the first
  // screen, stopped on log-out (this component then goes away).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per user; her grants come with her.
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    void import("./features/outbox/background.js").then((offline) => {
      if (!gone) stop = offline.startOffline(userId, new Set(session.me.user.grants.map((g) => g.role)));
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, [userId]);
  return (
    <SessionContext.Provider value={session}>
      <QueryClientProvider client={queryClient}>
        <Shell>
          <Suspense
            fallback={
              <p className="muted" aria-busy="true">
                {t("app.loading")}
              </p>
            }
          >
            <Switch>
              <Route path={ROUTES.home} component={Home} />
              <Route path={ROUTES.login} component={Home} />
              <Route path={ROUTES.password} component={PasswordScreen} />
              {FEATURES.flatMap((f) => f.routes).map((r) => (
                <Route key={r.path} path={r.path} component={r.screen} />
              ))}
              <Route component={NotFound} />
            </Switch>
          </Suspense>
        </Shell>
      </QueryClientProvider>
    </SessionContext.Provider>
  );
}

/** Forgets every answer read for the user who logged out. */
export function forgetAnswers(): void {
  queryClient.clear();
}
