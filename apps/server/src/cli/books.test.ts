import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { systemClock } from "@qadam/core/clock";
import { systemIds } from "@qadam/core/ids";
import { KZT, money } from "@qadam/core/money";
import { describe, expect, it } from "vitest";
import { postEntry } from "../books/index.js";
import { executeCommand } from "../platform/commands.js";
import { openDatabase } from "../platform/db/database.js";
import { expectBooksCoherentAt } from "../testing/books-coherence.js";
import { operatorOf } from "./operator.js";
import { qadam, scratchDir } from "./testing.js";

const dir = scratchDir("qadam-books-");

function hledgerAvailable(): boolean {
  try {
    execFileSync("hledger", ["--version"]);
    return true;
  } catch {
    return false;
  }
}

describe("qadam books", () => {
  const url = `sqlite:${join(dir, "books.db")}`;

  it("opens an MFO's books, prints the trial balance, and exports a journal hledger agrees with", async () => {
    expect(
      (await qadam(["demo", "--members", "20", "--loans", "0", "--no-meetings", "--database-url", url])).code,
    ).toBe(0);
    const orgs = JSON.parse(
      (await qadam(["org", "list", "--json", "--kind", "mfo", "--database-url", url])).out,
    ) as Array<{ id: string }>;
    const mfo = orgs[0]?.id ?? "";
    const opened = await qadam(["books", "open", "--org", mfo, "--json", "--database-url", url]);
    expect(opened.code).toBe(0);
    const chart = JSON.parse(opened.out) as Array<{ id: string; code: string }>;
    const id = (code: string) => chart.find((a) => a.code === code)?.id ?? "";

    const open = await openDatabase(url);
    try {
      const actor = await operatorOf(open.db, "moldir");
      for (const [day, principal, interest] of [
        ["2026-01-15", 0n, 0n],
        ["2026-02-16", 745_596n, 200_000n],
        ["2026-03-16", 760_508n, 185_088n],
      ] as const) {
        const lines =
          principal === 0n
            ? [
                { account: id("132"), amount: money(10_000_000n, KZT) },
                { account: id("11"), amount: money(-10_000_000n, KZT) },
              ]
            : [
                { account: id("11"), amount: money(principal + interest, KZT) },
                { account: id("132"), amount: money(-principal, KZT) },
                { account: id("41"), amount: money(-interest, KZT) },
              ];
        await executeCommand(
          { db: open.db, clock: systemClock, ids: systemIds },
          { actor, name: "books.post", source: "cli" },
          (trx, ctx) =>
            postEntry(trx, ctx, mfo, {
              businessDate: day,
              description: "loan L1",
              cause: { type: "loan", id: "L1" },
              lines,
            }),
        );
      }
    } finally {
      await open.close();
    }

    const tb = await qadam([
      "books",
      "trial-balance",
      "--org",
      mfo,
      "--date",
      "2026-12-31",
      "--json",
      "--database-url",
      url,
    ]);
    expect(JSON.parse(tb.out)).toEqual({
      accounts: [
        { account: "Активтер:Касса", currency: "KZT", balance: "-81088.08" },
        { account: "Активтер:Қарыз портфелі:Топтық қарыздар", currency: "KZT", balance: "84938.96" },
        { account: "Кірістер:Сыйақы бойынша кірістер", currency: "KZT", balance: "-3850.88" },
      ],
    });
    const bad = await qadam([
      "books",
      "trial-balance",
      "--org",
      mfo,
      "--date",
      "yesterday",
      "--database-url",
      url,
    ]);
    expect(bad.code).toBe(1);

    const file = join(dir, "mfo.ledger");
    expect(
      (
        await qadam([
          "books",
          "export",
          "--org",
          mfo,
          "--format",
          "ledger",
          "--to",
          file,
          "--database-url",
          url,
        ])
      ).code,
    ).toBe(0);
    if (!hledgerAvailable()) {
      if (process.env.CI) throw new Error("hledger is missing in CI");
      console.warn("!!! hledger is not installed: the export was not checked against it");
      return;
    }
    const csv = execFileSync("hledger", ["-f", file, "balance", "--flat", "-N", "-O", "csv"], {
      encoding: "utf8",
    });
    expect(csv.trim().split("\n").slice(1)).toEqual([
      '"Активтер:Касса","-81088.08 KZT"',
      '"Активтер:Қарыз портфелі:Топтық қарыздар","84938.96 KZT"',
      '"Кірістер:Сыйақы бойынша кірістер","-3850.88 KZT"',
    ]);
    await expectBooksCoherentAt(url);
  });

  it("exports a demo MFO's year of lending, and hledger's balances equal our trial balance", async () => {
    const demoUrl = `sqlite:${join(dir, "demo.db")}`;
    expect((await qadam(["demo", "--members", "200", "--no-meetings", "--database-url", demoUrl])).code).toBe(
      0,
    );
    const orgs = JSON.parse(
      (await qadam(["org", "list", "--json", "--kind", "mfo", "--database-url", demoUrl])).out,
    ) as Array<{ id: string }>;
    const mfo = orgs[0]?.id ?? "";
    const tb = JSON.parse(
      (await qadam(["books", "trial-balance", "--org", mfo, "--json", "--database-url", demoUrl])).out,
    ) as { accounts: Array<{ account: string; currency: string; balance: string }> };
    const names = tb.accounts.map((a) => a.account);
    for (const a of [
      "Активтер:Қарыз портфелі:Жеке қарыздар",
      "Кірістер:Өсімпұлдан түскен кірістер",
      "Шығыстар:Қарыздар бойынша шығындар",
    ])
      expect(names).toContain(a);
    const file = join(dir, "demo-mfo.ledger");
    const exported = await qadam([
      "books",
      "export",
      "--org",
      mfo,
      "--format",
      "ledger",
      "--to",
      file,
      "--database-url",
      demoUrl,
    ]);
    expect(exported.code).toBe(0);
    if (!hledgerAvailable()) {
      if (process.env.CI) throw new Error("hledger is missing in CI");
      console.warn("!!! hledger is not installed: the demo export was not checked against it");
      return;
    }
    const csv = execFileSync("hledger", ["-f", file, "balance", "--flat", "-N", "-O", "csv"], {
      encoding: "utf8",
    });
    const theirs = csv
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.replaceAll('"', "").split(","));
    expect(theirs).toEqual(tb.accounts.map((a) => [a.account, `${a.balance} ${a.currency}`]));
    await expectBooksCoherentAt(demoUrl);
  }, 120_000);
});
