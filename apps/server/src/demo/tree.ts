// The demo's organisation tree: an association with federations, clusters and groups sized to the
// number of members asked for, its MFO and children's centre; and a partner NGO of its own.
import { addDays } from "@qadam/core/clock";
import type { IdSource } from "@qadam/core/ids";
import { importOrganisations } from "../orgs/index.js";
import type { Db } from "../platform/db/database.js";
import { GROUP_NAMES, PLACES } from "./names.js";
import type { DemoRandom } from "./random.js";

export interface DemoOrg {
  id: string;
  tenantId: string;
  parentId: string;
  kind: "federation" | "cluster" | "shg" | "mfo" | "centre";
  name: string;
  path: string;
  depth: number;
  region: string;
  district: string | null;
  village: string | null;
  openedOn: string;
  status: "active" | "dormant";
}

export interface DemoGroup extends DemoOrg {
  kind: "shg";
  /** How many members the group gets. */
  size: number;
  federationId: string;
}

export interface TreePlan {
  orgs: DemoOrg[];
  groups: DemoGroup[];
  federations: DemoOrg[];
  mfo: DemoOrg | null;
  centre: DemoOrg | null;
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function planTree(
  random: DemoRandom,
  ids: IdSource,
  root: { tenantId: string; rootId: string; rootPath: string },
  options: { members: number; federations?: number; withMfo: boolean; label: string; today: string },
): TreePlan {
  // Groups opened in the eight years before this one, federations in the eleventh and tenth.
  const year = Number(options.today.slice(0, 4));
  const orgs: DemoOrg[] = [];
  const groups: DemoGroup[] = [];
  const federations: DemoOrg[] = [];
  const add = <T extends DemoOrg>(
    org: Omit<T, "path" | "depth" | "id" | "parentId"> & {
      parent: { id: string; path: string; depth: number };
    },
  ): T => {
    const id = ids.next();
    const { parent, ...rest } = org;
    const made = {
      ...rest,
      id,
      parentId: parent.id,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
    } as unknown as T;
    orgs.push(made);
    return made;
  };
  const rootRef = { id: root.rootId, path: root.rootPath, depth: 0 };

  // Group sizes first, so the tree is sized by the members asked for (10–20 members a group).
  const sizes: number[] = [];
  let left = options.members;
  while (left > 0) {
    const size = Math.min(left, random.int(10, 20));
    sizes.push(size);
    left -= size;
  }
  const federationCount = options.federations ?? Math.max(2, Math.round(sizes.length / 150));
  const perFederation = Math.ceil(sizes.length / federationCount);
  let groupIndex = 0;
  for (let f = 0; f < federationCount; f++) {
    const place = PLACES[f % PLACES.length] ?? PLACES[0]!;
    const federation = add<DemoOrg>({
      tenantId: root.tenantId,
      kind: "federation",
      name: `${place.district.replace(" ауданы", "")} ${options.label} федерациясы${f >= PLACES.length ? ` ${Math.floor(f / PLACES.length) + 1}` : ""}`,
      region: place.region,
      district: place.district,
      village: place.villages[0] ?? null,
      openedOn: isoDate(year - 11 + (f % 2), 3, 1),
      status: "active",
      parent: rootRef,
    });
    federations.push(federation);
    // The second federation keeps its groups directly under it: clusters are optional.
    const useClusters = f !== 1;
    let cluster: DemoOrg | null = null;
    for (let g = 0; g < perFederation && groupIndex < sizes.length; g++, groupIndex++) {
      if (useClusters && g % 10 === 0) {
        const village = place.villages[(g / 10) % place.villages.length] ?? place.villages[0] ?? null;
        cluster = add<DemoOrg>({
          tenantId: root.tenantId,
          kind: "cluster",
          name: `${village} кластері${g >= place.villages.length * 10 ? ` ${Math.floor(g / 10) + 1}` : ""}`,
          region: place.region,
          district: place.district,
          village,
          openedOn: isoDate(year - 9, 6, 1),
          status: "active",
          parent: federation,
        });
      }
      const parent = useClusters && cluster ? cluster : federation;
      const village = random.pick(place.villages);
      const group = add<DemoGroup>({
        tenantId: root.tenantId,
        kind: "shg",
        name: `${random.pick(GROUP_NAMES)} №${groupIndex + 1}`,
        region: place.region,
        district: place.district,
        village,
        openedOn: isoDate(random.int(year - 8, year - 1), random.int(1, 12), random.int(1, 28)),
        // About one group in 25 has stopped meeting.
        status: random.chance(0.04) ? "dormant" : "active",
        size: sizes[groupIndex] ?? 10,
        federationId: federation.id,
        parent,
      });
      groups.push(group);
    }
  }
  const mfo = options.withMfo
    ? add<DemoOrg>({
        tenantId: root.tenantId,
        kind: "mfo",
        name: `${options.label} микроқаржы ұйымы`,
        region: "Алматы облысы",
        district: null,
        village: null,
        openedOn: "2008-09-01",
        status: "active",
        parent: rootRef,
      })
    : null;
  const centre = options.withMfo
    ? add<DemoOrg>({
        tenantId: root.tenantId,
        kind: "centre",
        name: "Балаларға көмек орталығы",
        region: "Алматы облысы",
        district: "Қарасай ауданы",
        village: "Қаскелең",
        openedOn: "2005-02-01",
        status: "active",
        parent: rootRef,
      })
    : null;
  return { orgs, groups, federations, mfo, centre };
}

/** A dormant group was marked so five months before `today`. */
export async function insertTree(
  db: Db,
  plan: TreePlan,
  now: string,
  ids: IdSource,
  today: string,
): Promise<void> {
  const dormantSince = addDays(today, -153);
  await importOrganisations(
    db,
    plan.orgs.map((o) => ({
      id: o.id,
      tenantId: o.tenantId,
      parentId: o.parentId,
      kind: o.kind,
      name: o.name,
      path: o.path,
      depth: o.depth,
      region: o.region,
      district: o.district,
      village: o.village,
      currency: "KZT",
      timeZone: "Asia/Almaty",
      openedOn: o.openedOn,
      status: o.status,
      statusChangedOn: o.status === "active" ? null : dormantSince,
    })),
    ids,
    now,
  );
}
