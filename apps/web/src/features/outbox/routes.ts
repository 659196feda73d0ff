// The outbox feature: the meetings recorded on this phone and what became of them (waiting, sent,
// refused and why), and after a meeting its one-screen summary and the members' passbook pages.
import { lazy } from "react";
import type { Feature } from "../feature.js";

export const outbox: Feature = {
  routes: [
    { path: "/outbox", screen: lazy(() => import("./outbox-screen.js")) },
    { path: "/outbox/:meetingId", screen: lazy(() => import("./after-screen.js")) },
  ],
  menu: [{ path: "/outbox", labelKey: "nav.outbox", roles: ["group_bookkeeper"] }],
};
