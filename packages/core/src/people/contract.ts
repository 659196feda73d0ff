// The people domain's contract: the request and response schemas of people, households and anonymous
// counts under /api/v1, and their types.
import { z } from "zod";
import { pageQuery } from "../contract/pagination.js";
import { clientId, calendarDate as date, recordId } from "../contract/schemas.js";

const name = z.string().max(100).nullable().optional();
export const sexSchema = z.enum(["female", "male"]);

const personDetails = {
  familyName: name,
  givenName: name,
  patronymic: name,
  birthDate: date.nullable().optional(),
  sex: sexSchema.nullable().optional(),
  phone: z.string().max(40).nullable().optional(),
  iin: z.string().max(20).nullable().optional(),
  householdId: recordId.nullable().optional(),
  village: z.string().max(200).nullable().optional(),
};

export const registerPersonBody = z.strictObject({
  id: clientId.optional(),
  orgId: recordId,
  ...personDetails,
  consent: z.strictObject({ givenOn: date, scope: z.string().trim().min(1).max(500) }).nullable(),
});
export type RegisterPersonBody = z.infer<typeof registerPersonBody>;
export const updatePersonBody = z.strictObject(personDetails);
export type UpdatePersonBody = z.infer<typeof updatePersonBody>;
export const withdrawConsentBody = z.strictObject({ on: date });

export const peopleQuery = z.object({
  q: z.string().max(200).optional(),
  orgId: recordId.optional(),
  ...pageQuery,
});

export const personSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  familyName: z.string().nullable(),
  givenName: z.string().nullable(),
  patronymic: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: sexSchema.nullable(),
  phone: z.string().nullable(),
  iin: z.string().nullable(),
  householdId: z.string().nullable(),
  village: z.string().nullable(),
  consent: z.object({ givenOn: z.string(), scope: z.string() }).nullable(),
  consentWithdrawnOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonDto = z.infer<typeof personSchema>;

export const createHouseholdBody = z.strictObject({
  orgId: recordId,
  name: z.string().trim().min(1).max(200),
  village: z.string().max(200).nullable().optional(),
});

export const householdSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  village: z.string().nullable(),
  createdAt: z.string(),
  members: z.array(
    z.object({ id: z.string(), familyName: z.string().nullable(), givenName: z.string().nullable() }),
  ),
});
export type HouseholdDto = z.infer<typeof householdSchema>;

export const anonymousCountBody = z.strictObject({
  countedOn: date,
  count: z.number().int().min(1).max(1_000_000),
  sex: sexSchema.nullable().optional(),
  note: z.string().max(500).nullable().optional(),
});

export const anonymousCountSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  countedOn: z.string(),
  count: z.number().int(),
  sex: sexSchema.nullable(),
  note: z.string().nullable(),
});
export type AnonymousCountDto = z.infer<typeof anonymousCountSchema>;

export const anonymousCountsQuery = z.object({ ...pageQuery });
