// The outbox feature: the meetings recorded on this phone and what became of them (waiting, sent,
// refused and why), and after a meeting its one-screen summary and the members' passbook pages.
import { lazy } from "react";
import { withTexts } from "../../i18n/i18n.js";
import type { Feature } from "../feature.js";
import { messages } from "./messages.js";

export const outbox: Feature = {
  routes: [
    {
      path: "/outbox",
      screen: lazy(() => withTexts("outbox", messages, () => import("./outbox-screen.js"))),
    },
    {
      path: "/outbox/:meetingId",
      screen: lazy(() => withTexts("outbox", messages, () => import("./after-screen.js"))),
    },
  ],
  menu: [{ path: "/outbox", labelKey: "nav.outbox", roles: ["group_bookkeeper"] }],
};

/** The shell's word on what waits on this phone: a chunk of its own, drawn once loaded. */
export const OutboxIndicator = lazy(() => withTexts("outbox", messages, () => import("./indicator.js")));
