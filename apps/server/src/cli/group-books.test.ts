import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_GRADING_TABLE } from "@qadam/core/groups/grading";
import { DEFAULT_RULES } from "@qadam/core/groups/rules";
import { beforeAll, describe, expect, it } from "vitest";
import { type GroupWorld, groupWorld } from "../groups/testing.js";
import { openDatabase } from "../platform/db/database.js";
import { migrateToLatest } from "../platform/db/migrate.js";
import { expectBooksCoherentAt } from "../testing/books-coherence.js";
import { qadam, scratchDir } from "./testing.js";

const dir = scratchDir("qadam-group-books-");

let files = 0;
function file(content: unknown): string {
  files += 1;
  const path = join(dir, `input-${files}.json`);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

describe("qadam group: the books kept from the command line", () => {
  const url = `sqlite:${join(dir, "books.db")}`;
  let w: GroupWorld;
  let a: string;
  let b: string;
  let c: string;
  const on = (args: string[]) => qadam([...args, "--group", w.groupId, "--database-url", url]);

  /** Everyone present, each paying the compulsory 500 and the social fund's 100, plus `lines`. */
  const meeting = (heldOn: string, lines: unknown[] = []) => ({
    heldOn,
    attendance: w.members.map((personId) => ({ personId, status: "present" })),
    lines: [
      ...w.members.map((personId) => ({ kind: "savings", personId, amount: "500" })),
      ...w.members.map((personId) => ({ kind: "socialContribution", personId, amount: "100" })),
      ...lines,
    ],
  });

  beforeAll(async () => {
    const open = await openDatabase(url);
    try {
      await migrateToLatest(open.db);
      w = await groupWorld(open.db, DEFAULT_RULES, 3);
      [a, b, c] = w.members as [string, string, string];
    } finally {
      await open.close();
    }
  });

  it("lists the group's rules and adopts a new version from a JSON file", async () => {
    const before = await on(["group", "rules", "--json"]);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.out).items.map((r: { validFrom: string }) => r.validFrom)).toEqual([
      "2026-01-01",
    ]);
    const stricter = { ...DEFAULT_RULES, fines: { absence: "200", lateness: "100", lateRepayment: "300" } };
    const adopted = await on([
      "group",
      "adopt-rules",
      "--from",
      "2026-03-01",
      "--file",
      file(stricter),
      "--json",
    ]);
    expect(adopted.code).toBe(0);
    expect(JSON.parse(adopted.out)).toMatchObject({ groupId: w.groupId, validFrom: "2026-03-01" });
    const after = JSON.parse((await on(["group", "rules", "--json"])).out);
    expect(after.items.map((r: { validFrom: string }) => r.validFrom)).toEqual(["2026-01-01", "2026-03-01"]);
    expect(after.items[1].rules.fines).toEqual({ absence: "200", lateness: "100", lateRepayment: "300" });
    await expectBooksCoherentAt(url, w.t.rootId);
  });

  it("refuses a rules file that is not JSON, or not rules, naming what is wrong", async () => {
    const broken = await on(["group", "adopt-rules", "--from", "2026-04-01", "--file", file("{ meetings")]);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/is not JSON/);
    const wrong = { ...DEFAULT_RULES, meetings: { frequency: "daily", weekday: "wednesday" } };
    const invalid = await on(["group", "adopt-rules", "--from", "2026-04-01", "--file", file(wrong)]);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/meetings\.frequency/);
    expect(JSON.parse((await on(["group", "rules", "--json"])).out).items).toHaveLength(2);
    await expectBooksCoherentAt(url, w.t.rootId);
  });

  it("records a meeting from the API's JSON, reads it back, and shows each member's passbook", async () => {
    const recorded = await on([
      "group",
      "record-meeting",
      "--file",
      file(meeting("2026-03-04", [{ kind: "loan", personId: c, amount: "1000", termMonths: 2 }])),
      "--json",
    ]);
    expect(recorded.code).toBe(0);
    const m = JSON.parse(recorded.out);
    expect(m).toMatchObject({ seq: 1, heldOn: "2026-03-04", status: "posted", currency: "KZT" });
    expect(m.lines).toHaveLength(7);
    expect(m.loansIssued).toHaveLength(1);
    // 1,500 saved and 300 to the social fund; 1,000 lent out of the cash box.
    expect(m.cashAfter).toBe("500.00");
    const read = JSON.parse((await on(["group", "meeting", "--meeting", m.id, "--json"])).out);
    const { entryId: _e, cashAfter: _c, loansIssued: _l, ...shown } = m;
    expect(read).toEqual(shown);
    const book = JSON.parse((await on(["group", "passbook", "--person", c, "--json"])).out);
    expect(book).toMatchObject({
      personId: c,
      savings: "500.00",
      loans: "1000.00",
      socialContributions: "100.00",
    });
    const text = await on(["group", "passbook", "--person", a]);
    expect(text.out).toMatch(/^Savings 500\.00, loans 0\.00/);
    await expectBooksCoherentAt(url, w.t.rootId);
  });

  it("refuses an invalid meeting with the member and the line named, in the language asked for, writing nothing", async () => {
    // B has 500.00 in savings: the rules let her borrow three times that.
    const tooMuch = file(
      meeting("2026-03-11", [{ kind: "loan", personId: b, amount: "5000", termMonths: 2 }]),
    );
    const en = await on(["group", "record-meeting", "--file", tooMuch]);
    expect(en.code).toBe(1);
    // Every problem at once, one line each, with its place in the file: the loan, and the cash it would take.
    expect(en.err).toMatch(
      /^qadam: lines\.6\.amount: Line 7: a loan to .+ may not exceed ₸3,000\.00 under the group's rules\.$/m,
    );
    expect(en.err).toMatch(/^lines\.6\.amount: .*cash/m);
    const ru = await on(["group", "record-meeting", "--file", tooMuch, "--lang", "ru"]);
    expect(ru.err).toMatch(
      /^qadam: lines\.6\.amount: Строка 7: по правилам группы заём участницы .+ не может превышать 3\s000,00\s₸\.$/m,
    );
    const list = JSON.parse((await on(["group", "meetings", "--json"])).out);
    expect(list.meetings).toHaveLength(1);
    const notAMeeting = await on(["group", "record-meeting", "--file", file({ heldOn: "2026-03-11" })]);
    expect(notAMeeting.code).toBe(1);
    expect(notAMeeting.err).toMatch(/attendance/);
    await expectBooksCoherentAt(url, w.t.rootId);
  });

  it("corrects only the latest meeting, by reversal and re-entry", async () => {
    const second = JSON.parse(
      (await on(["group", "record-meeting", "--file", file(meeting("2026-03-11")), "--json"])).out,
    );
    const first = JSON.parse((await on(["group", "meetings", "--json"])).out).meetings[0];
    const closed = await on([
      "group",
      "correct-meeting",
      "--meeting",
      first.id,
      "--file",
      file(meeting("2026-03-04")),
    ]);
    expect(closed.code).toBe(1);
    expect(closed.err).toBe(
      "qadam: Only the group's latest meeting can be corrected; the meeting of 2026-03-04 is closed.",
    );
    const fixed = await on([
      "group",
      "correct-meeting",
      "--meeting",
      second.id,
      "--file",
      file(meeting("2026-03-11", [{ kind: "voluntarySavings", personId: a, amount: "250" }])),
      "--json",
    ]);
    expect(fixed.code).toBe(0);
    const done = JSON.parse(fixed.out);
    expect(done.reversed).toMatchObject({ id: second.id, status: "reversed" });
    expect(done.replacement).toMatchObject({ seq: 3, heldOn: "2026-03-11", status: "posted" });
    const book = JSON.parse((await on(["group", "passbook", "--person", a, "--json"])).out);
    expect(book.savings).toBe("1250.00");
    await expectBooksCoherentAt(url, w.t.rootId);
  });

  it("reports the meetings the rules expected and the ones missed", async () => {
    const res = await on([
      "group",
      "missed-meetings",
      "--from",
      "2026-03-01",
      "--to",
      "2026-03-31",
      "--json",
    ]);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.out)).toEqual({
      groupId: w.groupId,
      from: "2026-03-01",
      to: "2026-03-31",
      expected: ["2026-03-04", "2026-03-11", "2026-03-18", "2026-03-25"],
      held: ["2026-03-04", "2026-03-11"],
      matched: [
        { expected: "2026-03-04", held: "2026-03-04" },
        { expected: "2026-03-11", held: "2026-03-11" },
      ],
      missed: ["2026-03-18", "2026-03-25"],
      extra: [],
    });
    const text = await on(["group", "missed-meetings", "--from", "2026-03-01", "--to", "2026-03-31"]);
    expect(text.out).toContain("Missed: 2026-03-18, 2026-03-25");
    const backwards = await on(["group", "missed-meetings", "--from", "2026-04-01", "--to", "2026-03-01"]);
    expect(backwards.code).toBe(1);
    await expectBooksCoherentAt(url, w.t.rootId);
  });

  it("keeps grades in the group's history and sets the tenant's grading table", async () => {
    expect((await on(["group", "grades"])).out).toMatch(/No grade kept yet/);
    expect((await on(["group", "grade", "--on", "2026-03-31", "--record"])).code).toBe(0);
    const history = JSON.parse((await on(["group", "grades", "--json", "--lang", "fr"])).out);
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({
      gradedOn: "2026-03-31",
      grade: expect.stringMatching(/^[ABC]$/),
    });
    expect(history.items[0].criteria[0].reason).toMatch(/réunions/);
    const table = [
      "group",
      "grading-table",
      "--tenant",
      w.t.tenantId,
      "--from",
      "2026-04-01",
      "--database-url",
      url,
    ];
    const set = await qadam([...table, "--file", file(DEFAULT_GRADING_TABLE), "--json"]);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.out)).toMatchObject({ validFrom: "2026-04-01" });
    const bad = await qadam([
      ...table,
      "--file",
      file({ ...DEFAULT_GRADING_TABLE, bands: { A: 50, B: 80 } }),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("bands.A: The field “grade A threshold” is below band B (80).");
    await expectBooksCoherentAt(url, w.t.rootId);
  });

  it("prints what is due at a meeting, a body record-meeting takes unchanged", async () => {
    // C's loan of 4 March (1,000.00 over 2 months at 2 %): installment 1 due on 4 April, with the
    // interest of the month begun that day.
    const res = await on(["group", "meeting-draft", "--on", "2026-04-08", "--json"]);
    expect(res.code).toBe(0);
    const draft = JSON.parse(res.out);
    expect(draft.heldOn).toBe("2026-04-08");
    const loanOfC = draft.members.find((m: { personId: string }) => m.personId === c).loans[0];
    expect(loanOfC).toMatchObject({ principal: "500.00", interest: "40.00", daysLate: 4 });
    expect(draft.meeting.lines).toContainEqual({
      kind: "repayment",
      personId: c,
      loanId: loanOfC.loanId,
      amount: "540.00",
    });
    const recorded = await on(["group", "record-meeting", "--file", file(draft.meeting), "--json"]);
    expect(recorded.code).toBe(0);
    expect(JSON.parse(recorded.out).cashAfter).toBe(draft.meeting.cashCounted);
    const text = await on(["group", "meeting-draft", "--on", "2026-04-15"]);
    expect(text.out).toContain("Meeting of 2026-04-15");
    const bad = await on(["group", "meeting-draft", "--on", "2026-04-31"]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("--on must be a date");
    await expectBooksCoherentAt(url, w.t.rootId);
  });

  it("prints the grading table in force without --from and --file, the default before any was set", async () => {
    const show = (more: string[]) =>
      qadam(["group", "grading-table", "--tenant", w.t.tenantId, "--database-url", url, ...more]);
    const before = await show(["--on", "2026-03-31", "--json"]);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.out)).toEqual({
      on: "2026-03-31",
      validFrom: null,
      table: DEFAULT_GRADING_TABLE,
    });
    const later = { ...DEFAULT_GRADING_TABLE, bands: { A: 80, B: 70 } };
    const set = await qadam([
      "group",
      "grading-table",
      "--tenant",
      w.t.tenantId,
      "--from",
      "2026-06-01",
      "--file",
      file(later),
      "--database-url",
      url,
    ]);
    expect(set.code).toBe(0);
    const json = JSON.parse((await show(["--on", "2026-06-15", "--json"])).out);
    expect(json).toMatchObject({
      on: "2026-06-15",
      validFrom: "2026-06-01",
      table: { bands: { A: 80, B: 70 } },
    });
    const text = await show(["--on", "2026-06-15"]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/in force on 2026-06-15: the tenant's, from 2026-06-01/);
    expect(text.out).toMatch(/A from 80 points, B from 70/);
    expect(text.out).toMatch(/repaymentOnTime\s+max\s+20\s+≥ 95 %: 20, ≥ 80 %: 14, ≥ 60 %: 7/);
    // Today by default; and a half-given setting is refused.
    expect((await show([])).code).toBe(0);
    const half = await show(["--from", "2026-07-01"]);
    expect(half.code).toBe(1);
    expect(half.err).toMatch(/--from and --file go together/);
    await expectBooksCoherentAt(url, w.t.rootId);
  });
});
