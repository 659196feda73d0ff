// The lists the home pages show first, typed by the domains' contracts (packages/core/src/<domain>/contract.ts).
import type { Page } from "@qadam/core/contract/pagination";
import type { LoanListItem } from "@qadam/core/loans/contract";
import type { OrganisationDto } from "@qadam/core/orgs/contract";
import type { OrgKind } from "@qadam/core/orgs/types";
import type { PersonDto } from "@qadam/core/people/contract";
import type { AuditEntry, UserDto } from "@qadam/core/users/contract";
import { api } from "./client.js";

export type { AuditEntry, OrganisationDto, PersonDto, UserDto };

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
