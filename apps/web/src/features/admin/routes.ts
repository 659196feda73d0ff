// The admin feature's screens and menu entries (screens load on first visit): the organisation tree,
// users and roles, loan products and the grading table. An auditor reads them all, changes nothing.
import { lazy } from "react";
import type { Feature } from "../feature.js";

const orgs = lazy(() => import("./orgs-screen.js"));

export const admin: Feature = {
  routes: [
    { path: "/admin", screen: orgs },
    { path: "/admin/orgs", screen: orgs },
    { path: "/admin/users", screen: lazy(() => import("./users-screen.js")) },
    { path: "/admin/products", screen: lazy(() => import("./products-screen.js")) },
    { path: "/admin/grading", screen: lazy(() => import("./grading-screen.js")) },
  ],
  menu: [{ path: "/admin", labelKey: "nav.admin", roles: ["tenant_admin", "auditor"] }],
};
