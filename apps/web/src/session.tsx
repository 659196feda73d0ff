// Who is logged in, shared with every screen: null before log-in.
import { createContext, useContext } from "react";
import type { Me } from "./api/account.js";

export interface Session {
  me: Me;
  logOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a logged-in screen");
  return session;
}
