// Who sees the reports. A "manager" (DESIGN.md: management, donors, auditors — indicators and dashboards)
// is whoever answers for a portfolio or a federation: the tenant's administrators, federation officers,
// credit officers and auditors. The books are read by the same people and by a group's bookkeeper.
import type { Role } from "@qadam/core/auth/roles";

export const MANAGERS: readonly Role[] = ["tenant_admin", "federation_officer", "credit_officer", "auditor"];
export const BOOK_READERS: readonly Role[] = [...MANAGERS, "group_bookkeeper"];
