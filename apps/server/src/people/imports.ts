// People loaded in bulk (the demo, an import from another register): rows the caller has already checked
// (IINs valid and unique, consent given, groups open), written in batches with what the commands would
// write beside them (search terms). The caller's transaction holds them: one load, one transaction.
import type { MemberRole } from "@qadam/core/members/types";
import type { Sex } from "@qadam/core/people/iin";
import { searchTermsFor } from "@qadam/core/people/search-terms";
import type { Db } from "../platform/db/database.js";
import type { CalendarDate, HouseholdsTable, Instant } from "../platform/db/schema.js";
import { slicesOf } from "../platform/db/slices.js";
import type { AnonymousCount } from "./commands.js";

export type ImportedHousehold = Omit<HouseholdsTable, "createdAt">;

export interface ImportedPerson {
  id: string;
  tenantId: string;
  orgId: string;
  familyName: string | null;
  givenName: string | null;
  patronymic: string | null;
  birthDate: CalendarDate | null;
  sex: Sex | null;
  phone: string | null;
  iin: string | null;
  householdId: string | null;
  village: string | null;
  consentGivenOn: CalendarDate;
  consentScope: string;
}

export interface ImportedMembership {
  id: string;
  tenantId: string;
  personId: string;
  groupId: string;
  role: MemberRole;
  joinedOn: CalendarDate;
  leftOn: CalendarDate | null;
  leftReason: string | null;
}

const BATCH = 500;

/** Writes households, recorded at `at`. */
export async function importHouseholds(db: Db, households: readonly ImportedHousehold[], at: Instant) {
  for (const batch of slicesOf(households, BATCH)) {
    await db
      .insertInto("households")
      .values(batch.map((h) => ({ ...h, createdAt: at })))
      .execute();
  }
}

/** Writes people (their households first) and the terms they are searched by, recorded at `at`. */
export async function importPeople(db: Db, people: readonly ImportedPerson[], at: Instant) {
  for (const batch of slicesOf(people, BATCH)) {
    await db
      .insertInto("persons")
      .values(batch.map((p) => ({ ...p, consentWithdrawnOn: null, createdAt: at, updatedAt: at })))
      .execute();
  }
  const terms = people.flatMap((p) =>
    searchTermsFor(p).map((term) => ({ tenantId: p.tenantId, term, personId: p.id })),
  );
  for (const batch of slicesOf(terms, BATCH * 2))
    await db.insertInto("personSearchTerms").values(batch).execute();
}

/** Writes memberships (their people first; no two open ones of a person), recorded at `at`. */
export async function importMemberships(db: Db, memberships: readonly ImportedMembership[], at: Instant) {
  for (const batch of slicesOf(memberships, BATCH)) {
    await db
      .insertInto("memberships")
      .values(batch.map((m) => ({ ...m, createdAt: at, updatedAt: at })))
      .execute();
  }
}

/** Writes anonymous counts of a tenant, recorded at `at`. */
export async function importAnonymousCounts(
  db: Db,
  tenantId: string,
  counts: readonly AnonymousCount[],
  at: Instant,
) {
  for (const batch of slicesOf(counts, BATCH)) {
    await db
      .insertInto("anonymousCounts")
      .values(batch.map((c) => ({ ...c, tenantId, createdAt: at })))
      .execute();
  }
}
