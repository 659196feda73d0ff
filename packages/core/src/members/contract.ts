// The members domain's contract: the request and response schemas of memberships under /api/v1, and
// their types.
import { z } from "zod";
import { pageQuery } from "../contract/pagination.js";
import { clientId, calendarDate as date, recordId } from "../contract/schemas.js";
import { MEMBER_ROLES } from "./types.js";

export const membershipSchema = z.object({
  id: z.string(),
  personId: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  role: z.enum(MEMBER_ROLES),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
  person: z.object({
    familyName: z.string().nullable(),
    givenName: z.string().nullable(),
    patronymic: z.string().nullable(),
  }),
});
export type MembershipDto = z.infer<typeof membershipSchema>;

export const joinBody = z.strictObject({
  id: clientId.optional(),
  personId: recordId,
  role: z.enum(MEMBER_ROLES).default("member"),
  joinedOn: date,
});
export type JoinBody = z.input<typeof joinBody>;

export const groupMembersQuery = z.object({
  status: z.enum(["active", "all"]).default("active"),
  ...pageQuery,
});
export const membershipsQuery = z.object({ ...pageQuery });

export const roleBody = z.strictObject({ role: z.enum(MEMBER_ROLES) });
export const leaveBody = z.strictObject({ leftOn: date, reason: z.string().max(500).nullable().optional() });
