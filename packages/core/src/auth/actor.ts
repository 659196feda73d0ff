// Who is acting: a user (by session or API token) or the operator at the command line, with the
// grants that decide what they may see (404 otherwise) and change (403 otherwise).
import { DomainError } from "../errors.js";
import type { Entity, Locale } from "../i18n/index.js";
import { type Permission, type Role, roleAllows } from "./roles.js";

export interface Grant {
  orgId: string;
  /** The materialised path of the granted organisation: it covers every path that starts with it. */
  orgPath: string;
  role: Role;
}

export interface Actor {
  tenantId: string;
  /** Null for the operator at the command line, who acts as the tenant's administrator. */
  userId: string | null;
  locale: Locale;
  grants: readonly Grant[];
  via: "session" | "token" | "cli";
}

export function covers(grantPath: string, orgPath: string): boolean {
  return orgPath.startsWith(grantPath);
}

export function canSee(actor: Actor, orgPath: string): boolean {
  return actor.grants.some((g) => covers(g.orgPath, orgPath));
}

export function can(actor: Actor, permission: Permission, orgPath: string): boolean {
  return actor.grants.some((g) => covers(g.orgPath, orgPath) && roleAllows(g.role, permission));
}

/** Not visible: 404 as if absent. Visible but not changeable: 403. */
export function assertCan(actor: Actor, permission: Permission, orgPath: string, entity: Entity): void {
  if (!canSee(actor, orgPath)) throw new DomainError("NOT_FOUND", { entity });
  if (!can(actor, permission, orgPath)) throw new DomainError("FORBIDDEN");
}

export function assertCanSee(actor: Actor, orgPath: string, entity: Entity): void {
  if (!canSee(actor, orgPath)) throw new DomainError("NOT_FOUND", { entity });
}

/** Paths the actor can see, with nested ones removed: the ranges a list query filters on. */
export function visibleRoots(actor: Actor): string[] {
  const paths = [...new Set(actor.grants.map((g) => g.orgPath))].sort();
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q)));
}

/** Paths under which the actor holds the permission, nested ones removed. */
export function permittedRoots(actor: Actor, permission: Permission): string[] {
  const paths = [
    ...new Set(actor.grants.filter((g) => roleAllows(g.role, permission)).map((g) => g.orgPath)),
  ].sort();
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q)));
}

/** True when the actor holds the permission over the tenant's root, and so over the whole tenant. */
export function canOverWholeTenant(actor: Actor, permission: Permission): boolean {
  return permittedRoots(actor, permission).some(isTenantRoot);
}

/** True when one of the actor's grants is on the tenant's root, so she sees the whole tenant. */
export function seesWholeTenant(actor: Actor): boolean {
  return visibleRoots(actor).some(isTenantRoot);
}

/** A root organisation's path is "/<id>/": three parts when split on "/". */
function isTenantRoot(path: string): boolean {
  return path.split("/").length === 3;
}

/** The upper bound of a path prefix range: every path under `p` sorts in [p, pathRangeEnd(p)). */
export function pathRangeEnd(p: string): string {
  // "/" (0x2F) is followed by "0" (0x30); ids are lowercase hex and dashes, all above "/".
  return `${p.slice(0, -1)}0`;
}
