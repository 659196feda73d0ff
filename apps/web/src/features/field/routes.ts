// The field feature's screens and menu entries (screens load on first visit): the federation's groups
// by cluster, missed meetings, grades, its roll-up and the loans to its groups.
import { lazy } from "react";
import type { Feature } from "../feature.js";

export const field: Feature = {
  routes: [
    { path: "/federation", screen: lazy(() => import("./clusters-screen.js")) },
    { path: "/federation/missed", screen: lazy(() => import("./missed-screen.js")) },
    { path: "/federation/grades", screen: lazy(() => import("./grades-screen.js")) },
    { path: "/federation/rollup", screen: lazy(() => import("./rollup-screen.js")) },
    { path: "/federation/loans", screen: lazy(() => import("./loans-screen.js")) },
  ],
  menu: [{ path: "/federation", labelKey: "nav.federation", roles: ["federation_officer"] }],
};
