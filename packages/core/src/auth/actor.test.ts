// Access by organisation subtree: what a grant lets its holder see and change, and the path ranges lists filter on.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Actor, can, canSee, pathRangeEnd, visibleRoots } from "./actor.js";

const root = "/0190aaaa-0000-7000-8000-000000000001/";
const fed = `${root}0190aaaa-0000-7000-8000-000000000002/`;
const group = `${fed}0190aaaa-0000-7000-8000-000000000003/`;
const otherFed = `${root}0190aaaa-0000-7000-8000-000000000004/`;

function actor(grants: Actor["grants"]): Actor {
  return { tenantId: "t", userId: "u", locale: "en", grants, via: "session" };
}

describe("access by organisation subtree", () => {
  it("lets a role on a federation see and change its groups, not the other federation's", () => {
    const officer = actor([{ orgId: "f", orgPath: fed, role: "federation_officer" }]);
    expect(canSee(officer, group)).toBe(true);
    expect(can(officer, "members.write", group)).toBe(true);
    expect(canSee(officer, otherFed)).toBe(false);
    expect(canSee(officer, root)).toBe(false);
  });
  it("lets an auditor see everything and change nothing", () => {
    const auditor = actor([{ orgId: "r", orgPath: root, role: "auditor" }]);
    expect(canSee(auditor, group)).toBe(true);
    for (const p of ["orgs.write", "people.write", "members.write", "users.write"] as const)
      expect(can(auditor, p, group)).toBe(false);
  });
  it("keeps only the outermost of nested grants", () => {
    const a = actor([
      { orgId: "g", orgPath: group, role: "group_bookkeeper" },
      { orgId: "f", orgPath: fed, role: "auditor" },
      { orgId: "o", orgPath: otherFed, role: "auditor" },
    ]);
    expect(visibleRoots(a)).toEqual([fed, otherFed].sort());
  });
  it("puts exactly the subtree's paths inside [path, pathRangeEnd(path))", () => {
    const hex = fc.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    fc.assert(
      fc.property(
        fc.array(hex, { minLength: 1, maxLength: 4 }),
        fc.array(hex, { minLength: 1, maxLength: 4 }),
        (a, b) => {
          const p = `/${a.join("/")}/`;
          const q = `/${b.join("/")}/`;
          const inRange = q >= p && q < pathRangeEnd(p);
          expect(inRange).toBe(q.startsWith(p));
        },
      ),
    );
  });
});
