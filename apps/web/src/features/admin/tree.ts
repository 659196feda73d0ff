// The organisation tree from the flat list the API pages through: each one's children, and tree order.
import type { OrganisationDto } from "@qadam/core/orgs/contract";

type Org = Pick<OrganisationDto, "id" | "parentId" | "name">;

/** The organisations in tree order: each parent followed by its children, by name. */
export function treeOrder<T extends Org>(orgs: readonly T[]): T[] {
  const ids = new Set(orgs.map((o) => o.id));
  const children = childrenOf(orgs);
  const out: T[] = [];
  const visit = (o: T) => {
    out.push(o);
    for (const c of children.get(o.id) ?? []) visit(c);
  };
  // A root is an organisation whose parent the reader cannot see (or none): her grants' tops.
  for (const root of orgs.filter((o) => o.parentId === null || !ids.has(o.parentId)).sort(byName))
    visit(root);
  return out;
}

const byName = (a: Org, b: Org) => a.name.localeCompare(b.name);

/** Each organisation's children, by name. */
export function childrenOf<T extends Org>(orgs: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const o of orgs) {
    if (o.parentId === null) continue;
    const list = map.get(o.parentId) ?? [];
    list.push(o);
    map.set(o.parentId, list);
  }
  for (const list of map.values()) list.sort(byName);
  return map;
}
