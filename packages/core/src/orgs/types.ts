// The organisation tree's vocabulary: kinds, statuses, and which kind may sit under which.

export const ORG_KINDS = [
  "association",
  "partner_ngo",
  "federation",
  "cluster",
  "shg",
  "mfo",
  "centre",
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ROOT_KINDS = ["association", "partner_ngo"] as const satisfies readonly OrgKind[];
export type RootKind = (typeof ROOT_KINDS)[number];

export const ORG_STATUSES = ["active", "dormant", "closed"] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

/** The kinds a kind may be placed under; roots have none. */
export const ALLOWED_PARENTS: Record<OrgKind, readonly OrgKind[]> = {
  association: [],
  partner_ngo: [],
  federation: ["association", "partner_ngo", "federation"],
  cluster: ["federation", "cluster"],
  shg: ["federation", "cluster"],
  mfo: ["association", "partner_ngo"],
  centre: ["association", "partner_ngo", "mfo"],
};

export interface Organisation {
  id: string;
  tenantId: string;
  parentId: string | null;
  kind: OrgKind;
  name: string;
  path: string;
  depth: number;
  place: {
    region: string | null;
    district: string | null;
    village: string | null;
    territoryCode: string | null;
  };
  currency: string;
  timeZone: string;
  openedOn: string;
  status: OrgStatus;
  statusChangedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export function isOrgKind(value: string): value is OrgKind {
  return (ORG_KINDS as readonly string[]).includes(value);
}

export function mayPlaceUnder(kind: OrgKind, parentKind: OrgKind): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? "/"}${id}/`;
}
