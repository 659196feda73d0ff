// The meeting feature: recording a group's meeting step by step, on the phone, with or without a
// connection (attendance → savings → repayments → new loans → fines → social fund → cash count →
// summary → save), prefilled from the draft and checked with core's planMeeting.
import { lazy } from "react";
import type { Feature } from "../feature.js";

export const meeting: Feature = {
  routes: [{ path: "/groups/:groupId/meeting", screen: lazy(() => import("./meeting-screen.js")) }],
  menu: [],
};
