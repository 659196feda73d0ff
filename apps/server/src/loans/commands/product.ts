// Loan products: a lender's terms, checked against the legal cap on the day they are made.

import { assertCan } from "@qadam/core/auth/actor";
import { DomainError } from "@qadam/core/errors";
import { checkProductAgainstCap } from "@qadam/core/loans/product";
import { explicitSpec, type ProductSpec, productFrom } from "@qadam/core/loans/product-spec";
import { currency, parseMoney } from "@qadam/core/money";
import { findOrganisation } from "../../orgs/index.js";
import type { CommandContext } from "../../platform/commands.js";
import { isUniqueViolation } from "../../platform/db/constraint-errors.js";
import type { Db } from "../../platform/db/database.js";
import { tenantCaps } from "../store.js";
import { today } from "./guards.js";
import { scheduleError } from "./terms.js";

const LENDER_KINDS = new Set(["mfo", "federation", "cluster"]);

export async function createProduct(
  trx: Db,
  ctx: CommandContext,
  orgId: string,
  spec: ProductSpec,
): Promise<string> {
  const org = await findOrganisation(trx, ctx.actor, orgId);
  assertCan(ctx.actor, "products.write", org.path, "organisation");
  if (!LENDER_KINDS.has(org.kind)) throw new DomainError("LOAN_LENDER_KIND", { kind: org.kind });
  // A rounding step of zero would be silently taken as one minor unit: refused, as in the preview.
  if (spec.rounding !== null && parseMoney(spec.rounding, currency(spec.currency)).minor < 1n)
    throw new DomainError("SCHEDULE_ROUNDING_ZERO", { rounding: spec.rounding });
  let product: ReturnType<typeof productFrom>;
  try {
    product = productFrom(spec);
  } catch (error) {
    scheduleError(error);
  }
  try {
    checkProductAgainstCap(product, await tenantCaps(trx, ctx.actor.tenantId), today(ctx, org));
  } catch (error) {
    if (error instanceof DomainError) throw error;
    scheduleError(error);
  }
  const id = ctx.ids.next();
  try {
    await trx
      .insertInto("loanProducts")
      .values({
        id,
        tenantId: ctx.actor.tenantId,
        orgId: org.id,
        name: spec.name,
        currency: spec.currency,
        spec: JSON.stringify(explicitSpec(spec)),
        status: "active",
        createdAt: ctx.now,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("LOAN_PRODUCT_NAME_TAKEN", { name: spec.name });
    throw error;
  }
  ctx.touched("loan_product", id);
  return id;
}
