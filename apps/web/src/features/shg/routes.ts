// The shg feature's screens and menu entries (screens load on first visit): the bookkeeper's groups,
// a group's page in tabs (members, rules, meetings, grade, share-out), a member's passbook, people and
// registering a person into a group.
import { lazy } from "react";
import type { Feature } from "../feature.js";

export const shg: Feature = {
  routes: [
    { path: "/groups", screen: lazy(() => import("./groups-screen.js")) },
    { path: "/groups/:groupId", screen: lazy(() => import("./members-screen.js")) },
    { path: "/groups/:groupId/members/:personId", screen: lazy(() => import("./passbook-screen.js")) },
    { path: "/groups/:groupId/rules", screen: lazy(() => import("./rules-screen.js")) },
    { path: "/groups/:groupId/meetings", screen: lazy(() => import("./meetings-screen.js")) },
    { path: "/groups/:groupId/meetings/:meetingId", screen: lazy(() => import("./meeting-screen.js")) },
    { path: "/groups/:groupId/grade", screen: lazy(() => import("./grade-screen.js")) },
    { path: "/groups/:groupId/shareout", screen: lazy(() => import("./shareout-screen.js")) },
    { path: "/people", screen: lazy(() => import("./people-screen.js")) },
    { path: "/people/new", screen: lazy(() => import("./register-screen.js")) },
  ],
  menu: [
    { path: "/groups", labelKey: "nav.groups", roles: ["group_bookkeeper", "federation_officer"] },
    {
      path: "/people",
      labelKey: "nav.people",
      roles: ["group_bookkeeper", "programme_officer", "federation_officer"],
    },
  ],
};
