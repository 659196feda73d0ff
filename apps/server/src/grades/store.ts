// The grades a federation gave its groups, as kept: one row per grading, never changed. The groups
// domain computes a grade and records it here; the loans domain asks here for a group's grade when a
// product requires one; the roll-up counts the groups by their latest grade. The tenant and the group
// have already been found through the actor's visibility by the caller.
import type { CriterionScore, GradeLetter } from "@qadam/core/groups/grading";
import type { Db } from "../platform/db/database.js";

export interface GradeToKeep {
  id: string;
  tenantId: string;
  groupId: string;
  gradedOn: string;
  windowFrom: string;
  grade: GradeLetter;
  score: number;
  max: number;
  criteria: readonly CriterionScore[];
  recordedAt: string;
  recordedBy: string | null;
}

export interface KeptGrade {
  id: string;
  gradedOn: string;
  windowFrom: string;
  grade: GradeLetter;
  score: number;
  max: number;
  criteria: CriterionScore[];
  recordedAt: string;
}

export async function keepGrade(trx: Db, g: GradeToKeep): Promise<void> {
  await trx
    .insertInto("groupGrades")
    .values({
      id: g.id,
      tenantId: g.tenantId,
      orgId: g.groupId,
      gradedOn: g.gradedOn,
      windowFrom: g.windowFrom,
      grade: g.grade,
      score: g.score,
      detail: JSON.stringify({ max: g.max, criteria: g.criteria }),
      recordedAt: g.recordedAt,
      recordedBy: g.recordedBy,
    })
    .execute();
}

/** Every grade the group was given, newest first (of one day, the one recorded last first). */
export async function gradesOf(db: Db, tenantId: string, groupId: string): Promise<KeptGrade[]> {
  const rows = await db
    .selectFrom("groupGrades")
    .selectAll()
    .where("tenantId", "=", tenantId)
    .where("orgId", "=", groupId)
    .orderBy("gradedOn", "desc")
    .orderBy("recordedAt", "desc")
    .execute();
  return rows.map((r) => {
    const detail = JSON.parse(r.detail) as { max: number; criteria: CriterionScore[] };
    return {
      id: r.id,
      gradedOn: r.gradedOn,
      windowFrom: r.windowFrom,
      grade: r.grade as GradeLetter,
      score: r.score,
      max: detail.max,
      criteria: detail.criteria,
      recordedAt: r.recordedAt,
    };
  });
}

/** The group's latest grade on or before `on` (of one day, the one recorded last); null when none. */
export async function gradeOnDate(
  db: Db,
  tenantId: string,
  groupId: string,
  on: string,
): Promise<GradeLetter | null> {
  const row = await db
    .selectFrom("groupGrades")
    .select("grade")
    .where("tenantId", "=", tenantId)
    .where("orgId", "=", groupId)
    .where("gradedOn", "<=", on)
    .orderBy("gradedOn", "desc")
    .orderBy("recordedAt", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? (row.grade as GradeLetter) : null;
}

/** Each of the groups' latest grade on or before `on` (of one day, the one recorded last); ungraded absent. */
export async function gradesOnDate(
  db: Db,
  tenantId: string,
  groupIds: readonly string[],
  on: string,
): Promise<Map<string, GradeLetter>> {
  const latest = new Map<string, { grade: GradeLetter; key: string }>();
  // In slices, so that a federation of thousands of groups stays within the databases' parameter limits.
  for (let i = 0; i < groupIds.length; i += 500) {
    const slice = groupIds.slice(i, i + 500);
    const rows = await db
      .selectFrom("groupGrades as g")
      .select(["g.orgId", "g.grade", "g.recordedAt", "g.id"])
      .where("g.tenantId", "=", tenantId)
      .where("g.orgId", "in", slice)
      .where("g.gradedOn", "=", (eb) =>
        eb
          .selectFrom("groupGrades as h")
          .select((e) => e.fn.max("h.gradedOn").as("latest"))
          .where("h.tenantId", "=", tenantId)
          .whereRef("h.orgId", "=", "g.orgId")
          .where("h.gradedOn", "<=", on),
      )
      .execute();
    for (const r of rows) {
      const key = `${r.recordedAt}/${r.id}`;
      const seen = latest.get(r.orgId);
      if (!seen || seen.key < key) latest.set(r.orgId, { grade: r.grade as GradeLetter, key });
    }
  }
  return new Map([...latest].map(([id, g]) => [id, g.grade]));
}
