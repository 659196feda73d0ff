// The reports feature's screens and menu entries (screens load on first visit): the manager's dashboard
// and the books' reports.
import { lazy } from "react";
import type { Feature } from "../feature.js";
import { BOOK_READERS, MANAGERS } from "./roles.js";

export const reports: Feature = {
  routes: [
    { path: "/dashboard", screen: lazy(() => import("./dashboard.js")) },
    { path: "/books", screen: lazy(() => import("./trial-balance.js")) },
    { path: "/books/balance-sheet", screen: lazy(() => import("./balance-sheet.js")) },
    { path: "/books/income-statement", screen: lazy(() => import("./income-statement.js")) },
    { path: "/books/statement", screen: lazy(() => import("./statement.js")) },
  ],
  menu: [
    { path: "/dashboard", labelKey: "nav.dashboard", roles: MANAGERS },
    { path: "/books", labelKey: "nav.books", roles: BOOK_READERS },
  ],
};
