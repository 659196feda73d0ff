// Who is logged in, shared with every screen: null before log-in.
import { createContext, useContext, useSyncExternalStore } from "react";
import type { Me } from "./api/account.js";

export interface Session {
  me: Me;
  /** Opened from this device's memory of her, with no connection to ask the server (api/account.ts). */
  offline?: boolean;
  logOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a logged-in screen");
  return session;
}

const onConnectionChange = (changed: () => void) => {
  window.addEventListener("online", changed);
  window.addEventListener("offline", changed);
  return () => {
    window.removeEventListener("online", changed);
    window.removeEventListener("offline", changed);
  };
};

/** Whether the browser thinks it has a connection (navigator.onLine), kept current. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    onConnectionChange,
    () => navigator.onLine,
    () => true,
  );
}
