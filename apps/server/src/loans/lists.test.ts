// The loans list and the products list are paged by id: every loan and product once, in order, across pages.
import { productSpec } from "@qadam/core/loans/product-spec";
import { expect, it } from "vitest";
import { describeEachDatabase } from "../platform/db/testing.js";
import { as, testApp } from "../testing/fixtures.js";
import { createProduct } from "./commands.js";
import { loanWorld, MONTHLY_24 } from "./testing.js";

/** Every item of a paged list, reading `limit` at a time, with the number of pages read. */
async function readAll(
  get: (cursor: string | undefined) => Promise<{ items: Array<{ id: string }>; nextCursor: string | null }>,
) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await get(cursor);
    pages += 1;
    ids.push(...page.items.map((x) => x.id));
    if (page.nextCursor === null) return { ids, pages };
    if (pages > 20) throw new Error("the cursor never ends the list");
    cursor = page.nextCursor;
  }
}

describeEachDatabase("the loans and products lists", (use) => {
  it("page by id, each loan and product once, filtered by status, and refuse a forged cursor", async () => {
    const open = use();
    const w = await loanWorld(open.db, MONTHLY_24, new Date().toISOString());
    for (const name of ["Агро", "Бизнес", "Весна"])
      await w.run(null, (trx, ctx) =>
        createProduct(trx, ctx, w.t.mfoId, productSpec.parse({ ...MONTHLY_24, name })),
      );
    const app = await testApp(open);
    try {
      const maker = as(app, w.maker);
      const applied: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await maker({
          method: "POST",
          url: "/api/v1/loans",
          payload: {
            productId: w.productId,
            borrower: { type: "person", personId: w.personId },
            principal: `${100000 + i * 1000}`,
            installments: 12,
            firstDueOn: "2026-02-16",
            appliedOn: "2026-01-23",
          },
        });
        expect(res.statusCode).toBe(201);
        applied.push(res.json().id);
      }
      const loans = (query: Record<string, string>) => async (cursor: string | undefined) => {
        const res = await maker({
          method: "GET",
          url: "/api/v1/loans",
          query: { orgId: w.t.mfoId, limit: "2", ...query, ...(cursor ? { cursor } : {}) },
        });
        expect(res.statusCode).toBe(200);
        return res.json();
      };
      const all = await readAll(loans({}));
      expect(all.ids).toEqual([...applied].sort());
      expect(all.pages).toBe(3);
      expect((await readAll(loans({ status: "applied" }))).ids).toEqual([...applied].sort());
      expect((await readAll(loans({ status: "active" }))).ids).toEqual([]);

      const products = await readAll(async (cursor) => {
        const res = await maker({
          method: "GET",
          url: `/api/v1/orgs/${w.t.mfoId}/loan-products`,
          query: { limit: "3", ...(cursor ? { cursor } : {}) },
        });
        expect(res.statusCode).toBe(200);
        return res.json();
      });
      expect(products.ids).toHaveLength(4);
      expect(new Set(products.ids).size).toBe(4);
      expect(products.ids).toEqual([...products.ids].sort());
      expect(products.ids).toContain(w.productId);
      expect(products.pages).toBe(2);

      const forged = await maker({
        method: "GET",
        url: "/api/v1/loans",
        query: { orgId: w.t.mfoId, cursor: "not-a-cursor" },
      });
      expect(forged.statusCode).toBe(400);
      expect(forged.json().error.code).toBe("INVALID_CURSOR");
    } finally {
      await app.close();
    }
  });
});
