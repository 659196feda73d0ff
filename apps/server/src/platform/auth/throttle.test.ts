// The per-login count of failures: parallel claims never pass the limit, a window ends, a right
// password forgets, an attempt never checked is given back.

import { isDomainError } from "@qadam/core/errors";
import { expect, it } from "vitest";
import { describeEachDatabase } from "../db/testing.js";
import { claimAttempt, forgetFailures, releaseAttempt } from "./throttle.js";

const POLICY = { maxFailures: 5, windowMinutes: 15 };
const T0 = new Date("2026-03-01T08:00:00.000Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describeEachDatabase("failed log-ins per login", (use) => {
  const claim = (login: string, at: Date) =>
    claimAttempt(use().db, at, POLICY, login).then(
      () => "claimed" as const,
      (error: unknown) => {
        if (isDomainError(error) && error.code === "LOGIN_RATE_LIMITED") return "locked" as const;
        throw error;
      },
    );
  const failures = async (login: string) =>
    Number(
      (
        await use()
          .db.selectFrom("loginThrottle")
          .select("failures")
          .where("login", "=", login)
          .executeTakeFirst()
      )?.failures ?? 0,
    );

  it("lets exactly maxFailures of 40 parallel attempts through", async () => {
    const results = await Promise.all(Array.from({ length: 40 }, () => claim("parallel@x", minutes(1))));
    expect(results.filter((r) => r === "claimed")).toHaveLength(5);
    expect(await failures("parallel@x")).toBe(5);
  });

  it("starts a new window once the last one has ended", async () => {
    for (let i = 0; i < 5; i++) expect(await claim("window@x", minutes(i))).toBe("claimed");
    expect(await claim("window@x", minutes(14))).toBe("locked");
    expect(await claim("window@x", minutes(15))).toBe("claimed");
    expect(await failures("window@x")).toBe(1);
  });

  it("forgets the failures after a right password and gives back an unchecked attempt", async () => {
    for (let i = 0; i < 4; i++) await claim("forget@x", minutes(1));
    await releaseAttempt(use().db, "forget@x");
    expect(await failures("forget@x")).toBe(3);
    await forgetFailures(use().db, "forget@x");
    expect(await failures("forget@x")).toBe(0);
    for (let i = 0; i < 5; i++) expect(await claim("forget@x", minutes(2))).toBe("claimed");
    expect(await claim("forget@x", minutes(2))).toBe("locked");
  });

  it("drops the rows of windows that ended", async () => {
    await claim("stale@x", minutes(0));
    await claim("fresh@x", minutes(20));
    expect(await failures("stale@x")).toBe(0);
    expect(await failures("fresh@x")).toBe(1);
  });
});
