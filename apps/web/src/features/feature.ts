// What a feature of the app declares: its screens at their paths (loaded on first visit, so the first
// screen stays small) and its entries in the menu, for the roles that use them.
import type { Role } from "@qadam/core/auth/roles";
import type { ComponentType, LazyExoticComponent } from "react";

export interface FeatureRoute {
  /** A wouter pattern: "/groups/:groupId". */
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: a screen takes its path's parameters, whatever they are.
  screen: LazyExoticComponent<ComponentType<any>>;
}

export interface MenuEntry {
  path: `/${string}`;
  /** A key of the base catalogue's nav section (the menu is drawn before a feature's texts load). */
  labelKey: `nav.${string}`;
  roles: readonly Role[];
}

export interface Feature {
  routes: readonly FeatureRoute[];
  menu: readonly MenuEntry[];
}
