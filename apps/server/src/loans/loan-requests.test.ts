import { expect, it } from "vitest";
import { trialBalance } from "../books/index.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { as, cliActor, seedUser, testApp } from "../testing/fixtures.js";
import { decideRequest, loanRequestsOf, requestReschedule, requestWriteOff } from "./loan-requests.js";
import { liveInstallments, loadLoan } from "./store.js";
import { disbursedLoan, type LoanWorld, loanWorld } from "./testing.js";

/** Everything a write-off or a reschedule could change: the loan row, its schedule, its journal. */
async function snapshot(w: LoanWorld, id: string) {
  const actor = cliActor(w.t);
  const loan = await loadLoan(w.db, actor, id);
  const { org: _org, spec: _spec, product: _product, ...state } = loan;
  return {
    state,
    installments: await liveInstallments(w.db, id),
    transactions: await w.db
      .selectFrom("loanTransactions")
      .select(["id", "kind"])
      .where("loanId", "=", id)
      .execute(),
    books: await trialBalance(w.db, actor, w.t.mfoId, "9999-12-31"),
  };
}

describeEachDatabase("write-off and reschedule requests (maker–checker)", (use) => {
  it("a single officer cannot write a loan off alone; a second one approves and the books follow", async () => {
    const w = await loanWorld(use().db);
    const id = await disbursedLoan(w, "300000");
    const before = await snapshot(w, id);
    const requestId = await w.run(w.maker, (trx, ctx) =>
      requestWriteOff(trx, ctx, id, { on: "2026-01-15", reason: "The borrower died" }),
    );
    // Asking changes nothing but the request.
    expect(await snapshot(w, id)).toEqual(before);
    await expect(
      w.run(w.maker, (trx, ctx) => decideRequest(trx, ctx, id, requestId, { approve: true })),
    ).rejects.toMatchObject({ code: "LOAN_REQUEST_MAKER_CHECKER" });
    expect(await snapshot(w, id)).toEqual(before);
    await w.run(w.checker, (trx, ctx) =>
      decideRequest(trx, ctx, id, requestId, { approve: true, note: "Death certificate seen" }),
    );
    const loan = await loadLoan(w.db, cliActor(w.t), id);
    expect(loan).toMatchObject({
      state: { status: "written_off", writtenOffOn: "2026-01-15", decision: { by: w.checker.userId } },
      writtenOff: 30_000_000n,
    });
    const losses = (await trialBalance(w.db, cliActor(w.t), w.t.mfoId, "9999-12-31")).find((r) =>
      r.account.includes("losses"),
    );
    expect(losses?.balance).toBe(30_000_000n);
    const [request] = await loanRequestsOf(w.db, loan);
    expect(request).toMatchObject({
      kind: "write_off",
      status: "approved",
      daysPastDue: 0,
      reason: "The borrower died",
      requestedBy: w.maker.userId,
      decidedBy: w.checker.userId,
      decisionNote: "Death certificate seen",
    });
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("needs a stated reason to write off before 90 days past due, and none after", async () => {
    const w = await loanWorld(use().db);
    const id = await disbursedLoan(w, "300000");
    await expect(
      w.run(w.maker, (trx, ctx) => requestWriteOff(trx, ctx, id, { on: "2026-01-15" })),
    ).rejects.toMatchObject({ code: "LOAN_WRITE_OFF_REASON_REQUIRED", params: { days: 0, threshold: 90 } });
    await expect(
      w.run(w.maker, (trx, ctx) => requestWriteOff(trx, ctx, id, { on: "2026-01-15", reason: "  " })),
    ).rejects.toMatchObject({ code: "LOAN_WRITE_OFF_REASON_REQUIRED" });
    expect(await loanRequestsOf(w.db, { id, tenantId: w.t.tenantId })).toEqual([]);
    // Nothing paid since 16 February: 105 days past due on 1 June, past the product's 90.
    const late = await w.run(w.maker, (trx, ctx) => requestWriteOff(trx, ctx, id, { on: "2026-06-01" }));
    await w.run(w.checker, (trx, ctx) => decideRequest(trx, ctx, id, late, { approve: true }));
    const [request] = await loanRequestsOf(w.db, { id, tenantId: w.t.tenantId });
    expect(request).toMatchObject({ status: "approved", daysPastDue: 105, reason: null });
    expect((await loadLoan(w.db, cliActor(w.t), id)).state.status).toBe("written_off");
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("reschedules only once a second officer approves; a rejection leaves everything unchanged", async () => {
    const w = await loanWorld(use().db);
    const id = await disbursedLoan(w, "300000");
    const terms = {
      on: "2026-05-05",
      installments: 18,
      firstDueOn: "2026-06-05",
      reason: "Lost her harvest",
    };
    const before = await snapshot(w, id);
    const rejected = await w.run(w.maker, (trx, ctx) => requestReschedule(trx, ctx, id, terms));
    await w.run(w.checker, (trx, ctx) =>
      decideRequest(trx, ctx, id, rejected, { approve: false, note: "Ask her group first" }),
    );
    expect(await snapshot(w, id)).toEqual(before);
    await expect(
      w.run(w.checker, (trx, ctx) => decideRequest(trx, ctx, id, rejected, { approve: true })),
    ).rejects.toMatchObject({ code: "LOAN_REQUEST_DECIDED" });

    const asked = await w.run(w.maker, (trx, ctx) => requestReschedule(trx, ctx, id, terms));
    await expect(
      w.run(w.maker, (trx, ctx) => decideRequest(trx, ctx, id, asked, { approve: true })),
    ).rejects.toMatchObject({ code: "LOAN_REQUEST_MAKER_CHECKER" });
    expect((await liveInstallments(w.db, id)).length).toBe(12);
    await w.run(w.checker, (trx, ctx) => decideRequest(trx, ctx, id, asked, { approve: true }));
    const live = await liveInstallments(w.db, id);
    expect(live).toHaveLength(18);
    expect(live.reduce((s, i) => s + i.principal, 0n)).toBe(30_000_000n);
    expect((await loanRequestsOf(w.db, { id, tenantId: w.t.tenantId })).map((r) => r.status)).toEqual([
      "rejected",
      "approved",
    ]);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("keeps one request waiting per loan and decides each once", async () => {
    const w = await loanWorld(use().db);
    const id = await disbursedLoan(w, "300000");
    const first = await w.run(w.maker, (trx, ctx) =>
      requestWriteOff(trx, ctx, id, { on: "2026-01-20", reason: "Fraud" }),
    );
    await expect(
      w.run(w.maker, (trx, ctx) => requestWriteOff(trx, ctx, id, { on: "2026-01-20", reason: "Fraud" })),
    ).rejects.toMatchObject({ code: "LOAN_REQUEST_PENDING" });
    await expect(
      w.run(w.maker, (trx, ctx) =>
        requestReschedule(trx, ctx, id, {
          on: "2026-01-20",
          installments: 6,
          firstDueOn: "2026-03-01",
          reason: "x",
        }),
      ),
    ).rejects.toMatchObject({ code: "LOAN_REQUEST_PENDING" });
    await w.run(w.checker, (trx, ctx) => decideRequest(trx, ctx, id, first, { approve: true }));
    await expect(
      w.run(w.checker, (trx, ctx) => decideRequest(trx, ctx, id, first, { approve: true })),
    ).rejects.toMatchObject({ code: "LOAN_REQUEST_DECIDED" });
    const kinds = (await snapshot(w, id)).transactions.map((t) => t.kind);
    expect(kinds.filter((k) => k === "write_off")).toHaveLength(1);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("over HTTP: write-off asked, refused to its maker, approved by another; each replayed by its key", async () => {
    const open = use();
    const w = await loanWorld(open.db, undefined, new Date().toISOString());
    const id = await disbursedLoan(w, "300000");
    const app = await testApp(open);
    try {
      const maker = as(app, w.maker);
      const checker = as(app, w.checker);
      const body = { on: "2026-01-15", reason: "Moved abroad" };
      const none = await maker({
        method: "POST",
        url: `/api/v1/loans/${id}/write-off`,
        payload: { on: "2026-01-15" },
      });
      expect(none.statusCode).toBe(422);
      expect(none.json().error.code).toBe("LOAN_WRITE_OFF_REASON_REQUIRED");
      const asked = await maker({
        method: "POST",
        url: `/api/v1/loans/${id}/write-off`,
        payload: body,
        key: "wo-1",
      });
      expect(asked.statusCode).toBe(200);
      expect(asked.json()).toMatchObject({
        status: "active",
        requests: [{ kind: "write_off", status: "pending" }],
      });
      const again = await maker({
        method: "POST",
        url: `/api/v1/loans/${id}/write-off`,
        payload: body,
        key: "wo-1",
      });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(asked.json());
      const requestId = asked.json().requests[0].id;
      const approve = `/api/v1/loans/${id}/requests/${requestId}/approve`;
      const self = await maker({
        method: "POST",
        url: approve,
        payload: {},
        headers: { "accept-language": "ru" },
      });
      expect(self.statusCode).toBe(403);
      expect(self.json().error).toMatchObject({
        code: "LOAN_REQUEST_MAKER_CHECKER",
        message: expect.stringMatching(/[а-я]/),
      });
      const done = await checker({ method: "POST", url: approve, payload: {}, key: "ok-1" });
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ status: "written_off", requests: [{ status: "approved" }] });
      const replay = await checker({ method: "POST", url: approve, payload: {}, key: "ok-1" });
      expect(replay.json()).toEqual(done.json());
      const twice = await checker({ method: "POST", url: approve, payload: {} });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe("LOAN_REQUEST_DECIDED");
      expect((await snapshot(w, id)).transactions.filter((t) => t.kind === "write_off")).toHaveLength(1);
      // Reschedules go the same way: the route only asks.
      const other = await disbursedLoan(w, "300000");
      const rescheduled = await maker({
        method: "POST",
        url: `/api/v1/loans/${other}/reschedule`,
        payload: { on: "2026-05-05", installments: 18, firstDueOn: "2026-06-05", reason: "Harvest lost" },
      });
      expect(rescheduled.statusCode).toBe(200);
      expect(rescheduled.json().schedule).toHaveLength(12);
      expect(rescheduled.json().requests).toMatchObject([
        { kind: "reschedule", status: "pending", reschedule: { installments: 18, firstDueOn: "2026-06-05" } },
      ]);
      const auditor = await seedUser(open.db, w.t.tenantId, w.t.mfoId, "auditor");
      const forbidden = await as(
        app,
        auditor,
      )({
        method: "POST",
        url: `/api/v1/loans/${other}/requests/${rescheduled.json().requests[0].id}/approve`,
        payload: {},
      });
      expect(forbidden.statusCode).toBe(403);
      await expectBooksCoherent(w.db, w.t.rootId);
    } finally {
      await app.close();
    }
    await expectBooksCoherent(w.db, w.t.rootId);
  });
});
