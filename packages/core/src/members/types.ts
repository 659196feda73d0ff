// Membership of a person in a self-help group, with a role and the dates she joined and left.
export const MEMBER_ROLES = ["president", "secretary", "treasurer", "member"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface Membership {
  id: string;
  personId: string;
  groupId: string;
  groupName: string;
  role: MemberRole;
  joinedOn: string;
  leftOn: string | null;
  leftReason: string | null;
  person: { familyName: string | null; givenName: string | null; patronymic: string | null };
}

export function isMemberRole(value: string): value is MemberRole {
  return (MEMBER_ROLES as readonly string[]).includes(value);
}
