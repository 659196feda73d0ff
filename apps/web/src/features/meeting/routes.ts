// The meeting feature: recording a group's meeting step by step, on the phone, with or without a
// connection (attendance → savings → repayments → new loans → fines → social fund → cash count →
// summary → save), prefilled from the draft and checked with core's planMeeting.
import { lazy } from "react";
import { withTexts } from "../../i18n/i18n.js";
import type { Feature } from "../feature.js";
import { messages } from "./messages.js";

export const meeting: Feature = {
  routes: [
    {
      path: "/groups/:groupId/meeting",
      screen: lazy(() => withTexts("meeting", messages, () => import("./meeting-screen.js"))),
    },
  ],
  menu: [],
};
