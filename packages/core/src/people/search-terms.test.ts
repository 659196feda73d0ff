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
    expect(parseQuery("8 701 12")).toEqual([{ kind: "prefix", term: "#70112" }]);
    expect(parseQuery("8 812 123")).toEqual([{ kind: "prefix", term: "#8812123" }]);
    expect(parseQuery("  АЙГҮЛ  ахмет ")).toEqual([
      { kind: "prefix", term: "айгүл" },
      { kind: "prefix", term: "ахмет" },
    ]);
  });
  it("reads each word of a mixed query as a name prefix, an IIN or a phone", () => {
    expect(parseQuery("Айгүл 8 701 234")).toEqual([
      { kind: "prefix", term: "айгүл" },
      { kind: "prefix", term: "#701234" },
    ]);
    expect(parseQuery("Айгүл 12")).toEqual([
      { kind: "prefix", term: "айгүл" },
      { kind: "prefix", term: "12" },
    ]);
    expect(parseQuery("Айгүл 8701")).toEqual([
      { kind: "prefix", term: "айгүл" },
      { kind: "prefix", term: "#701" },
    ]);
    expect(parseQuery("ахметова 900515400123")).toEqual([
      { kind: "prefix", term: "ахметова" },
      { kind: "exact", term: "=900515400123" },
    ]);
    expect(parseQuery("О'Брайен-Серікқызы, Ёлка!")).toEqual([
      { kind: "prefix", term: "о" },
      { kind: "prefix", term: "брайен" },
      { kind: "prefix", term: "серікқызы" },
      { kind: "prefix", term: "елка" },
    ]);
    expect(parseQuery("  ")).toEqual([]);
  });

  const letter = fc.constantFrom(..."абвгдеёжзийклмнопрстуфхцчшщъыьэюяәіңғүұқөһabcdefghijklmnopqrstuvwxyz");
  const word = fc.array(letter, { minLength: 1, maxLength: 12 }).map((cs) => cs.join(""));
  const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join("-"));

  it("finds a person by the start of any of her names, typed in any case", () => {
    fc.assert(
      fc.property(name, name, fc.integer({ min: 1, max: 12 }), (family, given, cut) => {
        const terms = searchTermsFor({
          familyName: family,
          givenName: given,
          patronymic: null,
          phone: null,
          iin: null,
        });
        const typed = `${given.split("-")[0]?.slice(0, cut).toUpperCase()} ${family.toUpperCase()}`;
        for (const q of parseQuery(typed)) {
          expect(terms.some((t) => t >= q.term && t < prefixEnd(q.term))).toBe(true);
        }
      }),
    );
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
