import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors.js";
import { currency, KZT, money } from "../money/index.js";
import { CHART_TEMPLATES, fullNames, normalSide } from "./accounts.js";
import {
  assertBalanced,
  balancesOf,
  type JournalEntryDraft,
  type JournalLine,
  problemOf,
  reversalOf,
  totalsByCurrency,
} from "./journal.js";

const USD = currency("USD");
const cause = { type: "repayment", id: "r1" };

/** A balanced entry: random debits in each currency, closed by one credit per currency. */
const balancedEntry = fc
  .array(
    fc.record({
      account: fc.constantFrom("cash", "bank", "portfolio", "interest", "fees"),
      minor: fc.bigInt({ min: 1n, max: 10n ** 12n }),
      cur: fc.constantFrom(KZT, USD),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((debits): JournalEntryDraft => {
    const lines: JournalLine[] = debits.map((d) => ({ account: d.account, amount: money(d.minor, d.cur) }));
    for (const [cur, total] of totalsByCurrency(lines))
      lines.push({ account: "equity", amount: money(-total, cur) });
    return { businessDate: "2026-01-15", description: "test", cause, lines };
  });

describe("journal entries", () => {
  it("accepts a repayment split between principal and interest (worked example)", () => {
    const entry = {
      lines: [
        { account: "cash", amount: money(1_050_000n, KZT) },
        { account: "portfolio", amount: money(-1_000_000n, KZT) },
        { account: "interest income", amount: money(-50_000n, KZT) },
      ],
    };
    expect(problemOf(entry)).toBeNull();
  });

  it("names the line with no amount, and the currency that does not balance", () => {
    expect(problemOf({ lines: [{ account: "a", amount: money(1n, KZT) }] })).toEqual({
      code: "JOURNAL_EMPTY",
    });
    expect(
      problemOf({
        lines: [
          { account: "a", amount: money(5n, KZT) },
          { account: "b", amount: money(0n, KZT) },
          { account: "c", amount: money(-5n, KZT) },
        ],
      }),
    ).toEqual({ code: "JOURNAL_LINE_ZERO", line: 2 });
    const problem = problemOf({
      lines: [
        { account: "a", amount: money(500n, KZT) },
        { account: "b", amount: money(-500n, KZT) },
        { account: "c", amount: money(100n, USD) },
        { account: "d", amount: money(-99n, USD) },
      ],
    });
    expect(problem).toEqual({ code: "JOURNAL_UNBALANCED", currency: USD, difference: money(1n, USD) });
    try {
      assertBalanced({
        lines: [
          { account: "c", amount: money(100n, USD) },
          { account: "d", amount: money(-99n, USD) },
        ],
      });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.params).toEqual({
        currency: "USD",
        difference: { minor: 1n, currency: "USD" },
      });
    }
  });

  it("accepts every balanced entry and refuses it once any one line changes", () => {
    fc.assert(
      fc.property(balancedEntry, fc.nat(), fc.bigInt({ min: 1n, max: 1000n }), (entry, pick, delta) => {
        expect(problemOf(entry)).toBeNull();
        const i = pick % entry.lines.length;
        const lines = entry.lines.map((l, j) =>
          j === i ? { ...l, amount: money(l.amount.minor + delta, l.amount.currency) } : l,
        );
        expect(problemOf({ lines })?.code).toMatch(/JOURNAL_UNBALANCED|JOURNAL_LINE_ZERO/);
      }),
    );
  });

  it("reverses an entry exactly: together they leave every account at zero", () => {
    fc.assert(
      fc.property(balancedEntry, (entry) => {
        const reversal = reversalOf(
          { ...entry, id: "e1" },
          { businessDate: "2026-02-01", description: "mistake" },
        );
        expect(problemOf(reversal)).toBeNull();
        expect(reversal.reverses).toBe("e1");
        for (const byCurrency of balancesOf([...entry.lines, ...reversal.lines]).values()) {
          for (const total of byCurrency.values()) expect(total).toBe(0n);
        }
      }),
    );
  });

  it("keeps any set of balanced entries balanced in total (the trial balance sums to zero)", () => {
    fc.assert(
      fc.property(fc.array(balancedEntry, { maxLength: 20 }), (entries) => {
        const totals = new Map<string, bigint>();
        for (const byCurrency of balancesOf(entries.flatMap((e) => e.lines)).values()) {
          for (const [cur, b] of byCurrency) totals.set(cur, (totals.get(cur) ?? 0n) + b);
        }
        for (const t of totals.values()) expect(t).toBe(0n);
      }),
    );
  });
});

describe("charts of accounts", () => {
  it("give every account a full name from the top down, without loops", () => {
    for (const chart of Object.values(CHART_TEMPLATES)) {
      const names = fullNames(chart);
      expect(names.size).toBe(chart.length);
      for (const a of chart) {
        const parent = a.parent ? chart.find((p) => p.code === a.parent) : undefined;
        if (parent) expect(parent.type).toBe(a.type);
      }
    }
    expect(fullNames(CHART_TEMPLATES.mfo).get("132")).toBe("Assets:Loan portfolio:Group loans");
    expect(fullNames(CHART_TEMPLATES.shg).get("21")).toBe("Liabilities:Members' savings");
  });
  it("knows which side makes each type grow", () => {
    expect([
      normalSide("asset"),
      normalSide("expense"),
      normalSide("liability"),
      normalSide("equity"),
      normalSide("income"),
    ]).toEqual(["debit", "debit", "credit", "credit", "credit"]);
  });
});
