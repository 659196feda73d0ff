import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { currency, formatMoney, KZT, money } from "../money/index.js";
import { CHART_TEMPLATES, chartTemplate, fullNames } from "./accounts.js";
import { balancesOf, type JournalLine, totalsByCurrency } from "./journal.js";
import { formatLedgerJournal, type LedgerEntry, ledgerAccountName } from "./ledger-format.js";

function hledgerVersion(): string | null {
  try {
    return execFileSync("hledger", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}
const version = hledgerVersion();
if (!version) {
  if (process.env.CI) throw new Error("hledger is missing in CI: .ci/run installs Debian's hledger package");
  console.warn(
    "\n!!! hledger is not installed: THE LEDGER EXPORT IS NOT CHECKED AGAINST IT in this run (apt-get install hledger)\n",
  );
}

const dir = mkdtempSync(join(tmpdir(), "qadam-ledger-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const USD = currency("USD");
const accounts = [
  ...fullNames(CHART_TEMPLATES.mfo).values(),
  ...fullNames(CHART_TEMPLATES.shg).values(),
  // The charts as Kazakh, Russian and French tenants keep them: hledger reads their names too.
  ...(["kk", "ru", "fr"] as const).flatMap((l) => [...fullNames(chartTemplate("shg", l)).values()]),
  ...(["kk", "ru", "fr"] as const).flatMap((l) => [...fullNames(chartTemplate("mfo", l)).values()]),
].filter((n) => n.includes(":"));

const entryArb = fc
  .array(
    fc.record({
      account: fc.constantFrom(...accounts),
      minor: fc.bigInt({ min: 1n, max: 10n ** 11n }),
      cur: fc.constantFrom(KZT, USD),
    }),
    {
      minLength: 1,
      maxLength: 5,
    },
  )
  .map((debits) => {
    const lines: JournalLine[] = debits.map((d) => ({ account: d.account, amount: money(d.minor, d.cur) }));
    for (const [cur, total] of totalsByCurrency(lines))
      lines.push({ account: "Equity:Capital", amount: money(-total, cur) });
    return lines;
  });

describe("the ledger export", () => {
  it("writes entries in hledger's format", () => {
    const text = formatLedgerJournal([
      {
        id: "e1",
        businessDate: "2026-01-15",
        description: "Disbursement; loan 7\nfirst",
        lines: [
          { account: "Assets:Loan portfolio:Group loans", amount: money(10_000_000n, KZT) },
          { account: "Assets:Cash", amount: money(-10_000_000n, KZT) },
        ],
      },
    ]);
    expect(text).toBe(
      [
        "commodity 1000.00 KZT",
        "",
        "2026-01-15 Disbursement, loan 7 first  ; id:e1",
        "    Assets:Loan portfolio:Group loans  100000.00 KZT",
        "    Assets:Cash  -100000.00 KZT",
        "",
      ].join("\n"),
    );
    expect(ledgerAccountName("Assets:  Odd\tname;")).toBe("Assets: Odd name");
  });

  it.skipIf(!version)("is read by hledger, whose balances equal ours to the minor unit", () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 40 }), (entryLines) => {
        const entries: LedgerEntry[] = entryLines.map((lines, i) => ({
          id: `e${i}`,
          businessDate: `2026-${String((i % 12) + 1).padStart(2, "0")}-15`,
          description: `entry ${i}`,
          lines,
        }));
        const file = join(dir, "journal.ledger");
        writeFileSync(file, formatLedgerJournal(entries));
        const ours = balancesOf(entries.flatMap((e) => e.lines));
        for (const cur of [KZT, USD]) {
          const csv = execFileSync(
            "hledger",
            ["-f", file, "balance", "--flat", "-N", "-O", "csv", `cur:${cur}`],
            { encoding: "utf8" },
          );
          const theirs = new Map(
            csv
              .trim()
              .split("\n")
              .slice(1)
              .map((row) => {
                const [account = "", amount = ""] = row.split('","').map((c) => c.replaceAll('"', ""));
                return [account, amount] as const;
              })
              .filter(([, amount]) => amount !== "0" && amount !== ""),
          );
          const expected = new Map(
            [...ours]
              .map(([account, byCur]) => [account, byCur.get(cur) ?? 0n] as const)
              .filter(([, minor]) => minor !== 0n)
              .map(([account, minor]) => [account, `${formatMoney(money(minor, cur))} ${cur}`] as const),
          );
          expect(theirs).toEqual(expected);
        }
      }),
      { numRuns: 25 },
    );
  });
});
