// Memberships: a person's periods in a self-help group, with her role there.
// Guarantees:
// - a person belongs to at most one group of a tenant at a time: her periods never overlap, and the
//   database's partial unique indexes hold this under concurrent joins too (MEMBER_ALREADY_IN_GROUP);
// - she joins only an active group, on or after its opening, and only while her consent stands; a
//   period ends once, on or after the day it began;
// - a group has at most one holder of each office role at a time (MEMBERSHIP_ROLE_TAKEN);
// - memberships are read and changed only through the group's visibility (404) and members.write (403).
export { changeRole, joinGroup, leaveGroup } from "./commands.js";
export { findMembership, groupMembers, personMemberships } from "./queries.js";
export { memberRoutes } from "./routes.js";
