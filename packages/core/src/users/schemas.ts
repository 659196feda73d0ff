// The Zod schemas of the users-and-access API: request bodies and responses, re-exported by routes.ts
// so that the web app imports one contract.
import { z } from "zod";
import { PERMISSIONS, ROLES } from "../auth/roles.js";
import { recordId } from "../contract/schemas.js";
import { LOCALES } from "../i18n/texts.js";
import { hasControlCharacters } from "./values.js";

/** Text that reaches the database: no control characters (PostgreSQL refuses NUL; none belongs in a name). */
const plain = (schema: z.ZodString) =>
  schema.refine((v) => !hasControlCharacters(v), { params: { check: "controlCharacters" } });

export const grantSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  role: z.enum(ROLES),
  grantedAt: z.string(),
});

export const userSchema = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  locale: z.string(),
  status: z.enum(["active", "disabled"]),
  createdAt: z.string(),
  grants: z.array(grantSchema),
});
export type UserDto = z.infer<typeof userSchema>;

export const loginBody = z.strictObject({
  login: plain(z.string().min(1).max(200)),
  password: z.string().min(1).max(500),
});

export const sessionSchema = z.object({
  user: z.object({ id: z.string(), login: z.string(), displayName: z.string(), locale: z.string() }),
  expiresAt: z.string(),
});

export const meSchema = z.object({
  user: userSchema,
  /** Whether user.locale is her own choice (PATCH /me), rather than the one given when her account was made. */
  localeChosen: z.boolean(),
  tenant: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  /** Each role with what it allows, over the organisation it was granted on and everything under it. */
  permissions: z.array(
    z.object({ orgId: z.string(), role: z.enum(ROLES), allows: z.array(z.enum(PERMISSIONS)) }),
  ),
});

export const createUserBody = z.strictObject({
  login: plain(z.string().trim().min(3).max(200)),
  displayName: plain(z.string().trim().min(1).max(200)),
  password: z.string().max(500),
  locale: z.enum(LOCALES).default("ru"),
  grants: z
    .array(z.strictObject({ orgId: recordId, role: z.enum(ROLES) }))
    .max(50)
    .default([]),
});

/** One's own language, remembered for the account on every device. */
export const ownLocaleBody = z.strictObject({ locale: z.enum(LOCALES) });

export const grantBody = z.strictObject({ orgId: recordId, role: z.enum(ROLES) });

export const passwordBody = z.strictObject({
  currentPassword: z.string().max(500),
  newPassword: z.string().max(500),
});

export const apiTokenBody = z.strictObject({
  name: plain(z.string().trim().min(1).max(100)),
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
});

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const newApiTokenSchema = apiTokenSchema.extend({
  /** The secret, shown this once: send it as "Authorization: Bearer qdm_…". */
  token: z.string(),
});

export const userListQuery = z.object({ q: plain(z.string().max(200)).optional() });

export const auditQuery = z.object({
  command: plain(z.string().max(100)).optional(),
  userId: recordId.optional(),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userLogin: z.string().nullable(),
  command: z.string(),
  records: z.array(z.object({ type: z.string(), id: z.string() })),
  source: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
