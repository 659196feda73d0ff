// The auditlog feature's screens and menu entries (screens load on first visit): the audit log, for
// auditors and administrators.
import { lazy } from "react";
import type { Feature } from "../feature.js";

export const auditlog: Feature = {
  routes: [{ path: "/audit", screen: lazy(() => import("./audit-screen.js")) }],
  menu: [{ path: "/audit", labelKey: "nav.audit", roles: ["auditor", "tenant_admin"] }],
};
