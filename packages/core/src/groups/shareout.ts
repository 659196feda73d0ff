// Share-out at the end of a savings-group cycle: the group's net worth is divided among the members,
// exactly to the minor unit, by one of three stated methods, and the cash at hand paid against it.
//
// Rules (all amounts bigint minor units; savingsᵢ = Σ of member i's movements in the cycle):
// - distributable D is the value being shared, the group's net worth (groupNetWorth): cash and bank,
//   internal loans outstanding and the interest due on them, less the social fund and what the group
//   owes outside: the principal and charged penalties its books hold, and the interest, fees and
//   penalties accrued on its outside loans to the date that they do not. S = Σ savingsᵢ; profit
//   P = D − S, negative for a loss. D itself may be negative (the group owes more than it has): every
//   claim is then negative, in proportion to savings.
// - standard: payoutᵢ = D × savingsᵢ ÷ S (value per share D ÷ S; a minor unit of savings is a share).
// - flat: savings returned, P split equally among the members with savingsᵢ > 0 (a member who saved
//   nothing this cycle receives nothing).
// - time-weighted: savings returned, P split in proportion to wᵢ = max(0, Σ movement × days from its
//   date to closesOn), i.e. money × days in the fund; a withdrawal takes its days back, so a member who
//   withdrew everything still earns for the days her money was lent. When Σ wᵢ = 0 (everything saved
//   on the closing day) the standard proportions apply.
// - A loss (P < 0) is always shared as in standard, in proportion to savings, whatever the method, so
//   that no payout can become negative while D ≥ 0; `sharedAs` reports the rule actually applied.
// - Each exact share is floored (towards −∞); the residue D − Σ floors (0 ≤ residue < members) goes one
//   minor unit at a time to the largest remainders (Hamilton), ties to the larger savings, then to the
//   smaller personId (code-unit order). Hence Σ payoutᵢ = D, every payout ≥ 0 when D ≥ 0, each within
//   one minor unit of its exact share, and a member whose exact share is whole never gets an extra unit.
// - Cash against claims (payInCash): the cash the group can pay now, C = min(cash at hand, D) (0 when
//   D ≤ 0), the cash at hand being the loan-fund cash less every outside debt (cashForClaims), is
//   divided in proportion to the claims by the same residue rule; what a member is not paid in cash,
//   claimᵢ − cashᵢ ≥ 0, is carried over as her opening savings of the next cycle. Σ cash + Σ carried
//   = Σ claims = D exactly.
// - Refused with a ShareoutError (a RangeError): no members, a duplicate personId, a date that is not
//   YYYY-MM-DD, a movement after closesOn, a negative total savings, D ≠ 0 with S = 0.
// Members come out in input order; the result does not depend on that order.
import { daysBetween, isCalendarDate } from "../clock.js";

export const SHAREOUT_METHODS = ["standard", "flat", "time-weighted"] as const;
export type ShareoutMethod = (typeof SHAREOUT_METHODS)[number];

export interface SavingsMovement {
  /** Calendar date, YYYY-MM-DD. */
  on: string;
  /** Minor units: positive for a deposit (shares bought), negative for a withdrawal. */
  minor: bigint;
}

export interface ShareoutMember {
  personId: string;
  /** The member's savings movements in this cycle; her savings are their sum. */
  movements: readonly SavingsMovement[];
}

export interface ShareoutInput {
  method: ShareoutMethod;
  /** The value to share out, in minor units: the group's net worth (groupNetWorth). */
  distributable: bigint;
  /** The share-out date, YYYY-MM-DD: no movement may come after it. */
  closesOn: string;
  members: readonly ShareoutMember[];
}

export interface ShareoutLine {
  personId: string;
  savings: bigint;
  /** payout − savings: her part of the profit, negative in a loss. */
  profit: bigint;
  /** Her claim on the group's net worth. */
  payout: bigint;
}

export interface Shareout {
  method: ShareoutMethod;
  /** The rule actually applied: "standard" for a loss, or a time-weighted share-out with no weight. */
  sharedAs: ShareoutMethod;
  distributable: bigint;
  totalSavings: bigint;
  profit: bigint;
  members: ShareoutLine[];
}

export const SHAREOUT_PROBLEMS = [
  "no-members",
  "duplicate-member",
  "invalid-date",
  "movement-after-close",
  "negative-savings",
  "nothing-saved",
] as const;
export type ShareoutProblem = (typeof SHAREOUT_PROBLEMS)[number];

export class ShareoutError extends RangeError {
  constructor(
    readonly problem: ShareoutProblem,
    readonly personId: string | null,
    message: string,
  ) {
    super(personId === null ? message : `${personId}: ${message}`);
    this.name = "ShareoutError";
  }
}

/** Each member's exact payout as numeratorᵢ ÷ denominator, one denominator for all. */
interface ExactShares {
  numerators: bigint[];
  denominator: bigint;
}

export function shareOut(input: ShareoutInput): Shareout {
  const { method, distributable, closesOn, members } = input;
  const savings = check(input);
  const totalSavings = savings.reduce((s, x) => s + x, 0n);
  if (distributable !== 0n && totalSavings === 0n)
    throw new ShareoutError("nothing-saved", null, "there is money to share but no savings to share it by");
  const profit = distributable - totalSavings;

  let sharedAs: ShareoutMethod = profit < 0n ? "standard" : method;
  let exact: ExactShares | null = null;
  if (totalSavings === 0n) {
    exact = { numerators: savings.map(() => 0n), denominator: 1n };
  } else if (sharedAs === "flat") {
    exact = flatShares(savings, profit);
  } else if (sharedAs === "time-weighted") {
    exact = timeWeightedShares(members, savings, profit, closesOn);
    if (exact === null) sharedAs = "standard";
  }
  exact ??= { numerators: savings.map((s) => distributable * s), denominator: totalSavings };

  const payouts = largestRemainder(exact, distributable, savings, members);
  return {
    method,
    sharedAs,
    distributable,
    totalSavings,
    profit,
    members: members.map((m, i) => {
      const payout = payouts[i] ?? 0n;
      const saved = savings[i] ?? 0n;
      return { personId: m.personId, savings: saved, profit: payout - saved, payout };
    }),
  };
}

/** Validates the input and returns each member's savings, in input order. */
function check({ closesOn, members }: ShareoutInput): bigint[] {
  if (members.length === 0) throw new ShareoutError("no-members", null, "a share-out needs members");
  if (!isCalendarDate(closesOn))
    throw new ShareoutError("invalid-date", null, `closesOn ${closesOn} is not a YYYY-MM-DD date`);
  const seen = new Set<string>();
  return members.map(({ personId, movements }) => {
    if (seen.has(personId)) throw new ShareoutError("duplicate-member", personId, "listed twice");
    seen.add(personId);
    let saved = 0n;
    for (const { on, minor } of movements) {
      if (!isCalendarDate(on))
        throw new ShareoutError("invalid-date", personId, `${on} is not a YYYY-MM-DD date`);
      if (on > closesOn)
        throw new ShareoutError("movement-after-close", personId, `movement on ${on} is after ${closesOn}`);
      saved += minor;
    }
    if (saved < 0n) throw new ShareoutError("negative-savings", personId, "savings must not be negative");
    return saved;
  });
}

/** Savings back, profit ÷ k to each of the k members who saved; profit ≥ 0 and Σ savings > 0 here. */
function flatShares(savings: readonly bigint[], profit: bigint): ExactShares {
  const savers = BigInt(savings.filter((s) => s > 0n).length);
  return {
    numerators: savings.map((s) => (s > 0n ? s * savers + profit : 0n)),
    denominator: savers,
  };
}

/** Savings back, profit by money-days; null when no member has any weight. */
function timeWeightedShares(
  members: readonly ShareoutMember[],
  savings: readonly bigint[],
  profit: bigint,
  closesOn: string,
): ExactShares | null {
  const weights = members.map(({ movements }) => {
    const w = movements.reduce((s, { on, minor }) => s + minor * BigInt(daysBetween(on, closesOn)), 0n);
    return w > 0n ? w : 0n;
  });
  const total = weights.reduce((s, w) => s + w, 0n);
  if (total === 0n) return null;
  return {
    numerators: savings.map((s, i) => s * total + profit * (weights[i] ?? 0n)),
    denominator: total,
  };
}

/** Floors every exact share (towards −∞), then hands out the residue one unit at a time (Hamilton). */
function largestRemainder(
  { numerators, denominator }: ExactShares,
  distributable: bigint,
  savings: readonly bigint[],
  members: ReadonlyArray<{ personId: string }>,
): bigint[] {
  const payouts = numerators.map((n) => floorDiv(n, denominator));
  let residue = distributable - payouts.reduce((s, p) => s + p, 0n);
  const order = numerators
    .map((n, i) => ({
      i,
      remainder: n - (payouts[i] ?? 0n) * denominator,
      savings: savings[i] ?? 0n,
      id: members[i]?.personId ?? "",
    }))
    .sort((a, b) => {
      if (a.remainder !== b.remainder) return a.remainder > b.remainder ? -1 : 1;
      if (a.savings !== b.savings) return a.savings > b.savings ? -1 : 1;
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
  for (const { i } of order) {
    if (residue === 0n) break;
    payouts[i] = (payouts[i] ?? 0n) + 1n;
    residue -= 1n;
  }
  return payouts;
}

/** ⌊n ÷ d⌋ for d > 0 (bigint division truncates towards zero). */
function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n ? q - 1n : q;
}

/** The parts of a group's books on the share-out date that make up its net worth (minor units). */
export interface NetWorthParts {
  /** Loan-fund cash: the cash box and the bank. */
  cash: bigint;
  /** Cash held for the social fund (kept apart; it backs the social fund). */
  socialFundCash: bigint;
  /** Principal of the internal loans still outstanding. */
  loansOutstanding: bigint;
  /** Interest charged on those loans and not yet paid. */
  interestDue: bigint;
  /** The social fund (a liability to the members' welfare, never shared). */
  socialFund: bigint;
  /** What the group owes outside as its books hold it: loans from the federation, the MFO or others. */
  owed: bigint;
  /**
   * Interest, fees and penalties accrued on the outside loans to the date and not in the books yet:
   * what a payoff on the date would ask beyond `owed`.
   */
  owedInterest: bigint;
}

/** The value a share-out divides: everything the group has, less the social fund and its debts. */
export function groupNetWorth(p: NetWorthParts): bigint {
  return (
    p.cash + p.socialFundCash + p.loansOutstanding + p.interestDue - p.socialFund - p.owed - p.owedInterest
  );
}

/** The cash that may be paid against the claims: the group's outside debts are covered from it first. */
export function cashForClaims(p: Pick<NetWorthParts, "cash" | "owed" | "owedInterest">): bigint {
  return p.cash - p.owed - p.owedInterest;
}

export interface CashLine {
  personId: string;
  /** Paid in cash at the share-out. */
  cash: bigint;
  /** Left in the group as her opening savings of the next cycle. */
  carried: bigint;
}

/**
 * Pays the claims of a share-out from the cash at hand: min(cash, Σ claims) (nothing when the claims
 * add up to zero or less) divided in proportion to the claims by the largest-remainder rule; the rest
 * of each claim is carried over. Σ cash + Σ carried = Σ claims, and 0 ≤ cash ≤ claim for every
 * claim ≥ 0. Members come out in the order of `shareout.members`.
 */
export function payInCash(shareout: Shareout, cashAtHand: bigint): CashLine[] {
  const claims = shareout.members.map((m) => m.payout);
  const total = claims.reduce((s, c) => s + c, 0n);
  const available = cashAtHand > 0n ? cashAtHand : 0n;
  const paid = total <= 0n ? 0n : available < total ? available : total;
  const cash =
    paid === 0n
      ? claims.map(() => 0n)
      : largestRemainder(
          { numerators: claims.map((c) => c * paid), denominator: total },
          paid,
          shareout.members.map((m) => m.savings),
          shareout.members,
        );
  return shareout.members.map((m, i) => {
    const inCash = cash[i] ?? 0n;
    return { personId: m.personId, cash: inCash, carried: m.payout - inCash };
  });
}
