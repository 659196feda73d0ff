// The demo's log-ins: one user for each role, all with the same published password.
import type { Actor } from "@qadam/core/auth/actor";
import type { Role } from "@qadam/core/auth/roles";
import type { Db } from "../platform/db/database.js";
import { userByLogin } from "../users/index.js";

export const DEMO_PASSWORD = "qadam-demo-2026";

export interface DemoLogin {
  login: string;
  displayName: string;
  role: Role;
  /** Which organisation of the demo the role is granted on. */
  on: "root" | "federation" | "mfo" | "centre" | "group";
  tenant: "association" | "partner";
  locale: "kk" | "ru" | "en" | "fr";
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    login: "admin@moldir.demo",
    displayName: "Айгүл Ахметова",
    role: "tenant_admin",
    on: "root",
    tenant: "association",
    locale: "ru",
  },
  {
    login: "federation@moldir.demo",
    displayName: "Гүлнар Омарова",
    role: "federation_officer",
    on: "federation",
    tenant: "association",
    locale: "kk",
  },
  {
    login: "credit@moldir.demo",
    displayName: "Жанар Сейітова",
    role: "credit_officer",
    on: "mfo",
    tenant: "association",
    locale: "ru",
  },
  {
    login: "programme@moldir.demo",
    displayName: "Сәуле Жұмабаева",
    role: "programme_officer",
    on: "centre",
    tenant: "association",
    locale: "ru",
  },
  {
    login: "bookkeeper@moldir.demo",
    displayName: "Ботагөз Нұрланова",
    role: "group_bookkeeper",
    on: "group",
    tenant: "association",
    locale: "kk",
  },
  {
    login: "auditor@moldir.demo",
    displayName: "Audit Partner",
    role: "auditor",
    on: "root",
    tenant: "association",
    locale: "en",
  },
  {
    login: "admin@umit.demo",
    displayName: "Динара Серікова",
    role: "tenant_admin",
    on: "root",
    tenant: "partner",
    locale: "ru",
  },
];

/** The demo user with this log-in as an actor granted `role` on the organisation (no user: the operator). */
export async function demoActor(
  db: Db,
  tenantId: string,
  login: string,
  role: Role,
  orgId: string,
  orgPath: string,
): Promise<Actor> {
  const user = await userByLogin(db, login);
  return {
    tenantId,
    userId: user?.tenantId === tenantId ? user.id : null,
    locale: "ru",
    grants: [{ orgId, orgPath, role }],
    via: "cli",
  };
}
