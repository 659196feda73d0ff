// People as a lender reaches them across its tenant (a loan's borrower need not sit under the credit
// officer's grants): names, phones and current group by id, and a search by name, phone or IIN.
// Only what a lender needs to call and to tell borrowers apart; never the IIN or the birth date.
import { parseQuery, prefixEnd } from "@qadam/core/people/search-terms";
import type { Db } from "../platform/db/database.js";

export interface PersonContact {
  id: string;
  /** Given and family name; null once she is anonymised. */
  name: string | null;
  phone: string | null;
  /** The self-help group she is an active member of, if any. */
  groupId: string | null;
}

function nameOf(row: { givenName: string | null; familyName: string | null }): string | null {
  return [row.givenName, row.familyName].filter(Boolean).join(" ") || null;
}

async function contactsOfRows(
  db: Db,
  tenantId: string,
  rows: ReadonlyArray<{
    id: string;
    givenName: string | null;
    familyName: string | null;
    phone: string | null;
  }>,
): Promise<PersonContact[]> {
  if (rows.length === 0) return [];
  const groups = await db
    .selectFrom("memberships")
    .select(["personId", "groupId"])
    .where("tenantId", "=", tenantId)
    .where(
      "personId",
      "in",
      rows.map((r) => r.id),
    )
    .where("leftOn", "is", null)
    .execute();
  const groupOf = new Map(groups.map((g) => [g.personId, g.groupId]));
  return rows.map((r) => ({ id: r.id, name: nameOf(r), phone: r.phone, groupId: groupOf.get(r.id) ?? null }));
}

/** The contacts of the tenant's people by id; ids of nobody are left out. */
export async function personContacts(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, PersonContact>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("persons")
    .select(["id", "givenName", "familyName", "phone"])
    .where("tenantId", "=", tenantId)
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map((await contactsOfRows(db, tenantId, rows)).map((c) => [c.id, c]));
}

/** The tenant's people whose name, phone or IIN match every word of `q` (anonymised people never match). */
export async function searchContacts(
  db: Db,
  tenantId: string,
  q: string,
  limit: number,
): Promise<PersonContact[]> {
  const terms = parseQuery(q);
  if (terms.length === 0) return [];
  let query = db
    .selectFrom("persons as p")
    .select(["p.id", "p.givenName", "p.familyName", "p.phone"])
    .where("p.tenantId", "=", tenantId);
  for (const t of terms)
    query = query.where((eb) =>
      eb.exists(() => {
        const matching = eb
          .selectFrom("personSearchTerms as s")
          .select("s.personId")
          .whereRef("s.personId", "=", "p.id")
          .where("s.tenantId", "=", tenantId);
        return t.kind === "exact"
          ? matching.where("s.term", "=", t.term)
          : matching.where("s.term", ">=", t.term).where("s.term", "<", prefixEnd(t.term));
      }),
    );
  const rows = await query.orderBy("p.id").limit(limit).execute();
  return contactsOfRows(db, tenantId, rows);
}
