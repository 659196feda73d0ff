// argon2id hashes, and the dummy check that makes an unknown login cost what a wrong password costs.
import { describe, expect, it } from "vitest";
import { DUMMY_HASH, hashPassword, verifyAgainstDummy, verifyPassword } from "./passwords.js";

const parameters = (hash: string) => hash.split("$").slice(1, 4).join("$");

describe("passwords", () => {
  it("checks a password against its argon2id hash", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "wrong horse battery")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
  });

  it("checks unknown logins against a hash made with the same parameters as real ones", async () => {
    expect(parameters(DUMMY_HASH)).toBe(parameters(await hashPassword("whatever it is")));
    expect(await verifyAgainstDummy("qadam-demo-2026")).toBe(false);
  });
});
