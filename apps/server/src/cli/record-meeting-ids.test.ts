import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_RULES } from "@qadam/core/groups/rules";
import { systemIds } from "@qadam/core/ids";
import { beforeAll, describe, expect, it } from "vitest";
import { type GroupWorld, groupWorld } from "../groups/testing.js";
import { openDatabase } from "../platform/db/database.js";
import { migrateToLatest } from "../platform/db/migrate.js";
import { qadam, scratchDir } from "./testing.js";

const dir = scratchDir("qadam-meeting-ids-");

describe("qadam group record-meeting with the meeting's id in its file", () => {
  const url = `sqlite:${join(dir, "ids.db")}`;
  let w: GroupWorld;
  const on = (args: string[]) => qadam([...args, "--group", w.groupId, "--database-url", url]);
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(content));
    return path;
  };
  const meeting = (id: string) => ({
    id,
    heldOn: "2026-01-07",
    attendance: w.members.map((personId) => ({ personId, status: "present" })),
    lines: w.members.map((personId) => ({ kind: "savings", personId, amount: "500" })),
  });

  beforeAll(async () => {
    const open = await openDatabase(url);
    try {
      await migrateToLatest(open.db);
      w = await groupWorld(open.db, DEFAULT_RULES, 3);
    } finally {
      await open.close();
    }
  });

  it("records it once however often the command is run again, and refuses the id with other contents", async () => {
    const id = systemIds.next();
    const path = file("meeting.json", meeting(id));
    const first = await on(["group", "record-meeting", "--file", path, "--json"]);
    expect(first.code, first.err).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ id, seq: 1, cashAfter: "1500.00" });
    const again = await on(["group", "record-meeting", "--file", path, "--json"]);
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(again.out)).toEqual(JSON.parse(first.out));
    const other = await on([
      "group",
      "record-meeting",
      "--file",
      file("other.json", { ...meeting(id), heldOn: "2026-01-08" }),
      "--lang",
      "ru",
    ]);
    expect(other.code).toBe(1);
    expect(other.err).toContain(`Идентификатор ${id} уже занят`);
    const list = JSON.parse((await on(["group", "meetings", "--json"])).out);
    expect(list.meetings.map((m: { id: string }) => m.id)).toEqual([id]);
  });

  it("refuses an id that is not a UUIDv7, naming the file and the field", async () => {
    const bad = await on([
      "group",
      "record-meeting",
      "--file",
      file("bad.json", meeting(crypto.randomUUID())),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(
      /^qadam: .*bad\.json: id: The field “identifier”: “.*” is not a UUID of version 7\.$/m,
    );
  });
});
