// The organisation tree's contract: the request and response schemas of /api/v1/orgs and their types.
import { z } from "zod";
import { pageQuery } from "../contract/pagination.js";
import { calendarDate as date, recordId } from "../contract/schemas.js";
import { ORG_KINDS, ORG_STATUSES } from "./types.js";

const text = (max: number) => z.string().trim().min(1).max(max);

export const placeSchema = z.object({
  region: text(200).nullable().optional(),
  district: text(200).nullable().optional(),
  village: text(200).nullable().optional(),
  territoryCode: z
    .string()
    .regex(/^[0-9A-Za-z.-]{1,20}$/, "an official territory code (e.g. a 9-digit KATO code)")
    .nullable()
    .optional(),
});

export const organisationSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(ORG_KINDS),
  name: z.string(),
  depth: z.number().int(),
  place: z.object({
    region: z.string().nullable(),
    district: z.string().nullable(),
    village: z.string().nullable(),
    territoryCode: z.string().nullable(),
  }),
  currency: z.string(),
  timeZone: z.string(),
  openedOn: z.string(),
  status: z.enum(ORG_STATUSES),
  statusChangedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrganisationDto = z.infer<typeof organisationSchema>;

export const createOrganisationBody = z.strictObject({
  parentId: recordId,
  kind: z.enum(["federation", "cluster", "shg", "mfo", "centre"]),
  name: text(200),
  place: placeSchema.strict().optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, "an ISO 4217 code")
    .optional(),
  timeZone: text(64).optional(),
  openedOn: date.optional(),
});
export type CreateOrganisationBody = z.infer<typeof createOrganisationBody>;

export const updateOrganisationBody = z.strictObject({
  name: text(200).optional(),
  place: placeSchema.strict().optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, "an ISO 4217 code")
    .optional(),
  timeZone: text(64).optional(),
});
export type UpdateOrganisationBody = z.infer<typeof updateOrganisationBody>;

export const moveOrganisationBody = z.strictObject({ parentId: recordId, movedOn: date });
export const statusBody = z.strictObject({ status: z.enum(ORG_STATUSES), on: date });

export const orgListQuery = z.object({
  parentId: recordId.optional(),
  under: recordId.optional(),
  kind: z.enum(ORG_KINDS).optional(),
  status: z.enum(ORG_STATUSES).optional(),
  q: z.string().max(200).optional(),
  ...pageQuery,
});

export const parentPeriodSchema = z.object({
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export const parentHistorySchema = z.object({ items: z.array(parentPeriodSchema) });
