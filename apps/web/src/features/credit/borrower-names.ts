// The names of many loans' borrowers, asked for 200 at a time (the borrowers route's largest answer):
// people and groups apart. Users who may not enter loans get no names (the list shows the loan's kind).
import { useQuery } from "@tanstack/react-query";
import { findBorrowers, type LendableBorrower } from "./api.js";

const CHUNK = 200;

export function useBorrowerNames(
  orgId: string | undefined,
  enabled: boolean,
  borrowers: ReadonlyArray<{ borrowerType: string; borrowerId: string }>,
): Map<string, LendableBorrower> {
  const people = [
    ...new Set(borrowers.filter((b) => b.borrowerType !== "group").map((b) => b.borrowerId)),
  ].sort();
  const groups = [
    ...new Set(borrowers.filter((b) => b.borrowerType === "group").map((b) => b.borrowerId)),
  ].sort();
  const query = useQuery({
    queryKey: ["credit", "borrower-names", orgId, people, groups],
    enabled: enabled && orgId !== undefined && people.length + groups.length > 0,
    queryFn: async () => {
      const found: LendableBorrower[] = [];
      for (const [type, ids] of [
        ["person", people],
        ["group", groups],
      ] as const)
        for (let i = 0; i < ids.length; i += CHUNK)
          found.push(...(await findBorrowers(orgId ?? "", { type, ids: ids.slice(i, i + CHUNK).join(",") })));
      return found;
    },
  });
  return new Map((query.data ?? []).map((b) => [b.id, b]));
}
