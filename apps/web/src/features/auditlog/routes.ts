// The auditlog feature's screens and menu entries (screens load on first visit).
import type { Feature } from "../feature.js";

export const auditlog: Feature = {
  routes: [],
  menu: [],
};
