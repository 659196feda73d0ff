// The app's few addresses, kept in the browser's history so that back and forward work.
import { useEffect, useState } from "react";

export const ROUTES = { home: "/", login: "/login", password: "/password" } as const;
export type Route = keyof typeof ROUTES;

function routeOf(pathname: string): Route {
  const found = (Object.keys(ROUTES) as Route[]).find((r) => ROUTES[r] === pathname);
  return found ?? "home";
}

const listeners = new Set<() => void>();

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const url = ROUTES[route];
  if (window.location.pathname !== url) {
    if (options.replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
  }
  for (const l of listeners) l();
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(routeOf(window.location.pathname));
    listeners.add(update);
    window.addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return route;
}
