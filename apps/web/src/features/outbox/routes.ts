// The outbox feature: the meetings recorded on this phone and what became of them (waiting, sent,
// refused and why), and after a meeting its one-screen summary and the members' passbook pages.
import type { Feature } from "../feature.js";

export const outbox: Feature = {
  routes: [],
  menu: [],
};
