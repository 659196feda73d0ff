// The shg feature's reads and writes over /api/v1, typed and checked by the groups, members, people and
// orgs contracts of @qadam/core. Reads are TanStack Query options, so screens share one cached answer.
import { type Page, pageSchema } from "@qadam/core/contract/pagination";
import {
  closedShareoutSchema,
  gradeHistorySchema,
  gradeSchema,
  meetingListSchema,
  meetingSchema,
  passbookSchema,
  rulesVersionsSchema,
  shareoutSchema,
} from "@qadam/core/groups/contract";
import { type JoinBody, membershipSchema } from "@qadam/core/members/contract";
import { type OrganisationDto, organisationSchema } from "@qadam/core/orgs/contract";
import { type PersonDto, personSchema, type RegisterPersonBody } from "@qadam/core/people/contract";
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client.js";

export type { OrganisationDto, PersonDto };

const orgPage = pageSchema(organisationSchema);
const memberPage = pageSchema(membershipSchema);
const personPage = pageSchema(personSchema);

/** Self-help groups the reader may see, a page at a time. */
export const groupsPage = (query: {
  cursor: string | undefined;
  limit: number;
}): Promise<Page<OrganisationDto>> =>
  api("GET", "/api/v1/orgs", { query: { kind: "shg", ...query }, schema: orgPage });

/** People the reader may see, a page at a time. */
export const peoplePage = (query: { cursor: string | undefined; limit: number }): Promise<Page<PersonDto>> =>
  api("GET", "/api/v1/people", { query, schema: personPage });

const g = (groupId: string) => `/api/v1/groups/${encodeURIComponent(groupId)}` as const;

export const groupQuery = (groupId: string) =>
  queryOptions({
    queryKey: ["shg", groupId, "org"],
    queryFn: () => api("GET", `/api/v1/orgs/${encodeURIComponent(groupId)}`, { schema: organisationSchema }),
  });

/** Everyone who was ever a member of the group, those who left included (a few dozen: every page). */
export const membersQuery = (groupId: string) =>
  queryOptions({
    queryKey: ["shg", groupId, "members"],
    queryFn: async () => {
      const items = [];
      let cursor: string | undefined;
      do {
        const page = await api("GET", `${g(groupId)}/members`, {
          query: { status: "all", limit: 200, cursor },
          schema: memberPage,
        });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
  });

export const rulesQuery = (groupId: string) =>
  queryOptions({
    queryKey: ["shg", groupId, "rules"],
    queryFn: () => api("GET", `${g(groupId)}/rules`, { schema: rulesVersionsSchema }),
  });

/** Every meeting of the group (about fifty a year), in the order they were recorded. */
export const meetingsQuery = (groupId: string) =>
  queryOptions({
    queryKey: ["shg", groupId, "meetings"],
    queryFn: async () => {
      const first = await api("GET", `${g(groupId)}/meetings`, {
        query: { limit: 200 },
        schema: meetingListSchema,
      });
      const items = [...first.items];
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await api("GET", `${g(groupId)}/meetings`, {
          query: { limit: 200, cursor },
          schema: meetingListSchema,
        });
        items.push(...page.items);
        cursor = page.nextCursor;
      }
      return { currency: first.currency, items };
    },
  });

export const meetingQuery = (groupId: string, meetingId: string) =>
  queryOptions({
    queryKey: ["shg", groupId, "meeting", meetingId],
    queryFn: () =>
      api("GET", `${g(groupId)}/meetings/${encodeURIComponent(meetingId)}`, { schema: meetingSchema }),
  });

export const passbookQuery = (groupId: string, personId: string) =>
  queryOptions({
    queryKey: ["shg", groupId, "passbook", personId],
    queryFn: () =>
      api("GET", `${g(groupId)}/members/${encodeURIComponent(personId)}/passbook`, {
        schema: passbookSchema,
      }),
  });

export const gradeQuery = (groupId: string) =>
  queryOptions({
    queryKey: ["shg", groupId, "grade"],
    queryFn: () => api("GET", `${g(groupId)}/grade`, { schema: gradeSchema }),
  });

export const gradesQuery = (groupId: string) =>
  queryOptions({
    queryKey: ["shg", groupId, "grades"],
    queryFn: () => api("GET", `${g(groupId)}/grades`, { schema: gradeHistorySchema }),
  });

export const shareoutQuery = (groupId: string, on: string) =>
  queryOptions({
    queryKey: ["shg", groupId, "shareout", on],
    queryFn: () => api("GET", `${g(groupId)}/shareout`, { query: { on }, schema: shareoutSchema }),
  });

/** Closes the cycle on the date and pays the share-out. */
export const commitShareout = (groupId: string, body: { on: string; carryOverLoans: boolean }) =>
  api("POST", `${g(groupId)}/shareout`, { body, schema: closedShareoutSchema });

export const registerPerson = (body: RegisterPersonBody) =>
  api("POST", "/api/v1/people", { body, schema: personSchema });

export const joinGroup = (groupId: string, body: JoinBody) =>
  api("POST", `${g(groupId)}/members`, { body, schema: membershipSchema });
