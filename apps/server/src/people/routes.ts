// HTTP routes for people, households and anonymous counts, under /api/v1; the schemas are the
// contract's (@qadam/core/people/contract).

import { pageSchema } from "@qadam/core/contract/pagination";
import { recordId } from "@qadam/core/contract/schemas";
import {
  anonymousCountBody,
  anonymousCountSchema,
  anonymousCountsQuery,
  createHouseholdBody,
  householdSchema,
  peopleQuery,
  personSchema,
  registerPersonBody,
  updatePersonBody,
  withdrawConsentBody,
} from "@qadam/core/people/contract";
import { z } from "zod";
import type { RouteModule } from "../platform/http/context.js";
import { command, query } from "../platform/http/route.js";
import {
  createHousehold,
  recordAnonymousCount,
  registerPerson,
  updatePerson,
  withdrawConsent,
} from "./commands.js";
import { findPerson } from "./lookup.js";
import { findHousehold, listAnonymousCounts, searchPeople } from "./queries.js";

export {
  anonymousCountSchema,
  householdSchema,
  type PersonDto,
  personSchema,
  registerPersonBody,
  updatePersonBody,
} from "@qadam/core/people/contract";

const idParams = z.object({ id: recordId });
const orgParams = z.object({ orgId: recordId });
const tags = ["people"];
const EXAMPLE_ORG = "0190f3d2-6a4e-7c1b-9f00-3b2a1c0d4e5f";
const PERSON_CHECKS = [
  "INVALID_IIN",
  "IIN_BIRTH_DATE_MISMATCH",
  "IIN_SEX_MISMATCH",
  "BIRTH_DATE_IN_FUTURE",
  "IIN_ALREADY_REGISTERED",
  "INVALID_PHONE",
] as const;

export const peopleRoutes: RouteModule = (app, deps) => {
  command(app, deps, {
    method: "POST",
    path: "/api/v1/people",
    tags,
    summary: "Register a person (consent required; IIN and phone validated)",
    description:
      "Registers a person in an organisation. Her consent to be recorded is required (else record her in an " +
      "anonymous count); an IIN is checked against its check digit, birth date and sex, a phone is normalised.",
    permission: "people.write",
    body: registerPersonBody,
    example: {
      orgId: EXAMPLE_ORG,
      familyName: "Ахметова",
      givenName: "Айгүл",
      sex: "female",
      birthDate: "1990-05-14",
      phone: "+7 701 234 5678",
      consent: { givenOn: "2026-03-02", scope: "membership and loans" },
    },
    response: personSchema,
    errors: [...PERSON_CHECKS, "CONSENT_REQUIRED", "CONSENT_DATE_IN_FUTURE"],
    command: { name: "person.register", status: 201 },
    run: (trx, ctx, { body }) => registerPerson(trx, ctx, body),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/people",
    tags,
    summary: "Search people by name (prefixes of every word), phone or IIN",
    description:
      "People you can see whose every word of q starts a name, or whose phone or IIN it is, optionally within " +
      "an organisation's subtree and its groups, a page at a time.",
    query: peopleQuery,
    response: pageSchema(personSchema),
    list: "paged",
    errors: [],
    handle: ({ actor, query }) => searchPeople(deps.db, actor, query),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/people/:id",
    tags,
    summary: "One person",
    description: "A person you can see, with her consent and household.",
    params: idParams,
    response: personSchema,
    errors: [],
    handle: ({ actor, params }) => findPerson(deps.db, actor, params.id),
  });

  command(app, deps, {
    method: "PATCH",
    path: "/api/v1/people/:id",
    tags,
    summary: "Correct a person's details",
    description:
      "Changes only the fields given, checked as at registration; an anonymised person cannot change.",
    permission: "people.write",
    params: idParams,
    body: updatePersonBody,
    example: { phone: "+7 701 234 5679", village: "Шамалған" },
    response: personSchema,
    errors: [...PERSON_CHECKS, "PERSON_ANONYMISED"],
    command: { name: "person.update" },
    run: (trx, ctx, { params, body }) => updatePerson(trx, ctx, params.id, body),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/people/:id/consent-withdrawal",
    tags,
    summary: "The person withdrew consent: erase her personal data, keep her as a count",
    description:
      "Erases the person's name, IIN, phone and birth date for good; she stays in the books as an anonymous " +
      "count at her organisation.",
    permission: "people.write",
    params: idParams,
    body: withdrawConsentBody,
    example: { on: "2026-03-02" },
    response: personSchema,
    errors: ["PERSON_ANONYMISED", "CONSENT_DATE_IN_FUTURE"],
    command: { name: "person.withdraw_consent" },
    run: (trx, ctx, { params, body }) => withdrawConsent(trx, ctx, params.id, body),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/households",
    tags,
    summary: "Create a household",
    description: "A household in an organisation, which people are then registered into (householdId).",
    permission: "people.write",
    body: createHouseholdBody,
    example: { orgId: EXAMPLE_ORG, name: "Бекова отбасы", village: "Шамалған" },
    response: householdSchema,
    errors: ["NOT_FOUND"],
    command: { name: "household.create", status: 201 },
    run: (trx, ctx, { body }) => createHousehold(trx, ctx, body),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/households/:id",
    tags,
    summary: "A household and its people",
    description: "A household you can see, with the people registered in it.",
    params: idParams,
    response: householdSchema,
    errors: [],
    handle: ({ actor, params }) => findHousehold(deps.db, actor, params.id),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/orgs/:orgId/anonymous-counts",
    tags,
    summary: "Record people served without consent to be recorded, as a count",
    description:
      "How many people the organisation served on a day without recording who they were (no consent), " +
      "optionally by sex, so that indicators still count them.",
    permission: "people.write",
    params: orgParams,
    body: anonymousCountBody,
    example: { countedOn: "2026-03-02", count: 12, sex: "female", note: "walk-in clients" },
    response: anonymousCountSchema,
    errors: [],
    command: { name: "anonymous_count.record", status: 201 },
    run: (trx, ctx, { params, body }) => recordAnonymousCount(trx, ctx, { orgId: params.orgId, ...body }),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/orgs/:orgId/anonymous-counts",
    tags,
    summary: "An organisation's anonymous counts",
    description:
      "The counts recorded at the organisation, in the order they were recorded, a page at a time.",
    params: orgParams,
    query: anonymousCountsQuery,
    response: pageSchema(anonymousCountSchema),
    list: "paged",
    errors: [],
    handle: ({ actor, params, query }) => listAnonymousCounts(deps.db, actor, params.orgId, query),
  });
};
