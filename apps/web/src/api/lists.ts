// The lists the home pages show first. Their response shapes are typed here from core's types until
// each domain's contract (packages/core/src/<domain>/contract.ts) exports its schemas.
import type { Page } from "@qadam/core/contract/pagination";
import type { LoanListItem } from "@qadam/core/loans/contract";
import type { Organisation, OrgKind } from "@qadam/core/orgs/types";
import type { auditEntrySchema, userSchema } from "@qadam/core/users/schemas";
import type { z } from "zod";
import { api } from "./client.js";

export type OrganisationDto = Omit<Organisation, "path" | "tenantId">;
export type UserDto = z.infer<typeof userSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export interface PersonDto {
  id: string;
  familyName: string | null;
  givenName: string | null;
  patronymic: string | null;
  village: string | null;
}

export const organisations = (query: { kind?: OrgKind; under?: string; cursor?: string; limit?: number }) =>
  api("GET", "/api/v1/orgs", { query }) as Promise<Page<OrganisationDto>>;

export const users = (query: { cursor?: string; limit?: number }) =>
  api("GET", "/api/v1/users", { query }) as Promise<Page<UserDto>>;

export const people = (query: { cursor?: string; limit?: number }) =>
  api("GET", "/api/v1/people", { query }) as Promise<Page<PersonDto>>;

export const auditLog = (query: { cursor?: string; limit?: number }) =>
  api("GET", "/api/v1/audit", { query }) as Promise<Page<AuditEntry>>;

export type { LoanListItem };

/** Loans of an organisation's subtree, a page at a time. */
export const loans = (query: { orgId: string; status?: string; cursor?: string; limit?: number }) =>
  api("GET", "/api/v1/loans", { query }) as Promise<Page<LoanListItem>>;
