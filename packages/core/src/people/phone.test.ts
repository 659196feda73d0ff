// Phone numbers as people type them, read into E.164; and what a search query takes for a phone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { normalisePhone, phoneDigits } from "./phone.js";

function refusal(input: string): string | undefined {
  try {
    normalisePhone(input);
    return undefined;
  } catch (e) {
    return e instanceof DomainError ? e.code : "not a domain error";
  }
}

describe("phone numbers", () => {
  it("reads the ways a Kazakh mobile number is written as one E.164 number", () => {
    for (const written of [
      "+7 701 234 56 78",
      "8 701 234 56 78",
      "8(701)234-56-78",
      "87012345678",
      "+77012345678",
      "701 234 5678",
    ]) {
      expect(normalisePhone(written), written).toBe("+77012345678");
    }
  });

  it("accepts Almaty landlines and numbers of neighbouring countries in international form", () => {
    expect(normalisePhone("8 727 250 12 34")).toBe("+77272501234");
    expect(normalisePhone("+998 90 123 45 67")).toBe("+998901234567");
    expect(normalisePhone("+996 555 123 456")).toBe("+996555123456");
  });

  it("reads a national number in the region given", () => {
    expect(normalisePhone("0555 123 456", "KG")).toBe("+996555123456");
  });

  it("refuses what is not a phone number, with INVALID_PHONE", () => {
    for (const bad of ["", "12", "phone", "+7 000 000 00 00", "8 701 234 56", "+7 701 234 56 78 90 12"]) {
      expect(refusal(bad), bad).toBe("INVALID_PHONE");
    }
  });

  const mobile = fc
    .record({
      operator: fc.constantFrom("700", "701", "702", "705", "707", "747", "771", "775", "777", "778"),
      rest: fc.stringMatching(/^\d{7}$/),
    })
    .map(({ operator, rest }) => ({ operator, rest, e164: `+7${operator}${rest}` }));

  it("gives the same number whichever way it is written, and is stable on its own output", () => {
    fc.assert(
      fc.property(mobile, ({ operator, rest, e164 }) => {
        const spaced = `${rest.slice(0, 3)} ${rest.slice(3, 5)} ${rest.slice(5)}`;
        expect(normalisePhone(`8 ${operator} ${spaced}`)).toBe(e164);
        expect(normalisePhone(`+7 (${operator}) ${spaced.replaceAll(" ", "-")}`)).toBe(e164);
        expect(normalisePhone(e164)).toBe(e164);
      }),
    );
  });

  it("never throws anything but INVALID_PHONE on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const code = refusal(text);
        expect(code === undefined || code === "INVALID_PHONE").toBe(true);
      }),
    );
  });

  it("takes a query as a phone only when it is digits (4 or more) with phone punctuation", () => {
    expect(phoneDigits("+7 (701) 234")).toBe("7701234");
    expect(phoneDigits("8701")).toBe("8701");
    expect(phoneDigits("870")).toBeNull();
    expect(phoneDigits("Айгүл 8701")).toBeNull();
  });
});
