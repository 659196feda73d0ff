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
export const logOut = () => api("DELETE", "/api/v1/session");
/** Who is logged in; her own choice of language, made on any device, becomes this device's memory of it. */
export async function whoAmI(): Promise<Me> {
  const me = (await earlyMe()) ?? (await api("GET", "/api/v1/me", { schema: (await schemas()).meSchema }));
  if (me.localeChosen) rememberUserLocale(me.user.id, me.user.locale);
  return me;
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
