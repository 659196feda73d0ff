// People: the women Qadam serves, registered by an organisation with their consent.
// Guarantees:
// - a person is recorded only with her consent, on a date no later than her organisation's today; her
//   birth date is not in the future and agrees with her IIN (a valid IIN, its date and sex), and one IIN
//   belongs to at most one person of a tenant (a unique index, so also under concurrent registrations);
// - withdrawing consent erases her personal data for good and keeps only an anonymous count; an
//   anonymised person is never changed or enrolled again (PERSON_ANONYMISED);
// - an actor sees a person only through the organisation that registered her or a group she is or was
//   a member of (404 otherwise), and changes her only with people.write over one of those (403).
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
export { borrowablePerson, findPerson, type Person } from "./lookup.js";
export {
  findHousehold,
  type Household,
  listAnonymousCounts,
  type PeopleFilter,
  personNames,
  searchPeople,
} from "./queries.js";
export { peopleRoutes } from "./routes.js";
