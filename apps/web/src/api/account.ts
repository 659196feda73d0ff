// One's own account: log in and out, who am I, one's language and password. Schemas from the users
// contract, loaded only when an answer is to be checked: the log-in page is shown without zod.
import type { Locale } from "@qadam/core/i18n/texts";
import type { loginBody, meSchema, passwordBody } from "@qadam/core/users/schemas";
import type { z } from "zod";
import { rememberUserLocale } from "../i18n/i18n.js";
import { ApiError, api } from "./client.js";

declare global {
  interface Window {
    /** GET /api/v1/me, asked by index.html before the app's script arrived (vite.config.ts). */
    qadamEarlyMe?: Promise<Response | null>;
  }
}

export type Me = z.infer<typeof meSchema>;
export type LoginInput = z.input<typeof loginBody>;
export type PasswordInput = z.input<typeof passwordBody>;

const schemas = () => import("@qadam/core/users/schemas");

export async function logIn(body: LoginInput) {
  const [answer, { sessionSchema }] = await Promise.all([
    api("POST", "/api/v1/session", { body }),
    schemas(),
  ]);
  return sessionSchema.parse(answer);
}
/** Logs out on the server and forgets, on this device, who was logged in (even with no connection). */
export async function logOut() {
  forgetMe();
  return api("DELETE", "/api/v1/session");
}
/**
 * Who is logged in; her own choice of language, made on any device, becomes this device's memory of it.
 * This device also remembers her, so that with no connection the app opens from the phone (rememberedMe).
 */
export async function whoAmI(): Promise<Me> {
  const me = (await earlyMe()) ?? (await api("GET", "/api/v1/me", { schema: (await schemas()).meSchema }));
  if (me.localeChosen) rememberUserLocale(me.user.id, me.user.locale);
  rememberMe(me);
  return me;
}

const ME_KEY = "qadam.me";

function rememberMe(me: Me): void {
  try {
    localStorage.setItem(ME_KEY, JSON.stringify(me));
  } catch {
    // Storage full or refused (private mode): the app then needs a connection to open.
  }
}

/** Forgets who was logged in on this device (log-out, or the server said the session is over). */
export function forgetMe(): void {
  try {
    localStorage.removeItem(ME_KEY);
  } catch {
    // Nothing kept.
  }
}

/**
 * Who was last logged in on this device, as the server last said (kept on every whoAmI), or null.
 * Read without zod (the log-in page stays light): it is this app's own copy, checked for its shape only.
 */
export function rememberedMe(): Me | null {
  try {
    const me = JSON.parse(localStorage.getItem(ME_KEY) ?? "null") as Me | null;
    return me && typeof me.user?.id === "string" && Array.isArray(me.user.grants) ? me : null;
  } catch {
    return null;
  }
}
/**
 * The answer index.html asked for early, taken once: who she is, or the 401 that shows the log-in page.
 * Null when there is none, or it is anything else (asked again, the usual way, to handle it as usual).
 */
async function earlyMe(): Promise<Me | null> {
  const early = window.qadamEarlyMe;
  window.qadamEarlyMe = undefined;
  const response = early ? await early : null;
  if (response?.ok) {
    const [json, { meSchema }] = await Promise.all([response.json(), schemas()]);
    return meSchema.parse(json);
  }
  if (response?.status === 401) {
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    throw new ApiError(401, error.code, error.message);
  }
  return null;
}

/** Remembers the language for the account, so that she finds it on every device she logs in on. */
export const saveOwnLocale = async (locale: Locale) =>
  api("PATCH", "/api/v1/me", { body: { locale }, schema: (await schemas()).userSchema });
export const changePassword = (body: PasswordInput) => api("POST", "/api/v1/me/password", { body });
