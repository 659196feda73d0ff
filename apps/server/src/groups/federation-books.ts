// A group's money that belongs in its federation's books as well: the membership fee it pays at a
// meeting is the federation's income. The fee is posted, in the same transaction as the meeting, to
// the nearest cluster or federation above the group that keeps its books in Qadam (cash against
// membership fees, codes of the "federation" chart template in books/accounts.ts); a correction of
// the meeting reverses it there too. The meeting's command writes there on the federation's behalf.

import { currency, money } from "@qadam/core/money";
import type { Organisation } from "@qadam/core/orgs/types";
import { accountsOf, describeEntry, reverseEntriesCausedElsewhere, writeEntry } from "../books/index.js";
import { ancestorsOf } from "../orgs/index.js";
import type { CommandContext } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";

const FEDERATION_CASH = "11";
const MEMBERSHIP_FEES = "41";

/** The nearest cluster or federation above the group whose books are open, with its two accounts. */
async function federationBooks(trx: Db, group: Organisation) {
  for (const org of await ancestorsOf(trx, group, ["cluster", "federation"])) {
    const accounts = await accountsOf(trx, group.tenantId, org.id);
    const cash = accounts.find((a) => a.code === FEDERATION_CASH)?.id;
    const fees = accounts.find((a) => a.code === MEMBERSHIP_FEES)?.id;
    if (cash && fees) return { org, cash, fees };
  }
  return null;
}

export async function postFederationFees(
  trx: Db,
  ctx: CommandContext,
  group: Organisation,
  meeting: { id: string; heldOn: string },
  fees: readonly bigint[],
): Promise<void> {
  const total = fees.reduce((s, f) => s + f, 0n);
  if (total === 0n) return;
  const books = await federationBooks(trx, group);
  if (!books) return;
  const cur = currency(group.currency);
  await writeEntry(trx, ctx, books.org, {
    businessDate: meeting.heldOn,
    description: await describeEntry(trx, ctx, { key: "membershipFee", params: { group: group.name } }),
    cause: { type: "meeting", id: meeting.id },
    lines: [
      { account: books.cash, amount: money(total, cur) },
      { account: books.fees, amount: money(-total, cur) },
    ],
  });
}

/** Reverses what a meeting posted in other organisations' books (its federation's fee). */
export async function reverseFederationFees(
  trx: Db,
  ctx: CommandContext,
  group: Organisation,
  meeting: { id: string; heldOn: string },
): Promise<void> {
  await reverseEntriesCausedElsewhere(trx, ctx, {
    tenantId: group.tenantId,
    cause: { type: "meeting", id: meeting.id },
    exceptOrgId: group.id,
    correction: {
      businessDate: meeting.heldOn,
      description: await describeEntry(trx, ctx, {
        key: "meetingCorrection",
        params: { date: meeting.heldOn },
      }),
    },
  });
}
