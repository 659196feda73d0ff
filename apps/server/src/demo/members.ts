// The demo's people and memberships: women of the groups' villages, with consent, most with an IIN
// and a phone, some households; officers in each group; some who left, and some who moved groups.

import { addDays } from "@qadam/core/clock";
import { FAMILY_NAMES, FATHERS, GIVEN_NAMES } from "./names.js";
import type { DemoRandom } from "./random.js";
import type { DemoGroup } from "./tree.js";

export interface DemoPerson {
  id: string;
  tenantId: string;
  orgId: string;
  familyName: string;
  givenName: string;
  patronymic: string;
  birthDate: string;
  sex: "female";
  phone: string | null;
  /** The IIN's first eleven digits; the check digit is added by the people module's rules. */
  iinStem: string | null;
  village: string | null;
  consentGivenOn: string;
  household: string | null;
}

export interface DemoMembership {
  id: string;
  tenantId: string;
  personId: string;
  groupId: string;
  role: "president" | "secretary" | "treasurer" | "member";
  joinedOn: string;
  leftOn: string | null;
  leftReason: string | null;
}

const OFFICERS = ["president", "secretary", "treasurer"] as const;
const MOBILE_PREFIXES = ["700", "701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"];
const CONSENT_SCOPE = "membership records, savings and credit history, reports to the federation and the MFO";

export { CONSENT_SCOPE };

function clampToToday(date: string, today: string): string {
  return date > today ? today : date;
}

/** Builds the people of one group (and, for those who moved, their later membership elsewhere). */
export function planGroupMembers(
  random: DemoRandom,
  nextId: () => string,
  group: DemoGroup,
  today: string,
  serials: { next: () => number },
): {
  people: DemoPerson[];
  memberships: DemoMembership[];
  leavers: Array<{ person: DemoPerson; leftOn: string }>;
} {
  const people: DemoPerson[] = [];
  const memberships: DemoMembership[] = [];
  const leavers: Array<{ person: DemoPerson; leftOn: string }> = [];
  for (let i = 0; i < group.size; i++) {
    const year = random.int(1962, 2004);
    const birthDate = `${year}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;
    const joinedOn = clampToToday(
      addDays(group.openedOn, i < 10 ? random.int(0, 14) : random.int(15, 400)),
      today,
    );
    const person: DemoPerson = {
      id: nextId(),
      tenantId: group.tenantId,
      orgId: group.id,
      familyName: random.pick(FAMILY_NAMES),
      givenName: random.pick(GIVEN_NAMES),
      patronymic: `${random.pick(FATHERS)}қызы`,
      birthDate,
      sex: "female",
      phone: random.chance(0.85)
        ? `+7${random.pick(MOBILE_PREFIXES)}${String(random.int(0, 9_999_999)).padStart(7, "0")}`
        : null,
      // Century-and-sex digit for women: 4 for the 20th century, 6 for the 21st.
      iinStem: random.chance(0.8)
        ? `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${year >= 2000 ? "6" : "4"}${String(serials.next()).padStart(4, "0")}`
        : null,
      village: group.village,
      consentGivenOn: joinedOn,
      household: random.chance(0.25) ? `${random.pick(FAMILY_NAMES).replace(/а$/, "")} отбасы` : null,
    };
    people.push(person);
    const role = i < OFFICERS.length ? (OFFICERS[i] ?? "member") : "member";
    // About one ordinary member in twenty-five has left the group.
    const left = role === "member" && random.chance(0.04) && joinedOn < today;
    const leftOn = left ? clampToToday(addDays(joinedOn, random.int(30, 700)), today) : null;
    memberships.push({
      id: nextId(),
      tenantId: group.tenantId,
      personId: person.id,
      groupId: group.id,
      role,
      joinedOn,
      leftOn: leftOn && leftOn > joinedOn ? leftOn : null,
      leftReason:
        leftOn && leftOn > joinedOn
          ? random.pick(["moved away", "dropped out", "joined another group"])
          : null,
    });
    if (leftOn && leftOn > joinedOn && random.chance(0.3)) leavers.push({ person, leftOn });
  }
  return { people, memberships, leavers };
}
