// Issue #4's figure: meetings posted per second through recordMeeting, one transaction each. Each
// meeting is a 15-member group's weekly meeting with 40 money lines: 15 savings, 15 social-fund
// contributions, 5 fines, and 5 internal-loan lines (new loans one week, their repayment four weeks
// later), over 26 weeks for each of several groups, so the books grow as they would in half a year.

import { addDays, fixedClock } from "@qadam/core/clock";
import type { MeetingInput, MeetingLine } from "@qadam/core/groups/meeting";
import { DEFAULT_RULES } from "@qadam/core/groups/rules";
import { systemIds } from "@qadam/core/ids";
import { openBooks } from "@qadam/server/books/store";
import { operatorOf } from "@qadam/server/cli/operator";
import { adoptRules, recordMeeting } from "@qadam/server/groups/commands";
import { createOrganisation } from "@qadam/server/orgs/commands";
import { registerPerson } from "@qadam/server/people/commands";
import { joinGroup } from "@qadam/server/people/index";
import { type CommandContext, executeCommand } from "@qadam/server/platform/commands";
import type { Db } from "@qadam/server/platform/db/database";
import { openDatabase } from "@qadam/server/platform/db/database";

const clock = fixedClock(new Date("2027-12-31T06:00:00Z"));
const MEMBERS = 15;

export async function meetingsPerSecond(
  databaseUrl: string,
  groups: number,
  weeks = 26,
): Promise<{ meetings: number; linesEach: number; perSecond: number }> {
  const open = await openDatabase(databaseUrl);
  try {
    const actor = await operatorOf(open.db, "moldir");
    const run = <T>(body: (trx: Db, ctx: CommandContext) => Promise<T>) =>
      executeCommand({ db: open.db, clock, ids: systemIds }, { actor, name: "bench", source: "cli" }, body);
    const parent = await open.db
      .selectFrom("organisations")
      .select("id")
      .where("tenantId", "=", actor.tenantId)
      .where("kind", "=", "federation")
      .executeTakeFirstOrThrow();
    const world: Array<{ groupId: string; members: string[] }> = [];
    for (let g = 0; g < groups; g++) {
      const group = await run((trx, ctx) =>
        createOrganisation(trx, ctx, {
          parentId: parent.id,
          kind: "shg",
          name: `Bench group ${Date.now()}-${g}`,
          openedOn: "2025-01-01",
        }),
      );
      await run((trx, ctx) => openBooks(trx, ctx, group.id));
      await run((trx, ctx) =>
        adoptRules(trx, ctx, group.id, { validFrom: "2025-01-01", rules: DEFAULT_RULES }),
      );
      const members: string[] = [];
      for (let m = 0; m < MEMBERS; m++) {
        const person = await run((trx, ctx) =>
          registerPerson(trx, ctx, {
            orgId: group.id,
            givenName: `Member ${m + 1}`,
            familyName: `Group ${g + 1}`,
            consent: { givenOn: "2025-01-01", scope: "membership" },
          }),
        );
        await run((trx, ctx) =>
          joinGroup(trx, ctx, {
            groupId: group.id,
            personId: person.id,
            role: "member",
            joinedOn: "2025-01-01",
          }),
        );
        members.push(person.id);
      }
      world.push({ groupId: group.id, members });
    }
    // Loans issued in week k are repaid in week k + 4 (still their first month: 1,000.00 + 20.00).
    const loansOf = new Map<string, Array<{ week: number; personId: string; loanId: string }>>();
    let meetings = 0;
    let linesEach = 0;
    const started = performance.now();
    for (let week = 0; week < weeks; week++) {
      const heldOn = addDays("2025-01-08", 7 * week);
      for (const { groupId, members } of world) {
        const lines: MeetingLine[] = [];
        for (const personId of members) lines.push({ kind: "savings", personId, amount: 50_000n });
        for (const personId of members) lines.push({ kind: "socialContribution", personId, amount: 10_000n });
        for (let f = 0; f < 5; f++)
          lines.push({
            kind: "fine",
            personId: members[(week + f) % MEMBERS] ?? "",
            amount: 5_000n,
            reason: "lateness",
          });
        const due = (loansOf.get(groupId) ?? []).filter((l) => l.week === week - 4);
        if (due.length > 0)
          for (const l of due)
            lines.push({ kind: "repayment", personId: l.personId, loanId: l.loanId, amount: 102_000n });
        else
          for (let k = 0; k < 5; k++)
            lines.push({
              kind: "loan",
              personId: members[(week + k) % MEMBERS] ?? "",
              amount: 100_000n,
              termMonths: 3,
              purpose: null,
            });
        const input: MeetingInput = {
          heldOn,
          attendance: members.map((personId) => ({ personId, status: "present" })),
          lines,
          cashCounted: null,
        };
        const recorded = await run((trx, ctx) => recordMeeting(trx, ctx, groupId, input));
        const issued = lines.flatMap((l, i) => (l.kind === "loan" ? [{ i, personId: l.personId }] : []));
        const list = loansOf.get(groupId) ?? [];
        issued.forEach((x, n) => {
          list.push({ week, personId: x.personId, loanId: recorded.loansIssued[n] ?? "" });
        });
        loansOf.set(groupId, list);
        meetings += 1;
        linesEach = lines.length;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    return { meetings, linesEach, perSecond: Math.round(meetings / seconds) };
  } finally {
    await open.close();
  }
}
