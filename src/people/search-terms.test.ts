import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuery, prefixEnd, searchTermsFor } from "./search-terms.js";

describe("search terms", () => {
  it("folds names (Kazakh letters kept, ё as е) and indexes phone digits and the IIN", () => {
    const terms = searchTermsFor({
      familyName: "Сейітова-Әлиева",
      givenName: "Алёна",
      patronymic: "Серікқызы",
      phone: "+77011234567",
      iin: "900515400123",
    });
    expect(terms.sort()).toEqual(
      ["#7011234567", "#77011234567", "=900515400123", "алена", "серікқызы", "сейітова", "әлиева"].sort(),
    );
  });
  it("reads a query as an IIN, a phone or name prefixes", () => {
    expect(parseQuery("900515 400123")).toEqual([{ kind: "exact", term: "=900515400123" }]);
    expect(parseQuery("+7 701 123")).toEqual([{ kind: "prefix", term: "#7701123" }]);
    expect(parseQuery("8 701 123 45 67")).toEqual([{ kind: "prefix", term: "#7011234567" }]);
    expect(parseQuery("  АЙГҮЛ  ахмет ")).toEqual([
      { kind: "prefix", term: "айгүл" },
      { kind: "prefix", term: "ахмет" },
    ]);
  });
  it("puts every extension of a prefix inside [prefix, prefixEnd(prefix))", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (p, rest) => {
        const s = p + rest;
        expect(s >= p && s < prefixEnd(p)).toBe(true);
      }),
    );
  });
});
