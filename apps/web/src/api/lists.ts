// The lists the home pages show first. Their response shapes are typed here from core's types until
// each domain's contract (packages/core/src/<domain>/contract.ts) exports its schemas.
import type { Page } from "@qadam/core/contract/pagination";
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

export interface LoanListItem {
  id: string;
  orgId: string;
  borrowerType: string;
  borrowerId: string;
  currency: string;
  principal: string;
  principalOutstanding: string;
  status: string;
  disbursedOn: string | null;
  arrearsSince: string | null;
}

export const organisations = (query: { kind?: OrgKind; under?: string; cursor?: string; limit?: number }) =>
  api("GET", "/api/v1/orgs", { query }) as Promise<Page<OrganisationDto>>;

export const users = (query: { cursor?: string; limit?: number }) =>
  api("GET", "/api/v1/users", { query }) as Promise<Page<UserDto>>;

export const people = (query: { cursor?: string; limit?: number }) =>
  api("GET", "/api/v1/people", { query }) as Promise<Page<PersonDto>>;

export const auditLog = (query: { cursor?: string; limit?: number }) =>
  api("GET", "/api/v1/audit", { query }) as Promise<Page<AuditEntry>>;

/** Loans of an organisation's subtree (not paged: the API answers up to `limit`). */
export const loans = (query: { orgId: string; status?: string; limit?: number }) =>
  api("GET", "/api/v1/loans", { query }) as Promise<LoanListItem[]>;
