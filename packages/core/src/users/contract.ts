// The users-and-access contract: the request and response schemas of users, roles, sessions, one's own
// account, API tokens and the audit log (schemas.ts holds the older half; both are the contract).
import { z } from "zod";
import { pageQuery } from "../contract/pagination.js";
import { apiTokenSchema, auditQuery, userListQuery } from "./schemas.js";

export * from "./schemas.js";

export const usersQuery = userListQuery.extend(pageQuery);
export const auditPageQuery = auditQuery.extend(pageQuery);
export const resetPasswordBody = z.strictObject({ password: z.string().max(500) });
export const passwordChangedSchema = z.object({ changed: z.literal(true) });
export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });
