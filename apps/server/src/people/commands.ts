// Commands on people: register (only with consent), correct, withdraw consent (personal data erased,
// the person kept as an anonymous count), households and anonymous counts.

import { assertCan } from "@qadam/core/auth/actor";
import { businessDate } from "@qadam/core/clock";
import { DomainError } from "@qadam/core/errors";
import type { Messages } from "@qadam/core/i18n";
import { checkDate } from "@qadam/core/orgs/values";
import { checkIin, type Sex } from "@qadam/core/people/iin";
import { normalisePhone } from "@qadam/core/people/phone";
import { searchTermsFor } from "@qadam/core/people/search-terms";
import { findOrganisation } from "../orgs/index.js";
import type { CommandContext } from "../platform/commands.js";
import { holdClientId } from "../platform/db/client-ids.js";
import { isUniqueViolation } from "../platform/db/constraint-errors.js";
import type { Db } from "../platform/db/database.js";
import { findPerson, type Person } from "./lookup.js";
import { findHousehold, type Household } from "./queries.js";

export interface PersonDetails {
  familyName?: string | null;
  givenName?: string | null;
  patronymic?: string | null;
  birthDate?: string | null;
  sex?: Sex | null;
  phone?: string | null;
  iin?: string | null;
  householdId?: string | null;
  village?: string | null;
}

export interface NewPerson extends PersonDetails {
  /**
   * The id the client chose (a UUIDv7, lower case), so that registering her again can never make a
   * second person; the server makes one when it is left out.
   */
  id?: string;
  /** The organisation registering her (a group, federation, centre…). */
  orgId: string;
  consent: { givenOn: string; scope: string } | null;
}

interface Checked {
  familyName: string | null;
  givenName: string | null;
  patronymic: string | null;
  birthDate: string | null;
  sex: Sex | null;
  phone: string | null;
  iin: string | null;
  householdId: string | null;
  village: string | null;
}

const clean = (v: string | null | undefined) =>
  v === undefined || v === null || v.trim() === "" ? null : v.trim();

/** Today in the time zone of the person's organisation: no birth or consent is recorded after it. */
function todayIn(ctx: CommandContext, timeZone: string): string {
  return businessDate(new Date(ctx.now), timeZone);
}

async function checkDetails(
  trx: Db,
  ctx: CommandContext,
  d: Checked,
  selfId: string | null,
  today: string,
): Promise<Checked> {
  if (!d.familyName && !d.givenName)
    throw new DomainError("VALIDATION_FAILED", { details: "" }, [
      { path: "familyName", code: "VALIDATION_FAILED", params: { check: "nameRequired" } },
    ]);
  const birthDate = d.birthDate ? checkDate(d.birthDate) : null;
  if (birthDate && birthDate > today)
    throw new DomainError("BIRTH_DATE_IN_FUTURE", { date: birthDate, today });
  const phone = d.phone ? normalisePhone(d.phone) : null;
  let iin: string | null = null;
  if (d.iin) {
    const check = checkIin(d.iin);
    if (!check.valid) {
      const reason = check.reason satisfies keyof Messages["iinReasons"];
      throw new DomainError("INVALID_IIN", { iin: d.iin.slice(0, 20), reason });
    }
    if (birthDate && birthDate !== check.birthDate)
      throw new DomainError("IIN_BIRTH_DATE_MISMATCH", { iin: check.iin, birthDate });
    if (d.sex && d.sex !== check.sex) throw new DomainError("IIN_SEX_MISMATCH", { iin: check.iin });
    iin = check.iin;
    const other = await trx
      .selectFrom("persons")
      .select("id")
      .where("tenantId", "=", ctx.actor.tenantId)
      .where("iin", "=", iin)
      .executeTakeFirst();
    if (other && other.id !== selfId) throw new DomainError("IIN_ALREADY_REGISTERED", { iin });
  }
  if (d.householdId) await findHousehold(trx, ctx.actor, d.householdId);
  return { ...d, birthDate, phone, iin };
}

async function writeSearchTerms(trx: Db, tenantId: string, personId: string, person: Checked): Promise<void> {
  await trx
    .deleteFrom("personSearchTerms")
    .where("tenantId", "=", tenantId)
    .where("personId", "=", personId)
    .execute();
  const terms = searchTermsFor(person);
  if (terms.length > 0) {
    await trx
      .insertInto("personSearchTerms")
      .values(terms.map((term) => ({ tenantId, term, personId })))
      .execute();
  }
}

function translateUnique(error: unknown, iin: string | null): never {
  if (isUniqueViolation(error) && iin) throw new DomainError("IIN_ALREADY_REGISTERED", { iin });
  throw error;
}

/**
 * Registers a person with her consent. With an id chosen by the client, registering her again with
 * the same details returns her as she is and changes nothing; another person's id, or hers with other
 * details than she now has, answers ID_CONFLICT. Errors: CONSENT_REQUIRED, CONSENT_DATE_IN_FUTURE,
 * NOT_FOUND, FORBIDDEN, ID_CONFLICT and those of the details (INVALID_IIN, IIN_ALREADY_REGISTERED…).
 */
export async function registerPerson(trx: Db, ctx: CommandContext, input: NewPerson): Promise<Person> {
  if (!input.consent) throw new DomainError("CONSENT_REQUIRED");
  const consentOn = checkDate(input.consent.givenOn);
  const org = await findOrganisation(trx, ctx.actor, input.orgId);
  assertCan(ctx.actor, "people.write", org.path, "organisation");
  if (input.id !== undefined) await holdClientId(trx, input.id);
  const today = todayIn(ctx, org.timeZone);
  if (consentOn > today) throw new DomainError("CONSENT_DATE_IN_FUTURE", { date: consentOn, today });
  const d = await checkDetails(
    trx,
    ctx,
    {
      familyName: clean(input.familyName),
      givenName: clean(input.givenName),
      patronymic: clean(input.patronymic),
      birthDate: clean(input.birthDate),
      sex: input.sex ?? null,
      phone: clean(input.phone),
      iin: clean(input.iin),
      householdId: clean(input.householdId),
      village: clean(input.village) ?? org.place.village,
    },
    input.id ?? null,
    today,
  );
  const consent = { givenOn: consentOn, scope: input.consent.scope.trim() };
  if (input.id !== undefined) {
    const existing = await personAlreadyRegistered(trx, ctx, input.id, { orgId: org.id, ...d, consent });
    if (existing) return existing;
  }
  const id = input.id ?? ctx.ids.next();
  await trx
    .insertInto("persons")
    .values({
      id,
      tenantId: ctx.actor.tenantId,
      orgId: org.id,
      ...d,
      consentGivenOn: consent.givenOn,
      consentScope: consent.scope,
      consentWithdrawnOn: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .execute()
    .catch((e: unknown) => translateUnique(e, d.iin));
  await writeSearchTerms(trx, ctx.actor.tenantId, id, d);
  ctx.touched("person", id);
  return findPerson(trx, ctx.actor, id);
}

/**
 * The person already registered under the client's id, if she has exactly the details sent (as she
 * is now: corrected since, or anonymised, she no longer has them); null when the id is free.
 * ID_CONFLICT otherwise, the same answer for an id of another tenant, which it must not reveal.
 */
async function personAlreadyRegistered(
  trx: Db,
  ctx: CommandContext,
  id: string,
  sent: Checked & { orgId: string; consent: { givenOn: string; scope: string } },
): Promise<Person | null> {
  const row = await trx
    .selectFrom("persons")
    .select([
      "tenantId",
      "orgId",
      "familyName",
      "givenName",
      "patronymic",
      "birthDate",
      "sex",
      "phone",
      "iin",
      "householdId",
      "village",
      "consentGivenOn",
      "consentScope",
      "consentWithdrawnOn",
    ])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const same =
    row.tenantId === ctx.actor.tenantId &&
    row.consentWithdrawnOn === null &&
    row.orgId === sent.orgId &&
    row.familyName === sent.familyName &&
    row.givenName === sent.givenName &&
    row.patronymic === sent.patronymic &&
    row.birthDate === sent.birthDate &&
    row.sex === sent.sex &&
    row.phone === sent.phone &&
    row.iin === sent.iin &&
    row.householdId === sent.householdId &&
    row.village === sent.village &&
    row.consentGivenOn === sent.consent.givenOn &&
    row.consentScope === sent.consent.scope;
  if (!same) throw new DomainError("ID_CONFLICT", { id });
  return findPerson(trx, ctx.actor, id);
}

export async function updatePerson(
  trx: Db,
  ctx: CommandContext,
  id: string,
  changes: PersonDetails,
): Promise<Person> {
  const current = await findPerson(trx, ctx.actor, id, "people.write");
  if (current.consentWithdrawnOn) throw new DomainError("PERSON_ANONYMISED");
  const pick = <K extends keyof PersonDetails>(k: K, now: Checked[K]): Checked[K] =>
    (changes[k] === undefined
      ? now
      : k === "sex"
        ? changes[k]
        : clean(changes[k] as string | null)) as Checked[K];
  const d = await checkDetails(
    trx,
    ctx,
    {
      familyName: pick("familyName", current.familyName),
      givenName: pick("givenName", current.givenName),
      patronymic: pick("patronymic", current.patronymic),
      birthDate: pick("birthDate", current.birthDate),
      sex: pick("sex", current.sex),
      phone: pick("phone", current.phone),
      iin: pick("iin", current.iin),
      householdId: pick("householdId", current.householdId),
      village: pick("village", current.village),
    },
    current.id,
    todayIn(ctx, (await findOrganisation(trx, ctx.actor, current.orgId)).timeZone),
  );
  await trx
    .updateTable("persons")
    .set({ ...d, updatedAt: ctx.now })
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("id", "=", current.id)
    .execute()
    .catch((e: unknown) => translateUnique(e, d.iin));
  await writeSearchTerms(trx, ctx.actor.tenantId, current.id, d);
  ctx.touched("person", current.id);
  return findPerson(trx, ctx.actor, current.id);
}

/**
 * The person withdrew her consent: her personal data is erased (names, birth date, phone, IIN,
 * household, village, search terms) and she is recorded as an anonymous count (one, her sex, the
 * date, at her registering organisation). The row stays only so that her memberships (and later
 * loans) still point somewhere: reports count people with consent plus anonymous counts, never
 * both for one person.
 */
export async function withdrawConsent(
  trx: Db,
  ctx: CommandContext,
  id: string,
  input: { on: string },
): Promise<Person> {
  const current = await findPerson(trx, ctx.actor, id, "people.write");
  if (current.consentWithdrawnOn) throw new DomainError("PERSON_ANONYMISED");
  const on = checkDate(input.on);
  await trx
    .updateTable("persons")
    .set({
      familyName: null,
      givenName: null,
      patronymic: null,
      birthDate: null,
      phone: null,
      iin: null,
      householdId: null,
      village: null,
      consentWithdrawnOn: on,
      updatedAt: ctx.now,
    })
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("id", "=", current.id)
    .execute();
  await trx
    .deleteFrom("personSearchTerms")
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("personId", "=", current.id)
    .execute();
  await insertAnonymousCount(trx, ctx, {
    orgId: current.orgId,
    countedOn: on,
    count: 1,
    sex: current.sex,
    note: null,
  });
  ctx.touched("person", current.id);
  return findPerson(trx, ctx.actor, current.id);
}

export async function createHousehold(
  trx: Db,
  ctx: CommandContext,
  input: { orgId: string; name: string; village?: string | null },
): Promise<Household> {
  const org = await findOrganisation(trx, ctx.actor, input.orgId);
  assertCan(ctx.actor, "people.write", org.path, "organisation");
  const id = ctx.ids.next();
  await trx
    .insertInto("households")
    .values({
      id,
      tenantId: ctx.actor.tenantId,
      orgId: org.id,
      name: input.name.trim(),
      village: clean(input.village) ?? org.place.village,
      createdAt: ctx.now,
    })
    .execute();
  ctx.touched("household", id);
  return findHousehold(trx, ctx.actor, id);
}

export interface AnonymousCount {
  id: string;
  orgId: string;
  countedOn: string;
  count: number;
  sex: Sex | null;
  note: string | null;
}

/** People served who did not consent to be recorded: only a number, a date and optionally a sex. */
export async function recordAnonymousCount(
  trx: Db,
  ctx: CommandContext,
  input: { orgId: string; countedOn: string; count: number; sex?: Sex | null; note?: string | null },
): Promise<AnonymousCount> {
  const org = await findOrganisation(trx, ctx.actor, input.orgId);
  assertCan(ctx.actor, "people.write", org.path, "organisation");
  return insertAnonymousCount(trx, ctx, {
    orgId: org.id,
    countedOn: checkDate(input.countedOn),
    count: input.count,
    sex: input.sex ?? null,
    note: clean(input.note),
  });
}

async function insertAnonymousCount(
  trx: Db,
  ctx: CommandContext,
  count: Omit<AnonymousCount, "id">,
): Promise<AnonymousCount> {
  const row = { id: ctx.ids.next(), tenantId: ctx.actor.tenantId, ...count, createdAt: ctx.now };
  await trx.insertInto("anonymousCounts").values(row).execute();
  ctx.touched("anonymous_count", row.id);
  return {
    id: row.id,
    orgId: row.orgId,
    countedOn: row.countedOn,
    count: row.count,
    sex: row.sex,
    note: row.note,
  };
}
