// Memberships: a person's periods in a self-help group, with her role there.
// Guarantees:
// - a person is an active member of at most one group of a tenant (a partial unique index, so also
//   under concurrent joins: MEMBER_ALREADY_IN_GROUP), and her periods never overlap;
// - she joins only an active group, on or after its opening, and never once anonymised; a period ends
//   once, on or after the day it began;
// - a group has at most one active holder of each office role (a partial unique index too);
// - memberships are read through the group's visibility (404) and changed with members.write (403).
export { changeRole, joinGroup, leaveGroup } from "./commands.js";
export { findMembership, groupMembers, personMemberships } from "./queries.js";
export {
  currentMembersAmong,
  everMember,
  firstJoinedOn,
  type GroupRef,
  type MemberOnDate,
  type MembershipMovements,
  membershipMovements,
  membersOn,
} from "./rosters.js";
export { memberRoutes } from "./routes.js";
