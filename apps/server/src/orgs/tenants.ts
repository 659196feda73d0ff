// Creating a tenant: an association or partner NGO with its root organisation, in one command.
// Only the operator (the command line, the demo) creates tenants; the API works inside one.
import { businessDate } from "@qadam/core/clock";
import { DomainError } from "@qadam/core/errors";
import { isLocale, type Locale } from "@qadam/core/i18n";
import type { IdSource } from "@qadam/core/ids";
import { childPath, type RootKind } from "@qadam/core/orgs/types";
import { checkCurrency, checkDate, checkTimeZone } from "@qadam/core/orgs/values";
import { foldForSearch } from "@qadam/core/text";
import { isUniqueViolation } from "../platform/db/constraint-errors.js";
import type { Db } from "../platform/db/database.js";
import { prepared } from "../platform/db/prepared.js";

export interface NewTenant {
  slug: string;
  name: string;
  kind: RootKind;
  country?: string;
  defaultLocale?: "kk" | "ru" | "en" | "fr";
  currency?: string;
  timeZone?: string;
  openedOn?: string;
  region?: string | null;
}

export interface CreatedTenant {
  tenantId: string;
  rootId: string;
  rootPath: string;
}

export async function createTenant(
  trx: Db,
  deps: { ids: IdSource; now: string },
  input: NewTenant,
): Promise<CreatedTenant> {
  const tenantId = deps.ids.next();
  const rootId = deps.ids.next();
  const timeZone = checkTimeZone(input.timeZone ?? "Asia/Almaty");
  const openedOn = checkDate(input.openedOn ?? businessDate(new Date(deps.now), timeZone));
  const path = childPath(null, rootId);
  try {
    await trx
      .insertInto("tenants")
      .values({
        id: tenantId,
        tenantId,
        slug: input.slug,
        name: input.name,
        country: input.country ?? "KZ",
        defaultLocale: input.defaultLocale ?? "kk",
        createdAt: deps.now,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("TENANT_SLUG_TAKEN", { slug: input.slug });
    throw error;
  }
  await trx
    .insertInto("organisations")
    .values({
      id: rootId,
      tenantId,
      parentId: null,
      kind: input.kind,
      name: input.name,
      nameFolded: foldForSearch(input.name),
      path,
      depth: 0,
      region: input.region ?? null,
      district: null,
      village: null,
      territoryCode: null,
      currency: checkCurrency(input.currency ?? "KZT"),
      timeZone,
      openedOn,
      status: "active",
      statusChangedOn: null,
      createdAt: deps.now,
      updatedAt: deps.now,
    })
    .execute();
  await trx
    .insertInto("orgParentHistory")
    .values({
      id: deps.ids.next(),
      tenantId,
      orgId: rootId,
      parentId: null,
      validFrom: openedOn,
      validTo: null,
      recordedAt: deps.now,
    })
    .execute();
  return { tenantId, rootId, rootPath: path };
}

const TENANT_LANGUAGE = prepared((db, a: { tenantId: string }) =>
  db.selectFrom("tenants").select("defaultLocale").where("id", "=", a.tenantId),
);

/**
 * The tenant's language: the language its books are kept in (the chart of accounts' names, the
 * descriptions of the entries Qadam writes) whoever posts them.
 */
export async function tenantLanguage(db: Db, tenantId: string): Promise<Locale> {
  const row = await TENANT_LANGUAGE.first(db, { tenantId });
  return row && isLocale(row.defaultLocale) ? row.defaultLocale : "kk";
}
