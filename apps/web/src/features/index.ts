// Every feature of the app, in menu order. Each one's screens are separate chunks, loaded when first shown.
import type { Role } from "@qadam/core/auth/roles";
import { admin } from "./admin/routes.js";
import { auditlog } from "./auditlog/routes.js";
import { credit } from "./credit/routes.js";
import type { Feature, MenuEntry } from "./feature.js";
import { field } from "./field/routes.js";
import { meeting } from "./meeting/routes.js";
import { outbox } from "./outbox/routes.js";
import { reports } from "./reports/routes.js";
import { shg } from "./shg/routes.js";

export const FEATURES: readonly Feature[] = [shg, meeting, outbox, field, credit, reports, admin, auditlog];

/** The menu for someone holding these roles: each entry once, in the features' order. */
export function menuFor(roles: ReadonlySet<Role>): MenuEntry[] {
  const seen = new Set<string>();
  return FEATURES.flatMap((f) => f.menu).filter((entry) => {
    if (seen.has(entry.path) || !entry.roles.some((r) => roles.has(r))) return false;
    seen.add(entry.path);
    return true;
  });
}
