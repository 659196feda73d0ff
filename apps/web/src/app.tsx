// The app: asks the API who is logged in, then shows the log-in screen or the logged-in screens.
import { QueryClientProvider } from "@tanstack/react-query";
import { Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Route, Switch } from "wouter";
import { logOut as endSession, type Me, whoAmI } from "./api/account.js";
import { ApiError } from "./api/client.js";
import { queryClient } from "./api/query.js";
import { ErrorNotice } from "./components/error-notice.js";
import { FEATURES } from "./features/index.js";
import { chooseLocale, localeForUser } from "./i18n/i18n.js";
import { navigate, ROUTES } from "./router.js";
import { Home } from "./screens/home.js";
import { Login } from "./screens/login.js";
import { NotFound } from "./screens/not-found.js";
import { PasswordScreen } from "./screens/password.js";
import { Shell } from "./screens/shell.js";
import { type Session, SessionContext } from "./session.js";

type State =
  | { status: "loading" }
  | { status: "out" }
  | { status: "in"; me: Me }
  | { status: "failed"; error: unknown };

export function App() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: "loading" });

  const loggedIn = useCallback(async (me: Me) => {
    await chooseLocale(localeForUser(me.user.id, me.user.locale), me.user.id);
    setState({ status: "in", me });
  }, []);

  const load = useCallback(async () => {
    setState({ status: "loading" });
    try {
      await loggedIn(await whoAmI());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState({ status: "out" });
      else setState({ status: "failed", error });
    }
  }, [loggedIn]);

  useEffect(() => {
    void load();
  }, [load]);

  const session = useMemo<Session | null>(
    () =>
      state.status === "in"
        ? {
            me: state.me,
            logOut: async () => {
              await endSession();
              setState({ status: "out" });
              queryClient.clear();
              navigate("login", { replace: true });
            },
          }
        : null,
    [state],
  );

  if (state.status === "loading")
    return (
      <main className="centred" aria-busy="true">
        <p>{t("app.loading")}</p>
      </main>
    );
  if (state.status === "failed")
    return (
      <main className="centred">
        <ErrorNotice error={state.error} onRetry={() => void load()} />
      </main>
    );
  if (state.status === "out" || !session)
    return (
      <Login
        onLoggedIn={async () => {
          await load();
          // Back to the page asked for before logging in, or home from the log-in page itself.
          if (window.location.pathname === ROUTES.login) navigate("home", { replace: true });
        }}
      />
    );
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
