// The self-help groups of an organisation added up — an association, a federation, a cluster or one
// group, with its whole subtree — over a period: totals, and the same figures by federation, by cluster
// and by region. Each group's facts are counted in SQL, one query per table over the subtree grouped by
// group (rollup-groups.ts, rollup-store.ts, rollup-loans.ts), then added up here; every indicator is
// indicatorsOf the summed facts (docs/indicators.md): a ratio of sums, never an average of the groups' ratios.
//
// Guarantees: each counted group lands in exactly one row of each breakdown, so a breakdown's rows add up
// to the total, fact by fact; money is kept per currency (a group's counts go with its own currency, each
// amount with the currency it was booked in); only what the actor may see is read (NOT_FOUND otherwise).
//
// What the figures mean, over the period [from, to] (both days included):
// - groups: SHGs of the subtree opened by `to` and not closed before `from`; active: held at least one
//   posted meeting in the period; dormant: the others.
// - members: active at `to` (joined on or before it, not left by it); at start: active the day before
//   `from`; joined and left: memberships that began or ended in the period. So start + joined − left = members.
// - attendance: member-meetings of the posted meetings held in the period, and those where the member
//   was present, late or represented; meetings expected: the dates the group's rules called for.
// - savings: savingsInCycle (saved since the cycle began: the day after the group's latest share-out on
//   or before `to`, else everything) and savingsTotal (held at `to`), both from the daily balances of
//   account 21; loan-fund cash = cash box + bank (11, 12); other funds = social fund cash (14); property 0
//   (the SHG chart has no property account); profit in cycle = −(41 + 42 + 43 + 51 + 52) in the cycle.
// - internal loans: outstanding at `to` (count, principal) and late ones (daysLate > 0 at `to`, their
//   whole principal) — each loan replayed with internalLoanOn (rollup-loans.ts).
// - external loans: the MFO's or federation's loans to the groups, outstanding principal at `to` and the
//   part more than 30 days past due (PAR30), as portfolioAtRiskFor reads them.
// - share-outs closed in the period: how many, and what they paid the members.
// - grades: each group by its latest grade on or before `to` (A, B, C), or ungraded.

import type { Actor } from "@qadam/core/auth/actor";
import { type Indicators, indicatorsOf } from "@qadam/core/groups/indicators";
import type { OrgKind } from "@qadam/core/orgs/types";
import { checkPeriod } from "../books/index.js";
import { findOrganisation } from "../orgs/index.js";
import type { Db } from "../platform/db/database.js";
import {
  addInto,
  emptyRollUpFacts,
  type OrgRef,
  type Period,
  type RollUpFacts,
  type SubtreeGroup,
  subtreeGroups,
  Tallies,
  type Tally,
} from "./rollup-groups.js";
import { countExternalLoans, countInternalLoans } from "./rollup-loans.js";
import { countGroupRecords } from "./rollup-store.js";

export type { Period, RollUpFacts } from "./rollup-groups.js";

export interface RollUpRow {
  facts: RollUpFacts;
  indicators: Indicators;
}

/** A row of a breakdown: a federation or cluster (key: its id, null for none), or a region (key: its name). */
export interface RollUpBreakdownRow extends RollUpRow {
  key: string | null;
  name: string | null;
}

export interface CurrencyRollUp {
  currency: string;
  total: RollUpRow;
  byFederation: RollUpBreakdownRow[];
  byCluster: RollUpBreakdownRow[];
  byRegion: RollUpBreakdownRow[];
}

export interface GroupRollUp {
  orgId: string;
  name: string;
  kind: OrgKind;
  from: string;
  to: string;
  /** One per currency the groups' books hold, in currency order; none when the subtree has no group. */
  currencies: CurrencyRollUp[];
}

type Dimension = "byFederation" | "byCluster" | "byRegion";

const KEY_OF: Record<Dimension, (g: SubtreeGroup) => OrgRef | null> = {
  byFederation: (g) => g.federation,
  byCluster: (g) => g.cluster,
  byRegion: (g) => (g.region === null ? null : { id: g.region, name: g.region }),
};

interface Bucket {
  total: Tally;
  rows: Record<Dimension, Map<string | null, { name: string | null; facts: Tally }>>;
}

function row(facts: RollUpFacts): RollUpRow {
  return { facts, indicators: indicatorsOf(facts) };
}

/** Named rows first, by name; the row of groups with none last. */
function rowsOf(rows: Bucket["rows"][Dimension]): RollUpBreakdownRow[] {
  return [...rows.entries()]
    .map(([key, r]) => ({ key, name: r.name, ...row(r.facts) }))
    .sort((a, b) =>
      a.name === b.name
        ? String(a.key) < String(b.key)
          ? -1
          : 1
        : a.name === null
          ? 1
          : b.name === null
            ? -1
            : a.name.localeCompare(b.name, undefined, { numeric: true }),
    );
}

/**
 * The roll-up of the organisation's subtree over [from, to]. Errors: NOT_FOUND (not visible to the
 * actor), INVALID_DATE, PERIOD_INVALID (to before from).
 */
export async function rollUp(db: Db, actor: Actor, orgId: string, period: Period): Promise<GroupRollUp> {
  const org = await findOrganisation(db, actor, orgId);
  const { from, to } = checkPeriod(period);
  const groups = await subtreeGroups(db, org, { from, to });
  const tallies = new Tallies(new Map(groups.map((g) => [g.id, g])));
  await Promise.all([
    countGroupRecords(db, org, { from, to }, tallies),
    countInternalLoans(db, org, to, tallies),
    countExternalLoans(db, org, to, tallies),
  ]);

  const buckets = new Map<string, Bucket>();
  for (const group of groups) {
    for (const [currency, facts] of tallies.byGroup.get(group.id) ?? []) {
      let bucket = buckets.get(currency);
      if (!bucket) {
        bucket = {
          total: emptyRollUpFacts(),
          rows: { byFederation: new Map(), byCluster: new Map(), byRegion: new Map() },
        };
        buckets.set(currency, bucket);
      }
      addInto(bucket.total, facts);
      for (const dimension of Object.keys(KEY_OF) as Dimension[]) {
        const ref = KEY_OF[dimension](group);
        const rows = bucket.rows[dimension];
        let r = rows.get(ref?.id ?? null);
        if (!r) {
          r = { name: ref?.name ?? null, facts: emptyRollUpFacts() };
          rows.set(ref?.id ?? null, r);
        }
        addInto(r.facts, facts);
      }
    }
  }
  return {
    orgId: org.id,
    name: org.name,
    kind: org.kind,
    from,
    to,
    currencies: [...buckets.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, b]) => ({
        currency,
        total: row(b.total),
        byFederation: rowsOf(b.rows.byFederation),
        byCluster: rowsOf(b.rows.byCluster),
        byRegion: rowsOf(b.rows.byRegion),
      })),
  };
}
