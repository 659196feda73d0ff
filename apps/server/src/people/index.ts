// People: the women Qadam serves, registered by an organisation with their consent, their households
// and their memberships of self-help groups (members/).
// Guarantees:
// - a person is recorded only with her consent, on a date no later than her organisation's today; her
//   birth date is not in the future and agrees with her IIN (a valid IIN, its date and sex), and one IIN
//   belongs to at most one person of a tenant (a unique index, so also under concurrent registrations);
// - withdrawing consent erases her personal data for good and keeps only an anonymous count; an
//   anonymised person is never changed or enrolled again (PERSON_ANONYMISED);
// - an actor sees a person only through the organisation that registered her or a group she is or was
//   a member of (404 otherwise), and changes her only with people.write over one of those (403);
// - a person is an active member of at most one group of a tenant (a partial unique index, so also
//   under concurrent joins: MEMBER_ALREADY_IN_GROUP), and her periods never overlap; she joins only an
//   active group, on or after its opening, and never once anonymised; a period ends once, on or after
//   the day it began; a group has at most one active holder of each office role (a partial unique index);
//   memberships are read through the group's visibility (404) and changed with members.write (403).
export {
  type AnonymousCount,
  createHousehold,
  type NewPerson,
  type PersonDetails,
  recordAnonymousCount,
  registerPerson,
  updatePerson,
  withdrawConsent,
} from "./commands.js";
export { type PersonContact, personContacts, searchContacts } from "./contacts.js";
export {
  type ImportedHousehold,
  type ImportedMembership,
  type ImportedPerson,
  importAnonymousCounts,
  importHouseholds,
  importMemberships,
  importPeople,
} from "./imports.js";
export { borrowablePerson, findPerson, type Person } from "./lookup.js";
export { changeRole, joinGroup, leaveGroup } from "./members/commands.js";
export { findMembership, groupMembers, personMemberships } from "./members/queries.js";
export {
  currentMembersAmong,
  everMember,
  firstJoinedOn,
  type GroupRef,
  groupMembershipHistory,
  type MemberOnDate,
  type MembershipMovements,
  membershipMovements,
  membersOn,
  openMemberships,
} from "./members/rosters.js";
export { memberRoutes } from "./members/routes.js";
export {
  findHousehold,
  type Household,
  listAnonymousCounts,
  type PeopleFilter,
  personNames,
  searchPeople,
} from "./queries.js";
export { peopleRoutes } from "./routes.js";
