// The self-help groups of a roll-up: every group of an organisation's subtree counted over a period,
// with the federation, cluster and region it rolls up into, and the additive facts the roll-up counts for
// each one (its tallies, per currency), to be filled by the queries of rollup-store.ts and rollup-loans.ts.

import { emptyFacts, type GroupFacts } from "@qadam/core/groups/indicators";
import type { Organisation } from "@qadam/core/orgs/types";
import { organisationsAround } from "../orgs/index.js";
import type { Db } from "../platform/db/database.js";

export interface Period {
  from: string;
  to: string;
}

/** An organisation a group rolls up into. */
export interface OrgRef {
  id: string;
  name: string;
}

export interface SubtreeGroup {
  id: string;
  name: string;
  currency: string;
  openedOn: string;
  federation: OrgRef | null;
  cluster: OrgRef | null;
  region: string | null;
}

/** GroupFacts and the roll-up's own additive facts. */
export interface RollUpFacts extends GroupFacts {
  /** Saved in the period: savings less withdrawals, share-outs' return of savings not subtracted. */
  readonly savedInPeriod: bigint;
  /** Internal loans outstanding at the date with an installment overdue (daysLate > 0). */
  readonly lateLoans: number;
  /** Loans from the MFO or a federation to the groups, with principal outstanding at the date. */
  readonly externalLoans: number;
  readonly externalOutstanding: bigint;
  /** The whole outstanding principal of those more than 30 days past due (PAR30's numerator). */
  readonly externalAtRisk30: bigint;
  /** Groups by their latest grade on or before the date. */
  readonly gradedA: number;
  readonly gradedB: number;
  readonly gradedC: number;
  readonly ungraded: number;
}

export type Tally = { -readonly [K in keyof RollUpFacts]: RollUpFacts[K] };

const EMPTY: Readonly<Tally> = Object.freeze({
  ...emptyFacts(),
  savedInPeriod: 0n,
  lateLoans: 0,
  externalLoans: 0,
  externalOutstanding: 0n,
  externalAtRisk30: 0n,
  gradedA: 0,
  gradedB: 0,
  gradedC: 0,
  ungraded: 0,
});
const KEYS = Object.keys(EMPTY) as Array<keyof Tally>;

export function emptyRollUpFacts(): Tally {
  return { ...EMPTY };
}

/** Adds `b` into `a`, fact by fact. */
export function addInto(a: Tally, b: RollUpFacts): void {
  const target = a as unknown as Record<string, number | bigint>;
  const source = b as unknown as Record<string, number | bigint>;
  for (const k of KEYS) {
    const v = source[k] as number | bigint;
    target[k] = typeof v === "bigint" ? (target[k] as bigint) + v : (target[k] as number) + v;
  }
}

/** Each counted group's facts per currency: its counts in its own currency, each amount in its own. */
export class Tallies {
  readonly byGroup = new Map<string, Map<string, Tally>>();
  constructor(readonly groups: ReadonlyMap<string, SubtreeGroup>) {}

  /** The group's tally in `currency` (default: the group's), or null for a group not counted. */
  of(groupId: string, currency?: string): Tally | null {
    const group = this.groups.get(groupId);
    if (!group) return null;
    const cur = currency ?? group.currency;
    let byCurrency = this.byGroup.get(groupId);
    if (!byCurrency) {
      byCurrency = new Map();
      this.byGroup.set(groupId, byCurrency);
    }
    let tally = byCurrency.get(cur);
    if (!tally) {
      tally = emptyRollUpFacts();
      byCurrency.set(cur, tally);
    }
    return tally;
  }
}

/**
 * The groups counted over the period: every SHG of the subtree opened by its end and not closed before
 * it began. Federation and cluster: the top-most one on the group's path at or below the organisation,
 * else the nearest above it. Region: the group's own, else its nearest ancestor's.
 */
export async function subtreeGroups(db: Db, org: Organisation, period: Period): Promise<SubtreeGroup[]> {
  const ancestors = org.path.split("/").filter((id) => id !== "" && id !== org.id);
  const { below, above } = await organisationsAround(db, org);
  type Row = Organisation;
  const byId = new Map<string, Row>();
  for (const r of [...below, ...above]) byId.set(r.id, r);
  const depthOfOrg = ancestors.length;
  const pick = (chain: Row[], kind: string): OrgRef | null => {
    const inside = chain.slice(depthOfOrg).find((r) => r.kind === kind);
    const outside = chain
      .slice(0, depthOfOrg)
      .reverse()
      .find((r) => r.kind === kind);
    const found = inside ?? outside;
    return found ? { id: found.id, name: found.name } : null;
  };
  const groups: SubtreeGroup[] = [];
  for (const r of byId.values()) {
    if (r.kind !== "shg" || r.openedOn > period.to) continue;
    if (r.status === "closed" && r.statusChangedOn !== null && r.statusChangedOn < period.from) continue;
    const chain = r.path
      .split("/")
      .filter(Boolean)
      .map((id) => byId.get(id))
      .filter((x): x is Row => x !== undefined);
    const region = [...chain].reverse().find((x) => x.place.region !== null)?.place.region ?? null;
    groups.push({
      id: r.id,
      name: r.name,
      currency: r.currency,
      openedOn: r.openedOn,
      federation: pick(chain, "federation"),
      cluster: pick(chain, "cluster"),
      region,
    });
  }
  return groups;
}
