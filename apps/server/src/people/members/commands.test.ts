// joinGroup as a command on both databases, and on PostgreSQL the races its unique indexes settle.

import { systemClock } from "@qadam/core/clock";
import { systemIds } from "@qadam/core/ids";
import type { MemberRole } from "@qadam/core/members/types";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { executeCommand } from "../../platform/commands.js";
import type { Db } from "../../platform/db/database.js";
import { describeEachDatabase } from "../../platform/db/testing.js";
import { cliActor, seedTenant } from "../../testing/fixtures.js";
import { registerPerson } from "../commands.js";
import { joinGroup } from "./commands.js";

describeEachDatabase("joinGroup", (use, target) => {
  async function world() {
    const { db } = use();
    const t = await seedTenant(db, "join");
    const actor = cliActor(t);
    const deps = { db, clock: systemClock, ids: systemIds };
    const run = <T>(name: string, body: Parameters<typeof executeCommand<T>>[2]) =>
      executeCommand(deps, { actor, name, source: "cli" }, body);
    const person = async (givenName: string) =>
      (
        await run("person.register", (trx, ctx) =>
          registerPerson(trx, ctx, {
            orgId: t.groupId,
            givenName,
            consent: { givenOn: "2024-01-01", scope: "membership" },
          }),
        )
      ).id;
    const join = (personId: string, groupId: string, role: MemberRole) =>
      run("member.join", (trx, ctx) =>
        joinGroup(trx, ctx, { personId, groupId, role, joinedOn: "2024-02-01" }),
      );
    return { db, t, person, join };
  }

  /** Holds `row` uncommitted while `contender` runs, so that its own check cannot see the row. */
  async function race(
    db: Db,
    row: { personId: string; groupId: string; role: MemberRole },
    contender: () => Promise<unknown>,
  ) {
    let release = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    let held = () => {};
    const holding = new Promise<void>((r) => {
      held = r;
    });
    const holder = db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      await trx
        .insertInto("memberships")
        .values({
          id: systemIds.next(),
          tenantId: (
            await trx
              .selectFrom("organisations")
              .select("tenantId")
              .where("id", "=", row.groupId)
              .executeTakeFirstOrThrow()
          ).tenantId,
          ...row,
          joinedOn: "2024-02-01",
          leftOn: null,
          leftReason: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      held();
      await released;
    });
    await holding;
    const outcome = contender().then(
      () => null,
      (e: unknown) => e,
    );
    // Wait until the contender is blocked on the unique index, then let the holder commit.
    for (let i = 0; i < 100; i++) {
      const waiting = await sql<{ n: string }>`select count(*) as n from pg_stat_activity
        where wait_event_type = 'Lock' and datname = current_database()`.execute(db);
      if (Number(waiting.rows[0]?.n ?? 0) > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    release();
    await holder;
    return outcome;
  }

  // Only PostgreSQL runs transactions concurrently, so only there can a join lose a race to the
  // database's own unique indexes; SQLite serialises every transaction.
  if (target.name === "postgres") {
    it("turns a lost race on the one-active-membership index into MEMBER_ALREADY_IN_GROUP, whatever the role", async () => {
      const { db, t, person, join } = await world();
      const id = await person("Ақерке");
      const error = await race(db, { personId: id, groupId: t.groupId, role: "member" }, () =>
        join(id, t.otherGroupId, "president"),
      );
      expect(error).toMatchObject({ code: "MEMBER_ALREADY_IN_GROUP" });
    });

    it("turns a lost race on the one-officer-per-role index into MEMBERSHIP_ROLE_TAKEN", async () => {
      const { db, t, person, join } = await world();
      const [a, b] = [await person("Балжан"), await person("Назгүл")];
      const error = await race(db, { personId: a, groupId: t.groupId, role: "treasurer" }, () =>
        join(b, t.groupId, "treasurer"),
      );
      expect(error).toMatchObject({ code: "MEMBERSHIP_ROLE_TAKEN", params: { role: "treasurer" } });
    });
  }

  it("refuses a second active membership through the command too", async () => {
    const { t, person, join } = await world();
    const id = await person("Раушан");
    await join(id, t.groupId, "member");
    await expect(join(id, t.otherGroupId, "member")).rejects.toMatchObject({
      code: "MEMBER_ALREADY_IN_GROUP",
    });
  });
});
