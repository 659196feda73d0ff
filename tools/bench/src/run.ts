// npm run bench: the figures issue #2 asks for, printed as JSON.
// - the wall time of `qadam demo --members 100000` on SQLite (and on PostgreSQL when reachable);
// - requests per second of an authenticated GET /api/v1/people?q=… search on that data, over
//   loopback, measured by autocannon against `qadam serve` running in its own process;
// - and, for issue #3: schedule previews per second (in process); repayments per second through the
//   loan engine, one transaction each and batched, beside raw better-sqlite3 writing the same rows;
//   PAR30 over a million loans; the trial balance of 100,000 entries beside ledger's and hledger's;
// - and, for issue #8: the engine's repayment rate as a share of the floor (every row it writes,
//   written by hand into Qadam's schema), and the WAL pages each repayment commit writes; the CPU a
//   `qadam` command takes to start, beside a bare `node -e 0`.
// - and, for issue #10: the web app's first screen (web.ts): the gzipped JavaScript and CSS the log-in
//   page and the home page request, and the time to show the log-in form on a throttled phone.
// - and, for issue #11: the meeting on a phone (phone.ts): what the meeting route loads, its first step
//   shown on a slow line (cold, warm from the service worker's cache, offline), and the taps and
//   keystrokes a 15-member meeting from the draft takes.
// `npm run bench -- --only repayments,cli` runs only the parts named: schedule, sqlite (the demo and the
// people search), loans (issue #3 and #4's figures), raw, postgres, repayments, cli, web, phone; and
// route, only what the meeting route loads (phone's meetingRoute, in under a minute; not run by default).
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { previewOptions, previewSchedule } from "@qadam/core/loans/preview";
import autocannon from "autocannon";
import pg from "pg";
import { cliStart } from "./cli.js";
import { rollUpBench } from "./groups.js";
import {
  copyDurably,
  type EngineRepayments,
  engineRepayments,
  parOverLoans,
  rawSchemaRepayments,
  rawSqliteRepayments,
  trialBalanceVersusLedger,
} from "./loans.js";
import { meetingsPerSecond } from "./meetings.js";
import { meetingRouteSize, phoneMeeting } from "./phone.js";
import { webFirstScreen } from "./web.js";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PG_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const BIN = fileURLToPath(new URL("../../../apps/server/bin/qadam.js", import.meta.url));
const DIR = resolve(".bench");

function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string; seconds: number }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", fail);
    child.on("close", (code) =>
      done({ code: code ?? 1, stdout, stderr, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function demoTime(databaseUrl: string) {
  const result = await run(["demo", "--members", String(MEMBERS), "--database-url", databaseUrl, "--json"]);
  if (result.code !== 0) throw new Error(`qadam demo failed: ${result.stderr}`);
  const summary = JSON.parse(result.stdout) as { people: number; organisations: number; seconds: number };
  return {
    wallSeconds: Number(result.seconds.toFixed(2)),
    people: summary.people,
    organisations: summary.organisations,
  };
}

async function searchRate(databaseUrl: string) {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [BIN, "serve", "--port", String(port), "--database-url", databaseUrl, "--log-level", "silent"],
    {
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        if (i > 200) throw new Error("qadam serve did not start");
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const login = await fetch(`${base}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: "admin@moldir.demo", password: "qadam-demo-2026" }),
    });
    if (!login.ok) throw new Error(`log-in failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    // A mix of searches a field officer makes: a given name, a family-name prefix, two words, a phone.
    const queries = ["айгүл", "ахмет", "гүлнар омар", "+7701", "сейіт", "мадина", "жұмабаева ә", "тоғжан"];
    const check = await fetch(`${base}/api/v1/people?q=${encodeURIComponent(queries[0] ?? "")}&limit=20`, {
      headers: { cookie },
    });
    const sample = (await check.json()) as { items?: unknown[] };
    if (!check.ok || !sample.items || sample.items.length === 0)
      throw new Error(`search returned nothing: ${check.status}`);
    let n = 0;
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION,
      headers: { cookie },
      requests: [
        {
          method: "GET",
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/people?q=${encodeURIComponent(queries[n++ % queries.length] ?? "")}&limit=20`,
          }),
        },
      ],
    });
    return {
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
      non2xx: result.non2xx,
      errors: result.errors,
      connections: CONNECTIONS,
      seconds: DURATION,
    };
  } finally {
    server.kill("SIGTERM");
  }
}

async function postgresUrl(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("drop database if exists qadam_bench with (force)");
    await client.query("create database qadam_bench");
    return PG_ADMIN_URL.replace(/\/[^/]*$/, "/qadam_bench");
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Schedule previews (12 monthly installments with the effective rate) computed per second, in process. */
function schedulePreviewsPerSecond(): number {
  const options = previewOptions.parse({
    principal: "100000",
    annualRate: "24",
    installments: "12",
    disbursed: "2026-01-15",
    firstDue: "2026-02-15",
  });
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < 3000) {
    previewSchedule(options);
    n += 1;
  }
  return Math.round(n / ((performance.now() - started) / 1000));
}

const LOANS = Number(process.env.BENCH_LOANS ?? 300);

/** A demo of 50 members, no loans and no meetings: the tenant, its MFO and borrowers to lend to. */
async function smallDemo(databaseUrl: string): Promise<void> {
  const demo = await run([
    "demo",
    "--members",
    "50",
    "--loans",
    "0",
    "--no-meetings",
    "--database-url",
    databaseUrl,
  ]);
  if (demo.code !== 0) throw new Error(demo.stderr);
}

/** Rounds of the repayment shares: the machine's noise moves one run's rates by a fifth and more. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Payments per installment when every repayment goes to one loan (12 installments: 3,600 repayments). */
const PARTS_OF_ONE_LOAN = 300;

/** The middle value, and the lowest and highest, of a figure over the rounds. */
function spread(values: readonly number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  const round = (x: number) => Number(x.toFixed(2));
  return { median: round(median), min: round(sorted[0] ?? 0), max: round(sorted.at(-1) ?? 0) };
}

/**
 * The engine's repayments beside the floor (every row it writes, by hand, in Qadam's schema and
 * settings), each pair measured in the same round, ROUNDS rounds. Two workloads, each with its own
 * floor: every repayment to one loan (the floor as the issue defines it; the engine pays one loan's
 * installments in many parts), and repayments spread over the LOANS loans the engine repays whole
 * installments of, in date order (a batch touches a hundred loans' rows and pages). Beside each
 * engine rate, the same statements replayed by hand: the most any code issuing them could reach.
 */
async function repaymentShares(postgres: string | null) {
  const template = `${DIR}/shares-template.db`;
  await smallDemo(`sqlite:${template}`);
  const file = `${DIR}/shares.db`;
  const url = `sqlite:${file}`;
  type Pair = { engine: EngineRepayments; floor: number; floorPages: number };
  const rounds: Array<Record<string, Record<string, Pair>>> = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Each round on a fresh copy of the demo's database: the floors write a hundred thousand
    // repayments a round, and a database grown by the earlier rounds would slow the later ones.
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    copyDurably(template, file);
    const round: (typeof rounds)[number] = { oneLoan: {}, overLoans: {} };
    for (const [name, batch, count] of [
      ["oneTransactionEach", 1, 5_000],
      ["batched", 100, 50_000],
    ] as const) {
      const one = await engineRepayments(url, 1, batch, { parts: PARTS_OF_ONE_LOAN, replay: true });
      const oneFloor = rawSchemaRepayments(file, count, batch, "engine");
      const over = await engineRepayments(url, LOANS, batch, { replay: true });
      // Over the loans the engine has just repaid: the last LOANS loans made.
      const overFloor = rawSchemaRepayments(file, count, batch, "engine", LOANS);
      (round.oneLoan as Record<string, Pair>)[name] = {
        engine: one,
        floor: oneFloor.perSecond,
        floorPages: oneFloor.walPagesPerCommit,
      };
      (round.overLoans as Record<string, Pair>)[name] = {
        engine: over,
        floor: overFloor.perSecond,
        floorPages: overFloor.walPagesPerCommit,
      };
    }
    rounds.push(round);
  }
  const figure = (workload: "oneLoan" | "overLoans", name: string) => {
    const pairs = rounds.map((r) => r[workload]?.[name] as Pair);
    const last = pairs.at(-1)?.engine;
    return {
      engine: spread(pairs.map((p) => p.engine.perSecond)),
      floor: spread(pairs.map((p) => p.floor)),
      engineShareOfFloor: spread(pairs.map((p) => p.engine.perSecond / p.floor)),
      statementsReplayed: spread(pairs.map((p) => p.engine.statementsReplayedPerSecond ?? 0)),
      // The most any code issuing the engine's statements could reach, as a share of the floor.
      statementsShareOfFloor: spread(pairs.map((p) => (p.engine.statementsReplayedPerSecond ?? 0) / p.floor)),
      // What the engine's own code costs: its rate over its statements' replayed.
      engineShareOfItsStatements: spread(
        pairs.map((p) => p.engine.perSecond / (p.engine.statementsReplayedPerSecond ?? 1)),
      ),
      statementsPerRepayment: last?.statementsPerRepayment ?? null,
      repayments: last?.repayments ?? 0,
      // Each commit of one repayment (both count them after their timed runs).
      walPagesPerCommit: { engine: last?.walPagesPerCommit ?? null, floor: pairs.at(-1)?.floorPages ?? null },
    };
  };
  const figures: Record<string, unknown> = {
    sqlite: {
      rounds: ROUNDS,
      everyRepaymentToOneLoan: {
        oneTransactionEach: figure("oneLoan", "oneTransactionEach"),
        batched: figure("oneLoan", "batched"),
      },
      [`overTheEngines${LOANS}Loans`]: {
        oneTransactionEach: figure("overLoans", "oneTransactionEach"),
        batched: figure("overLoans", "batched"),
      },
    },
  };
  if (postgres) {
    await smallDemo(postgres);
    figures.postgres = {
      engine: {
        oneTransactionEach: await engineRepayments(postgres, LOANS, 1),
        batched: await engineRepayments(postgres, LOANS, 100),
      },
    };
  }
  return figures;
}

const PARTS = [
  "schedule",
  "sqlite",
  "loans",
  "raw",
  "postgres",
  "repayments",
  "cli",
  "web",
  "phone",
  "route",
] as const;

/** The parts named by `--only a,b` (every part but `route`, which `phone` includes, by default). */
function partsWanted(argv: readonly string[]): Set<string> {
  const at = argv.indexOf("--only");
  if (at < 0) return new Set(PARTS.filter((p) => p !== "route"));
  const named = (argv[at + 1] ?? "").split(",").filter(Boolean);
  const unknown = named.filter((n) => !(PARTS as readonly string[]).includes(n));
  if (named.length === 0 || unknown.length > 0)
    throw new Error(`--only takes some of ${PARTS.join(", ")}, separated by commas`);
  return new Set(named);
}

async function loanFigures(url: string, freshDemo: boolean) {
  if (freshDemo) {
    const demo = await run(["demo", "--members", "50", "--loans", "0", "--database-url", url]);
    if (demo.code !== 0) throw new Error(demo.stderr);
  }
  const oneEach = await engineRepayments(url, LOANS, 1);
  const batched = await engineRepayments(url, LOANS, 100);
  const par = await parOverLoans(url, 1_000_000);
  const figures: Record<string, unknown> = {
    repayments: { oneTransactionEach: oneEach, batched },
    par30: par,
    // Issue #4: a 15-member meeting with 40 money lines, one transaction each (10 groups × 26 weeks).
    meetingsPosted: await meetingsPerSecond(url, 10, 26),
    // Issue #4: one roll-up of an association of MEMBERS women with a year of weekly meetings.
    groupRollup: await rollUpBench(freshDemo ? url.replace(/loans\.db$/, "groups.db") : url, MEMBERS),
  };
  if (freshDemo) {
    const tbUrl = url.replace(/loans\.db$/, "tb.db");
    const demo = await run(["demo", "--members", "20", "--loans", "0", "--database-url", tbUrl]);
    if (demo.code !== 0) throw new Error(demo.stderr);
    figures.trialBalance = await trialBalanceVersusLedger(tbUrl, 100_000, `${DIR}/tb.ledger`);
  }
  return figures;
}

async function main(): Promise<void> {
  const parts = partsWanted(process.argv.slice(2));
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const sqliteUrl = `sqlite:${DIR}/bench.db`;
  const report: Record<string, unknown> = { members: MEMBERS, node: process.version };
  if (parts.has("cli")) report.cliStart = cliStart(BIN);
  if (parts.has("web")) report.web = await webFirstScreen({ bin: BIN, dir: DIR, freePort, run });
  if (parts.has("phone")) report.phone = await phoneMeeting({ bin: BIN, dir: DIR, freePort, run });
  if (parts.has("route")) report.route = await meetingRouteSize({ bin: BIN, dir: DIR, freePort, run });
  if (parts.has("schedule")) report.schedulePreviewsPerSecond = schedulePreviewsPerSecond();
  const pgUrl =
    process.env.BENCH_SKIP_POSTGRES || !(parts.has("postgres") || parts.has("repayments"))
      ? null
      : await postgresUrl();
  if (parts.has("repayments")) report.repayments = await repaymentShares(pgUrl);
  if (parts.has("sqlite"))
    report.sqlite = { demo: await demoTime(sqliteUrl), peopleSearch: await searchRate(sqliteUrl) };
  if (parts.has("loans")) report.sqliteLoans = await loanFigures(`sqlite:${DIR}/loans.db`, true);
  if (parts.has("raw")) {
    if (!parts.has("loans")) throw new Error("--only raw needs loans too: it writes into the loans database");
    report.rawBetterSqlite3 = {
      // The reference: bare tables, no index but the keys, no foreign key.
      bareTables: {
        oneTransactionEach: rawSqliteRepayments(`${DIR}/raw.db`, 20_000, 1),
        batched: rawSqliteRepayments(`${DIR}/raw.db`, 200_000, 1000),
      },
      // The same rows written by hand into Qadam's own schema (the database the engine just used).
      qadamSchema: {
        entryOnly: {
          oneTransactionEach: rawSchemaRepayments(`${DIR}/loans.db`, 5_000, 1, "entry"),
          batched: rawSchemaRepayments(`${DIR}/loans.db`, 50_000, 100, "entry"),
        },
        everyRowTheEngineWrites: {
          oneTransactionEach: rawSchemaRepayments(`${DIR}/loans.db`, 5_000, 1, "engine"),
          batched: rawSchemaRepayments(`${DIR}/loans.db`, 50_000, 100, "engine"),
        },
      },
    };
  }
  if (parts.has("postgres")) {
    if (pgUrl && parts.has("repayments")) {
      // A fresh database for the demo: the repayments part loaded one already.
      const again = await postgresUrl();
      if (again !== pgUrl) throw new Error("PostgreSQL went away");
    }
    report.postgres = pgUrl
      ? {
          demo: await demoTime(pgUrl),
          peopleSearch: await searchRate(pgUrl),
          loans: await loanFigures(pgUrl, false),
        }
      : "unreachable: skipped";
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

await main();
