// Roles, what each may do, and how a grant on an organisation covers its whole subtree.
// Visibility is any grant on an ancestor (or the organisation itself); changing needs the permission too.

export const ROLES = [
  "tenant_admin",
  "federation_officer",
  "credit_officer",
  "programme_officer",
  "group_bookkeeper",
  "auditor",
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "orgs.write",
  "people.write",
  "members.write",
  "users.read",
  "users.write",
  "audit.read",
  "books.write",
  "products.write",
  "loans.write",
  "loans.approve",
  "meetings.write",
  "groups.grade",
  "grading.configure",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  tenant_admin: PERMISSIONS,
  federation_officer: [
    "orgs.write",
    "people.write",
    "members.write",
    "users.read",
    "books.write",
    "loans.write",
    "loans.approve",
    "meetings.write",
    "groups.grade",
  ],
  credit_officer: ["people.write", "books.write", "loans.write", "loans.approve"],
  programme_officer: ["people.write"],
  group_bookkeeper: ["people.write", "members.write", "books.write", "meetings.write"],
  auditor: ["users.read", "audit.read"],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
