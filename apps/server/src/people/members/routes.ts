// HTTP routes for membership of people in self-help groups, under /api/v1; the schemas are the
// contract's (@qadam/core/members/contract).

import { pageSchema } from "@qadam/core/contract/pagination";
import { recordId } from "@qadam/core/contract/schemas";
import {
  groupMembersQuery,
  joinBody,
  leaveBody,
  membershipSchema,
  membershipsQuery,
  roleBody,
} from "@qadam/core/members/contract";
import { z } from "zod";
import type { RouteModule } from "../../platform/http/context.js";
import { command, query } from "../../platform/http/route.js";
import { changeRole, joinGroup, leaveGroup } from "./commands.js";
import { findMembership, groupMembers, personMemberships } from "./queries.js";

export { joinBody, membershipSchema } from "@qadam/core/members/contract";

const tags = ["members"];
const idParams = z.object({ id: recordId });
const groupParams = z.object({ groupId: recordId });

export const memberRoutes: RouteModule = (app, deps) => {
  command(app, deps, {
    method: "POST",
    path: "/api/v1/groups/:groupId/members",
    tags,
    summary: "A person joins a self-help group (refused if she is an active member of another)",
    description:
      "The person becomes a member of the group from the date given, with a role (member by default; one " +
      "president, secretary and treasurer at a time). A woman is an active member of one group at a time.",
    permission: "members.write",
    params: groupParams,
    body: joinBody,
    example: { personId: "0190f3d2-6a4e-7c1b-9f00-3b2a1c0d4e5f", role: "member", joinedOn: "2026-03-02" },
    response: membershipSchema,
    errors: [
      "MEMBER_ALREADY_IN_GROUP",
      "MEMBERSHIP_ROLE_TAKEN",
      "MEMBERSHIP_PERIOD_OVERLAP",
      "ORG_NOT_A_GROUP",
      "ORG_NOT_ACTIVE",
      "ORG_DATE_BEFORE_OPENING",
      "PERSON_ANONYMISED",
    ],
    command: { name: "member.join", status: 201 },
    run: (trx, ctx, { params, body }) => joinGroup(trx, ctx, { groupId: params.groupId, ...body }),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/groups/:groupId/members",
    tags,
    summary: "A group's members (active, or all with those who left)",
    description: "The group's memberships in the order the members joined, a page at a time.",
    params: groupParams,
    query: groupMembersQuery,
    response: pageSchema(membershipSchema),
    list: "paged",
    errors: [],
    handle: ({ actor, params, query }) => groupMembers(deps.db, actor, params.groupId, query),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/people/:id/memberships",
    tags,
    summary: "A person's memberships",
    description:
      "The person's memberships, past and present, in the groups you can see, in the order she joined them.",
    params: idParams,
    query: membershipsQuery,
    response: pageSchema(membershipSchema),
    list: "paged",
    errors: [],
    handle: ({ actor, params, query }) => personMemberships(deps.db, actor, params.id, query),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/memberships/:id",
    tags,
    summary: "One membership",
    description: "A membership in a group you can see, with the member's name.",
    params: idParams,
    response: membershipSchema,
    errors: [],
    handle: ({ actor, params }) => findMembership(deps.db, actor, params.id),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/memberships/:id/role",
    tags,
    summary: "Change a member's role (one president, secretary and treasurer at a time)",
    description: "Gives an active member another role; a role held by another active member is refused.",
    permission: "members.write",
    params: idParams,
    body: roleBody,
    example: { role: "treasurer" },
    response: membershipSchema,
    errors: ["MEMBERSHIP_ROLE_TAKEN", "MEMBERSHIP_ALREADY_ENDED"],
    command: { name: "member.role" },
    run: (trx, ctx, { params, body }) => changeRole(trx, ctx, params.id, body),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/memberships/:id/leave",
    tags,
    summary: "A member leaves the group",
    description: "Ends the membership on the date given (not before she joined), with an optional reason.",
    permission: "members.write",
    params: idParams,
    body: leaveBody,
    example: { leftOn: "2026-03-02", reason: "moved to the city" },
    response: membershipSchema,
    errors: ["MEMBERSHIP_ALREADY_ENDED", "MEMBERSHIP_DATES_INVALID"],
    command: { name: "member.leave" },
    run: (trx, ctx, { params, body }) => leaveGroup(trx, ctx, params.id, body),
  });
};
