// The app's addresses, in the browser's history (wouter), so that back, forward and reload work.
// Each feature declares its own paths in its routes.ts; these are the shell's.
import { navigate as go } from "wouter/use-browser-location";

export const ROUTES = { home: "/", login: "/login", password: "/password" } as const;
export type Route = keyof typeof ROUTES;

/** Goes to one of the shell's routes or to any path of the app ("/groups/…"). */
export function navigate(to: Route | `/${string}`, options: { replace?: boolean } = {}): void {
  const url = to.startsWith("/") ? to : ROUTES[to as Route];
  if (window.location.pathname + window.location.search !== url)
    go(url, { replace: options.replace ?? false });
}
