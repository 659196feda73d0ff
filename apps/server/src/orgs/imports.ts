// Organisations loaded in bulk (the demo's tree): rows the caller has already planned and checked, written
// in batches with what createOrganisation would write beside them (the folded name, a parent history row).
import type { IdSource } from "@qadam/core/ids";
import type { OrgKind, OrgStatus } from "@qadam/core/orgs/types";
import { foldForSearch } from "@qadam/core/text";
import type { Db } from "../platform/db/database.js";
import type { CalendarDate, Instant } from "../platform/db/schema.js";
import { slicesOf } from "../platform/db/slices.js";

/** An organisation to load: its place in the tree (materialised path, depth) is the caller's to get right. */
export interface ImportedOrganisation {
  id: string;
  tenantId: string;
  parentId: string;
  kind: OrgKind;
  name: string;
  path: string;
  depth: number;
  region: string | null;
  district: string | null;
  village: string | null;
  currency: string;
  timeZone: string;
  openedOn: CalendarDate;
  status: OrgStatus;
  statusChangedOn: CalendarDate | null;
}

const BATCH = 500;

/** Writes `orgs` (parents before children) and their first parent-history rows, recorded at `at`. */
export async function importOrganisations(
  db: Db,
  orgs: readonly ImportedOrganisation[],
  ids: IdSource,
  at: Instant,
): Promise<void> {
  const rows = orgs.map((o) => ({
    ...o,
    nameFolded: foldForSearch(o.name),
    territoryCode: null,
    createdAt: at,
    updatedAt: at,
  }));
  for (const batch of slicesOf(rows, BATCH)) await db.insertInto("organisations").values(batch).execute();
  const history = orgs.map((o) => ({
    id: ids.next(),
    tenantId: o.tenantId,
    orgId: o.id,
    parentId: o.parentId,
    validFrom: o.openedOn,
    validTo: null,
    recordedAt: at,
  }));
  for (const batch of slicesOf(history, BATCH))
    await db.insertInto("orgParentHistory").values(batch).execute();
}
