// The organisation tree: tenant (association or partner NGO) → federation → optional cluster → SHG,
// plus the tenant's MFO and centres.
// Guarantees:
// - every organisation belongs to exactly one tenant, and each tenant has exactly one root (a unique index);
// - a kind sits only under the kinds ALLOWED_PARENTS names; nothing moves under itself or its own branch;
// - moving keeps the organisation's id (so all its records) and adds a dated row to its parent history;
//   every path of the moved branch is rewritten in the same transaction;
// - an organisation closes only when nothing active is left under it;
// - an actor sees an organisation only under one of her grants (404 otherwise) and changes it only with
//   orgs.write there (403 otherwise).

export * from "@qadam/core/orgs/types";
export {
  changeOrganisationStatus,
  createOrganisation,
  moveOrganisation,
  updateOrganisation,
} from "./commands.js";
export { type ImportedOrganisation, importOrganisations } from "./imports.js";
export {
  ancestorsOf,
  everyOrganisation,
  findOrganisation,
  organisationIdsUnder,
  organisationsAround,
  orgIdsUnderAny,
  orgIdsWithin,
  shgIdsUnder,
  tenantOfOrganisation,
  tenantOrganisation,
  tenantOrganisationWithLanguage,
  toOrganisation,
} from "./lookup.js";
export { groupsNamed, organisationLabels, organisationNames, organisationPaths } from "./names.js";
export { listOrganisations, parentHistory } from "./queries.js";
export { orgRoutes } from "./routes.js";
export {
  listTenants,
  type Tenant,
  type TenantWithRoot,
  tenantById,
  tenantNamed,
} from "./tenant-lookup.js";
export { type CreatedTenant, createTenant, type NewTenant, tenantLanguage } from "./tenants.js";
