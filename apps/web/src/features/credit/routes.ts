// The credit feature's screens and menu entries (screens load on first visit): today's collections,
// the loans of the subtree, a loan application, a loan's page and the approval queue.
import { lazy } from "react";
import type { Feature } from "../feature.js";

export const credit: Feature = {
  routes: [
    { path: "/today", screen: lazy(() => import("./today.js")) },
    { path: "/loans", screen: lazy(() => import("./loans-list.js")) },
    { path: "/loans/new", screen: lazy(() => import("./application.js")) },
    { path: "/loans/:loanId", screen: lazy(() => import("./loan.js")) },
    { path: "/approvals", screen: lazy(() => import("./approvals.js")) },
  ],
  menu: [
    { path: "/today", labelKey: "nav.today", roles: ["credit_officer"] },
    { path: "/loans", labelKey: "nav.loans", roles: ["credit_officer", "tenant_admin", "auditor"] },
    { path: "/approvals", labelKey: "nav.approvals", roles: ["credit_officer", "tenant_admin"] },
  ],
};
