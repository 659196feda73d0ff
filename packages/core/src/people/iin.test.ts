import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkIin, completeIin, composeIin, iinCheckDigit } from "./iin.js";

describe("IIN", () => {
  it("computes the check digit by hand: 900515 4 0012 → first pass", () => {
    // digits 9 0 0 5 1 5 4 0 0 1 2 × weights 1..11 = 9+0+0+20+5+30+28+0+0+10+22 = 124; 124 mod 11 = 3
    expect(iinCheckDigit("90051540012")).toBe(3);
    expect(checkIin("900515400123")).toEqual({
      valid: true,
      iin: "900515400123",
      birthDate: "1990-05-15",
      sex: "female",
    });
  });

  it("uses the second pass when the first gives 10", () => {
    // 0 2 0 3 0 5 6 0 0 1 0 × 1..11 = 0+4+0+12+0+30+42+0+0+10+0 = 98; 98 mod 11 = 10 → second pass:
    // × 3,4,5,6,7,8,9,10,11,1,2 = 0+8+0+18+0+40+54+0+0+1+0 = 121; 121 mod 11 = 0.
    expect(iinCheckDigit("02030560010")).toBe(0);
    expect(checkIin("020305600100")).toEqual({
      valid: true,
      iin: "020305600100",
      birthDate: "2002-03-05",
      sex: "female",
    });
  });

  it("reads century and sex from the seventh digit", () => {
    const some = (birthDate: string, sex: "female" | "male") => {
      for (let serial = 0; ; serial++) {
        const iin = composeIin(birthDate, sex, serial);
        if (iin) return iin;
      }
    };
    expect(some("1956-11-30", "male")[6]).toBe("3");
    expect(checkIin(some("1956-11-30", "male"))).toMatchObject({ birthDate: "1956-11-30", sex: "male" });
    expect(checkIin(some("2005-02-28", "female"))).toMatchObject({ birthDate: "2005-02-28", sex: "female" });
    expect(checkIin(some("1899-12-31", "female"))).toMatchObject({ birthDate: "1899-12-31", sex: "female" });
  });

  it("refuses wrong formats, centuries, dates and check digits", () => {
    expect(checkIin("12345")).toEqual({ valid: false, reason: "format" });
    expect(checkIin("90051540012a")).toEqual({ valid: false, reason: "format" });
    expect(checkIin("900515000123")).toEqual({ valid: false, reason: "century" });
    expect(checkIin("900515900123")).toEqual({ valid: false, reason: "century" });
    expect(checkIin("900231400125")).toEqual({ valid: false, reason: "birth-date" });
    expect(checkIin("900515400124")).toEqual({ valid: false, reason: "check-digit" });
  });

  it("accepts spaces and dashes a person might type", () => {
    expect(checkIin("900515 4001 23").valid).toBe(true);
  });

  const birthDate = fc
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2025, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const parts = fc.record({
    birthDate,
    sex: fc.constantFrom("female" as const, "male" as const),
    serial: fc.integer({ min: 0, max: 9999 }),
  });

  it("round-trips every composed IIN to its birth date and sex", () => {
    fc.assert(
      fc.property(parts, ({ birthDate, sex, serial }) => {
        const iin = composeIin(birthDate, sex, serial);
        if (iin === null) return; // about one stem in eleven admits no check digit
        expect(checkIin(iin)).toEqual({ valid: true, iin, birthDate, sex });
      }),
    );
  });

  it("refuses any change of the check digit, and of digits 1–10 while both numbers use the first pass", () => {
    const firstPass = (d: string) => [...d.slice(0, 11)].reduce((s, c, i) => s + Number(c) * (i + 1), 0) % 11;
    fc.assert(
      fc.property(
        parts,
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        ({ birthDate, sex, serial }, pos, delta) => {
          const iin = composeIin(birthDate, sex, serial);
          if (iin === null) return;
          const changed = `${iin.slice(0, pos)}${(Number(iin[pos]) + delta) % 10}${iin.slice(pos + 1)}`;
          // The eleventh digit weighs 11 ≡ 0 (mod 11) in the first pass: the algorithm cannot see it there.
          if (pos === 11 || (pos < 10 && firstPass(iin) !== 10 && firstPass(changed) !== 10)) {
            expect(checkIin(changed).valid).toBe(false);
          }
        },
      ),
    );
  });

  it("reads back any valid number as the parts that compose it, and never throws", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^\d{12}$/),
          parts.map((p) => composeIin(p.birthDate, p.sex, p.serial) ?? ""),
          fc.string(),
        ),
        (text) => {
          const check = checkIin(text);
          if (check.valid)
            expect(composeIin(check.birthDate, check.sex, Number(check.iin.slice(7, 11)))).toBe(check.iin);
        },
      ),
    );
  });

  it("completes eleven digits only with a digit that validates", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (stem) => {
        const full = completeIin(stem);
        if (full) expect(iinCheckDigit(stem)).toBe(Number(full[11]));
      }),
    );
  });
});
