// The app: asks the API who is logged in, then shows the log-in screen or the logged-in screens. The
// log-in page is all the first visit loads; the logged-in half (logged-in.tsx) is a chunk of its own.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { logOut as endSession, forgetMe, type Me, rememberedMe, whoAmI } from "./api/account.js";
import { ApiError, NetworkError } from "./api/client.js";
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
  /** `offline`: opened from this device's memory of her (no connection to ask the server). */
  | { status: "in"; me: Me; offline: boolean }
  | { status: "failed"; error: unknown };

export function App() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: "loading" });

  const loggedIn = useCallback(async (me: Me, offline = false) => {
    await chooseLocale(localeForUser(me.user.id, me.user.locale), me.user.id);
    setState({ status: "in", me, offline });
  }, []);

  const load = useCallback(async () => {
    // Someone this phone remembers opens at once, from what the phone keeps, while the server is asked
    // who is logged in (on a slow line that answer takes seconds): the answer then replaces the memory,
    // a 401 shows the log-in page, and no answer leaves her working offline.
    const remembered = rememberedMe();
    if (remembered) await loggedIn(remembered, !navigator.onLine);
    else setState({ status: "loading" });
    try {
      await loggedIn(await whoAmI());
    } catch (error) {
      if (remembered && error instanceof NetworkError) await loggedIn(remembered, true);
      else if (error instanceof ApiError && error.status === 401) {
        forgetMe();
        setState({ status: "out" });
      } else if (!remembered) setState({ status: "failed", error });
    }
  }, [loggedIn]);

  useEffect(() => {
    void load();
  }, [load]);

  // Opened offline: when the connection returns, ask the server who is logged in (her session may be over).
  const offline = state.status === "in" && state.offline;
  useEffect(() => {
    if (!offline) return;
    const recheck = () =>
      void whoAmI().then(
        (me) => loggedIn(me),
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 401) {
            forgetMe();
            setState({ status: "out" });
          }
        },
      );
    window.addEventListener("online", recheck);
    return () => window.removeEventListener("online", recheck);
  }, [offline, loggedIn]);

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
            offline: state.offline,
            logOut: async () => {
              // With no connection she is logged out of this phone; the server's session ends by itself.
              await endSession().catch((error: unknown) => {
                if (!(error instanceof NetworkError)) throw error;
              });
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
