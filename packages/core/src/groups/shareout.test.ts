import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cashForClaims,
  groupNetWorth,
  type NetWorthParts,
  payInCash,
  SHAREOUT_METHODS,
  type ShareoutInput,
  type ShareoutMember,
  type ShareoutMethod,
  type ShareoutProblem,
  shareOut,
} from "./shareout.js";

const CLOSES_ON = "2026-03-30";

/** A member who saved `minor` in one deposit at the start of the cycle. */
const saver = (personId: string, minor: bigint, on = "2026-01-05"): ShareoutMember => ({
  personId,
  movements: [{ on, minor }],
});

const payouts = (input: ShareoutInput) => shareOut(input).members.map((m) => m.payout);

// 12,000.00 / 8,000.00 / 4,000.00 KZT saved, 26,400.00 KZT in the loan fund: 10 % profit.
const threeSavers = [saver("aigerim", 1_200_000n), saver("bota", 800_000n), saver("dana", 400_000n)];

describe("standard share-out", () => {
  it("pays every member her savings times the value per share (fund ÷ total savings)", () => {
    const result = shareOut({
      method: "standard",
      distributable: 2_640_000n,
      closesOn: CLOSES_ON,
      members: threeSavers,
    });
    expect(result).toEqual({
      method: "standard",
      sharedAs: "standard",
      distributable: 2_640_000n,
      totalSavings: 2_400_000n,
      profit: 240_000n,
      members: [
        { personId: "aigerim", savings: 1_200_000n, profit: 120_000n, payout: 1_320_000n },
        { personId: "bota", savings: 800_000n, profit: 80_000n, payout: 880_000n },
        { personId: "dana", savings: 400_000n, profit: 40_000n, payout: 440_000n },
      ],
    });
  });

  it("gives the residue to the largest remainders, not to the largest saver", () => {
    // 100.03 KZT over savings 50.00 / 30.00 / 20.00: exact shares 5,001.5 / 3,000.9 / 2,000.6 tiyn.
    // Floors 5,001 + 3,000 + 2,000 leave 2 tiyn: bota (.9) and dana (.6) get one each, aigerim (.5) none.
    const members = [saver("aigerim", 5_000n), saver("bota", 3_000n), saver("dana", 2_000n)];
    expect(payouts({ method: "standard", distributable: 10_003n, closesOn: CLOSES_ON, members })).toEqual([
      5_001n,
      3_001n,
      2_001n,
    ]);
  });

  it("breaks an equal remainder by larger savings, then by personId", () => {
    // 10.00 KZT over 1, 1 and 2 tiyn saved: exact 2.5 / 2.5 / 5 tiyn, one tiyn left over. Dana's share is
    // whole (remainder 0); aigerim and bota tie on remainder and savings, so the smaller personId wins.
    const members = [saver("bota", 1n), saver("dana", 2n), saver("aigerim", 1n)];
    expect(payouts({ method: "standard", distributable: 10n, closesOn: CLOSES_ON, members })).toEqual([
      2n,
      5n,
      3n,
    ]);
  });

  it("pays nothing to a member who saved nothing this cycle", () => {
    const members = [saver("aigerim", 1_000n), saver("bota", 0n), saver("dana", 2_000n)];
    expect(payouts({ method: "standard", distributable: 3_001n, closesOn: CLOSES_ON, members })).toEqual([
      1_000n,
      0n,
      2_001n,
    ]);
  });
});

describe("flat share-out", () => {
  it("returns each member's savings and splits the profit equally", () => {
    expect(
      payouts({ method: "flat", distributable: 2_640_000n, closesOn: CLOSES_ON, members: threeSavers }),
    ).toEqual([1_280_000n, 880_000n, 480_000n]);
  });

  it("shares the profit only among members who saved, and breaks a tie by larger savings", () => {
    // 1.00 KZT of profit over three savers: 33⅓ tiyn each, one tiyn left. All three remainders are
    // equal; bota and cana saved most (3.00) and tie again, so bota, the smaller personId, gets it.
    const members = [saver("ana", 100n), saver("bota", 300n), saver("cana", 300n), saver("zhanar", 0n)];
    const result = shareOut({ method: "flat", distributable: 800n, closesOn: CLOSES_ON, members });
    expect(result.members.map((m) => m.payout)).toEqual([133n, 334n, 333n, 0n]);
    expect(result.members.map((m) => m.profit)).toEqual([33n, 34n, 33n, 0n]);
  });
});

describe("time-weighted share-out", () => {
  // Both save 4,000.00 KZT by the close on Monday 30 March, aigerim 1,000.00 every Monday from
  // 2 March, bota 2,000.00 on 16 and 23 March: aigerim's money was in the fund longer.
  const weekly = (personId: string, dates: readonly string[], minor: bigint): ShareoutMember => ({
    personId,
    movements: dates.map((on) => ({ on, minor })),
  });
  const members = [
    weekly("aigerim", ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"], 100_000n),
    weekly("bota", ["2026-03-16", "2026-03-23"], 200_000n),
  ];

  it("gives early savers more of the profit than later savers with the same savings", () => {
    // Weights (tiyn × days): aigerim 100,000 × (28 + 21 + 14 + 7) = 7,000,000; bota 200,000 × (14 + 7)
    // = 4,200,000. The 800.00 KZT profit splits 5 : 3, 500.00 and 300.00.
    const result = shareOut({
      method: "time-weighted",
      distributable: 880_000n,
      closesOn: CLOSES_ON,
      members,
    });
    expect(result.sharedAs).toBe("time-weighted");
    expect(result.members).toEqual([
      { personId: "aigerim", savings: 400_000n, profit: 50_000n, payout: 450_000n },
      { personId: "bota", savings: 400_000n, profit: 30_000n, payout: 430_000n },
    ]);
    expect(payouts({ method: "standard", distributable: 880_000n, closesOn: CLOSES_ON, members })).toEqual([
      440_000n,
      440_000n,
    ]);
  });

  it("takes a withdrawal's days back from the weight", () => {
    // aigerim: 300.00 for 28 days, 200.00 of it taken out after 14: weight 30,000 × 28 − 20,000 × 14 =
    // 560,000, the same as bota's 10,000 × 28 + 20,000 × 14, so the 20.00 profit splits evenly.
    const withWithdrawal: ShareoutMember[] = [
      {
        personId: "aigerim",
        movements: [
          { on: "2026-03-02", minor: 30_000n },
          { on: "2026-03-16", minor: -20_000n },
        ],
      },
      {
        personId: "bota",
        movements: [
          { on: "2026-03-02", minor: 10_000n },
          { on: "2026-03-16", minor: 20_000n },
        ],
      },
    ];
    expect(
      payouts({
        method: "time-weighted",
        distributable: 42_000n,
        closesOn: CLOSES_ON,
        members: withWithdrawal,
      }),
    ).toEqual([11_000n, 31_000n]);
  });

  it("falls back to the standard proportions when everything was saved on the closing day", () => {
    const lastDay = [saver("aigerim", 3_000n, CLOSES_ON), saver("bota", 1_000n, CLOSES_ON)];
    const result = shareOut({
      method: "time-weighted",
      distributable: 4_400n,
      closesOn: CLOSES_ON,
      members: lastDay,
    });
    expect(result.sharedAs).toBe("standard");
    expect(result.members.map((m) => m.payout)).toEqual([3_300n, 1_100n]);
  });
});

describe("a loss", () => {
  it("is shared in proportion to savings by every method", () => {
    // 21,600.00 KZT left of 24,000.00 saved: everyone loses 10 %.
    for (const method of SHAREOUT_METHODS) {
      const result = shareOut({
        method,
        distributable: 2_160_000n,
        closesOn: CLOSES_ON,
        members: threeSavers,
      });
      expect(result.profit).toBe(-240_000n);
      expect(result.sharedAs).toBe("standard");
      expect(result.members.map((m) => m.payout)).toEqual([1_080_000n, 720_000n, 360_000n]);
      expect(result.members.map((m) => m.profit)).toEqual([-120_000n, -80_000n, -40_000n]);
    }
  });

  it("never leaves a small saver with a negative payout, as an equal split of the loss would", () => {
    // Half of 101.00 KZT is lost; split equally, the 1.00 saver would owe 24.25. By savings she keeps 0.50.
    const members = [saver("aigerim", 100n), saver("bota", 10_000n)];
    expect(payouts({ method: "flat", distributable: 5_050n, closesOn: CLOSES_ON, members })).toEqual([
      50n,
      5_000n,
    ]);
  });

  it("shares a negative net worth in proportion to savings, as a claim against each member", () => {
    // The group owes 10.01 KZT more than it has; 5.00 and 15.00 saved: exact −2.5025 and −7.5075.
    const members = [saver("aigerim", 500n), saver("bota", 1_500n)];
    for (const method of SHAREOUT_METHODS) {
      const result = shareOut({ method, distributable: -1_001n, closesOn: CLOSES_ON, members });
      expect(result.sharedAs).toBe("standard");
      expect(result.members.map((m) => m.payout)).toEqual([-250n, -751n]);
    }
  });

  it("pays nothing when the whole fund is lost", () => {
    expect(payouts({ method: "flat", distributable: 0n, closesOn: CLOSES_ON, members: threeSavers })).toEqual(
      [0n, 0n, 0n],
    );
  });
});

describe("refusals", () => {
  const refuses = (input: ShareoutInput, problem: ShareoutProblem) => {
    expect(() => shareOut(input)).toThrow(RangeError);
    expect(() => shareOut(input)).toThrow(expect.objectContaining({ name: "ShareoutError", problem }));
  };
  const base = { method: "standard" as const, distributable: 1_000n, closesOn: CLOSES_ON };

  it("refuses a share-out without members", () => {
    refuses({ ...base, members: [] }, "no-members");
  });

  it("refuses a member listed twice", () => {
    refuses({ ...base, members: [saver("aigerim", 500n), saver("aigerim", 500n)] }, "duplicate-member");
  });

  it("refuses a member whose withdrawals exceed her deposits", () => {
    const overdrawn: ShareoutMember = {
      personId: "bota",
      movements: [
        { on: "2026-01-05", minor: 500n },
        { on: "2026-02-05", minor: -600n },
      ],
    };
    refuses({ ...base, members: [saver("aigerim", 500n), overdrawn] }, "negative-savings");
  });

  it("refuses money to share when nobody saved", () => {
    refuses({ ...base, members: [saver("aigerim", 0n)] }, "nothing-saved");
  });

  it("refuses a debt to share when nobody saved", () => {
    refuses({ ...base, distributable: -1n, members: [saver("aigerim", 0n)] }, "nothing-saved");
  });

  it("refuses a movement after the closing date", () => {
    refuses({ ...base, members: [saver("aigerim", 500n, "2026-03-31")] }, "movement-after-close");
  });

  it("refuses a date that is not YYYY-MM-DD", () => {
    refuses({ ...base, closesOn: "30.03.2026", members: [saver("aigerim", 500n)] }, "invalid-date");
    refuses({ ...base, members: [saver("aigerim", 500n, "2026-02-30")] }, "invalid-date");
  });

  it("shares nothing among members who saved nothing", () => {
    expect(
      payouts({ ...base, distributable: 0n, members: [saver("aigerim", 0n), saver("bota", 0n)] }),
    ).toEqual([0n, 0n]);
  });
});

describe("share-out invariants", () => {
  const movementArb = fc.record({
    on: fc
      .integer({ min: 0, max: 400 })
      .map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10)),
    minor: fc.bigInt({ min: -500_000n, max: 2_000_000n }),
  });
  const closesOn = "2026-02-05"; // day 400 of the generated dates

  /** Tiny equal deposits on few dates, so that remainders and savings often tie. */
  const tiedMovementsArb = fc.array(
    fc.record({
      on: fc.constantFrom("2025-01-01", "2025-06-01"),
      minor: fc.constantFrom(0n, 1n, 2n),
    }),
    { maxLength: 2 },
  );

  /** Members with unique ids and non-negative savings (an overdraft is topped up on the first day). */
  const membersArb = fc
    .uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((personId) =>
          fc
            .oneof(fc.array(movementArb, { maxLength: 6 }), tiedMovementsArb)
            .map((movements): ShareoutMember => {
              const total = movements.reduce((s, m) => s + m.minor, 0n);
              return {
                personId,
                movements: total < 0n ? [...movements, { on: "2025-01-01", minor: -total }] : movements,
              };
            }),
        ),
      ),
    );

  const inputArb = fc
    .record({
      method: fc.constantFrom<ShareoutMethod>(...SHAREOUT_METHODS),
      members: membersArb,
      profit: fc.oneof(
        fc.bigInt({ min: -20_000_000n, max: 20_000_000n }),
        fc.bigInt({ min: -50n, max: 50n }),
      ),
    })
    .map(({ method, members, profit }): ShareoutInput => {
      const saved = members.reduce((s, m) => s + m.movements.reduce((t, x) => t + x.minor, 0n), 0n);
      const distributable = saved === 0n ? 0n : saved + profit < 0n ? 0n : saved + profit;
      return { method, distributable, closesOn, members };
    });

  it("pays out exactly the distributable amount, never a negative payout", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = shareOut(input);
        const paid = result.members.reduce((s, m) => s + m.payout, 0n);
        expect(paid).toBe(input.distributable);
        expect(result.members.reduce((s, m) => s + m.profit, 0n)).toBe(result.profit);
        for (const m of result.members) {
          expect(m.payout).toBeGreaterThanOrEqual(0n);
          expect(m.profit).toBe(m.payout - m.savings);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("gives every member at least her savings when there is no loss", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = shareOut(input);
        fc.pre(result.profit >= 0n);
        for (const m of result.members) expect(m.payout).toBeGreaterThanOrEqual(m.savings);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps standard payouts within one minor unit of the exact share and monotone in savings", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = shareOut({ ...input, method: "standard" });
        const { distributable: d, totalSavings: s } = result;
        for (const a of result.members) {
          if (s > 0n) {
            const gap = a.payout * s - d * a.savings;
            expect(gap > -s && gap < s).toBe(true);
          }
          for (const b of result.members)
            if (a.savings > b.savings) expect(a.payout).toBeGreaterThanOrEqual(b.payout);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("does not depend on the order members are listed in", () => {
    fc.assert(
      fc.property(
        inputArb.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray([...input.members], {
              minLength: input.members.length,
              maxLength: input.members.length,
            }),
          ),
        ),
        ([input, shuffled]) => {
          const byId = (i: ShareoutInput) =>
            new Map(shareOut(i).members.map((m) => [m.personId, m] as const));
          const original = byId(input);
          const reordered = shareOut({ ...input, members: shuffled });
          expect(reordered.members.map((m) => m.personId)).toEqual(shuffled.map((m) => m.personId));
          for (const m of reordered.members) expect(m).toEqual(original.get(m.personId));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("the group's net worth", () => {
  // 18,260.51 in the box and the bank, 184,894.89 still lent out with 1,234.00 of interest due, a
  // social fund of 243.00 in its own box, 10,000.00 owed to the federation.
  const owingTheFederation: NetWorthParts = {
    cash: 1_826_051n,
    socialFundCash: 24_300n,
    loansOutstanding: 18_489_489n,
    interestDue: 123_400n,
    socialFund: 24_300n,
    owed: 1_000_000n,
    owedInterest: 0n,
  };

  it("counts the loans outstanding and the interest due on them, less the social fund and the debts", () => {
    const parts = owingTheFederation;
    expect(groupNetWorth(parts)).toBe(1_826_051n + 18_489_489n + 123_400n - 1_000_000n);
    expect(groupNetWorth({ ...parts, socialFundCash: 0n })).toBe(19_414_640n);
  });

  it("takes off the interest owed outside to the date as well as the principal, and covers both from the cash", () => {
    // As above, and the federation asks 164.38 of interest accrued on its 10,000.00 to the date.
    const parts: NetWorthParts = { ...owingTheFederation, owedInterest: 16_438n };
    // 18,260.51 + 184,894.89 + 1,234.00 − 10,000.00 − 164.38 = 194,225.02.
    expect(groupNetWorth(parts)).toBe(19_422_502n);
    // 18,260.51 of cash less 10,000.00 and 164.38 owed: 8,096.13 may be paid against the claims.
    expect(cashForClaims(parts)).toBe(809_613n);
  });

  it("shares the net worth, not the cash, so that lending out the fund is no loss", () => {
    // 3 × 50,000.00 saved; 60,000.00 lent with 1,200.00 of interest due; 90,000.00 + 5,000.00 of
    // fines in the box: net worth 156,200.00, a profit of 6,200.00, not a loss of 55,000.00.
    const members = [saver("aigerim", 5_000_000n), saver("bota", 5_000_000n), saver("dana", 5_000_000n)];
    const worth = groupNetWorth({
      cash: 9_500_000n,
      socialFundCash: 0n,
      loansOutstanding: 6_000_000n,
      interestDue: 120_000n,
      socialFund: 0n,
      owed: 0n,
      owedInterest: 0n,
    });
    const result = shareOut({ method: "flat", distributable: worth, closesOn: CLOSES_ON, members });
    expect(result.sharedAs).toBe("flat");
    expect(result.profit).toBe(620_000n);
    // 6,200.00 ÷ 3 = 2,066.666…: claims 52,066.67 / 52,066.67 / 52,066.66 (ties by personId).
    expect(result.members.map((m) => m.payout)).toEqual([5_206_667n, 5_206_667n, 5_206_666n]);
    // 95,000.00 of cash paid in proportion to the claims; the rest stays as opening savings.
    const paid = payInCash(result, 9_500_000n);
    expect(paid.map((p) => p.cash)).toEqual([3_166_667n, 3_166_667n, 3_166_666n]);
    expect(paid.map((p) => p.carried)).toEqual([2_040_000n, 2_040_000n, 2_040_000n]);
  });

  it("pays the claims wholly in cash when the cash covers them, and nothing in cash for a loss beyond savings", () => {
    const members = [saver("aigerim", 1_000n), saver("bota", 3_000n)];
    const rich = shareOut({ method: "standard", distributable: 4_400n, closesOn: CLOSES_ON, members });
    expect(payInCash(rich, 10_000n)).toEqual([
      { personId: "aigerim", cash: 1_100n, carried: 0n },
      { personId: "bota", cash: 3_300n, carried: 0n },
    ]);
    const broke = shareOut({ method: "standard", distributable: -400n, closesOn: CLOSES_ON, members });
    expect(payInCash(broke, 10_000n)).toEqual([
      { personId: "aigerim", cash: 0n, carried: -100n },
      { personId: "bota", cash: 0n, carried: -300n },
    ]);
  });
});

describe("share-out of a random group's net worth", () => {
  const closesOn = "2026-02-05";
  const day = fc
    .integer({ min: 0, max: 400 })
    .map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
  const memberArb = fc.array(fc.record({ on: day, minor: fc.bigInt({ min: 0n, max: 3_000_000n }) }), {
    minLength: 1,
    maxLength: 5,
  });
  const amount = (max: bigint) => fc.oneof(fc.bigInt({ min: 0n, max }), fc.bigInt({ min: 0n, max: 30n }));
  const groupArb = fc.record({
    method: fc.constantFrom<ShareoutMethod>(...SHAREOUT_METHODS),
    ids: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 10 }),
    movements: fc.array(memberArb, { minLength: 10, maxLength: 10 }),
    parts: fc.record({
      cash: amount(20_000_000n),
      socialFundCash: amount(500_000n),
      loansOutstanding: amount(30_000_000n),
      interestDue: amount(1_000_000n),
      socialFund: amount(500_000n),
      owed: amount(40_000_000n),
      owedInterest: amount(2_000_000n),
    }),
  });

  /** Her exact share by the rule applied, as numerator ÷ denominator. */
  function exactShare(result: ReturnType<typeof shareOut>, input: ShareoutInput, i: number) {
    const { distributable: d, totalSavings: s, profit } = result;
    const saved = result.members[i]?.savings ?? 0n;
    if (result.sharedAs === "flat") {
      const savers = BigInt(result.members.filter((m) => m.savings > 0n).length);
      return { n: saved > 0n ? saved * savers + profit : 0n, d: savers };
    }
    if (result.sharedAs === "time-weighted") {
      const weights = input.members.map(({ movements }) => {
        const w = movements.reduce(
          (t, m) => t + m.minor * BigInt((Date.parse(closesOn) - Date.parse(m.on)) / 86_400_000),
          0n,
        );
        return w > 0n ? w : 0n;
      });
      const total = weights.reduce((t, w) => t + w, 0n);
      return { n: saved * total + profit * (weights[i] ?? 0n), d: total };
    }
    return { n: d * saved, d: s };
  }

  it("pays in cash and carries over exactly the net worth (outside interest owed too), each claim within one tiyn of its share", () => {
    fc.assert(
      fc.property(groupArb, ({ method, ids, movements, parts }) => {
        const members = ids.map((personId, i) => ({ personId, movements: movements[i] ?? [] }));
        const saved = members.reduce((s, m) => s + m.movements.reduce((t, x) => t + x.minor, 0n), 0n);
        fc.pre(saved > 0n);
        const worth = groupNetWorth(parts);
        const input: ShareoutInput = { method, distributable: worth, closesOn, members };
        const result = shareOut(input);
        const paid = payInCash(result, cashForClaims(parts));
        const claims = result.members.reduce((s, m) => s + m.payout, 0n);
        const cash = paid.reduce((s, p) => s + p.cash, 0n);
        const carried = paid.reduce((s, p) => s + p.carried, 0n);
        expect(claims).toBe(worth);
        expect(cash + carried).toBe(worth);
        const cashAtHand = parts.cash - parts.owed - parts.owedInterest;
        let payable = worth;
        if (cashAtHand < payable) payable = cashAtHand;
        expect(cash).toBe(payable > 0n ? payable : 0n);
        result.members.forEach((m, i) => {
          if (worth >= 0n) expect(m.payout).toBeGreaterThanOrEqual(0n);
          else expect(m.payout).toBeLessThanOrEqual(0n);
          if (worth < 0n) expect(result.sharedAs).toBe("standard");
          const { n, d } = exactShare(result, input, i);
          const gap = m.payout * d - n;
          expect(gap > -d && gap < d).toBe(true);
          const line = paid[i];
          expect(line?.personId).toBe(m.personId);
          expect((line?.cash ?? 0n) + (line?.carried ?? 0n)).toBe(m.payout);
          if (worth >= 0n) {
            expect(line?.cash).toBeGreaterThanOrEqual(0n);
            expect(line?.carried).toBeGreaterThanOrEqual(0n);
          }
        });
      }),
      { numRuns: 1000 },
    );
  });
});
