// Which passwords are refused and why; the demo's and the fixtures' passwords stay accepted.
import { describe, expect, it } from "vitest";
import { passwordWeakness } from "./password-strength.js";

describe("password strength", () => {
  it("accepts the demo's password and the passphrases the tests use", async () => {
    for (const password of [
      "qadam-demo-2026",
      "correct horse battery",
      "a long enough secret",
      "a long enough password",
      "long-enough-password",
      "a new long password",
      "Ақбота екеуміз базарға бардық",
    ])
      expect({
        password,
        weakness: await passwordWeakness(password, { login: "admin@moldir.demo" }),
      }).toEqual({
        password,
        weakness: null,
      });
  });

  it("refuses the user's own login, name and their trivial variants", async () => {
    const owner = { login: "gulnar.akhmetova@moldir.kz", displayName: "Гүлнар Ахметова" };
    for (const password of [
      "gulnar.akhmetova@moldir.kz",
      "GULNAR.AKHMETOVA",
      "gulnarakhmetova1",
      "Gulnar.Akhmetova2026!",
      "гүлнарахметова",
      "Гүлнар Ахметова!",
    ])
      expect({ password, weakness: await passwordWeakness(password, owner) }).toEqual({
        password,
        weakness: "login",
      });
  });

  it("refuses one character or a short pattern repeated", async () => {
    for (const password of ["aaaaaaaaaaaaaaaa", "0000000000", "жжжжжжжжжжжж", "abcabcabcabc"])
      expect({ password, weakness: await passwordWeakness(password) }).toEqual({
        password,
        weakness: "repeated",
      });
  });

  it("refuses the most common passwords, however long", async () => {
    for (const password of ["password1234", "1234567890", "qwertyuiop", "iloveyou123"])
      expect({ password, weakness: await passwordWeakness(password) }).toEqual({
        password,
        weakness: "common",
      });
  });

  it("refuses passwords shorter than 10 characters, Kazakh letters counting as one each", async () => {
    expect(await passwordWeakness("Tq9$x!")).toBe("short");
    expect(await passwordWeakness("ұқғүөәіңһқ")).toBeNull();
    expect(await passwordWeakness("abcdefghijkl")).toBe("guessable");
  });
});
