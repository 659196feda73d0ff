// The app: asks the API who is logged in, then shows the log-in screen or the logged-in screens. The
// log-in page is all the first visit loads; the logged-in half (logged-in.tsx) is a chunk of its own.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { logOut as endSession, type Me, whoAmI } from "./api/account.js";
import { ApiError } from "./api/client.js";
import { ErrorNotice } from "./components/error-notice.js";
import { chooseLocale, localeForUser } from "./i18n/i18n.js";
import { navigate, ROUTES } from "./router.js";
import { Login } from "./screens/login.js";
import type { Session } from "./session.js";

const loadLoggedIn = () => import("./logged-in.js");
const LoggedIn = lazy(loadLoggedIn);
// When the early answer (index.html) says someone is logged in, fetch her screens beside whoAmI.
void window.qadamEarlyMe?.then((response) => {
  if (response?.ok) void loadLoggedIn();
});

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

  // While the log-in page waits for her password, fetch the screens she will see next.
  useEffect(() => {
    if (state.status !== "out") return;
    const later = setTimeout(() => void loadLoggedIn().catch(() => {}), 500);
    return () => clearTimeout(later);
  }, [state.status]);

  const session = useMemo<Session | null>(
    () =>
      state.status === "in"
        ? {
            me: state.me,
            logOut: async () => {
              await endSession();
              setState({ status: "out" });
              (await loadLoggedIn()).forgetAnswers();
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
    <Suspense
      fallback={
        <main className="centred" aria-busy="true">
          <p>{t("app.loading")}</p>
        </main>
      }
    >
      <LoggedIn session={session} />
    </Suspense>
  );
}
