// One's own account: log in and out, who am I, one's password. Schemas from the users contract.
import { loginBody, meSchema, passwordBody, sessionSchema } from "@qadam/core/users/schemas";
import type { z } from "zod";
import { api } from "./client.js";

export type Me = z.infer<typeof meSchema>;
export type LoginInput = z.input<typeof loginBody>;
export type PasswordInput = z.input<typeof passwordBody>;

export const logIn = (body: LoginInput) => api("POST", "/api/v1/session", { body, schema: sessionSchema });
export const logOut = () => api("DELETE", "/api/v1/session");
export const whoAmI = () => api("GET", "/api/v1/me", { schema: meSchema });
export const changePassword = (body: PasswordInput) => api("POST", "/api/v1/me/password", { body });

export { loginBody, passwordBody };
