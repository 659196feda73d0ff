import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currency, formatMoneyFor, KZT, money } from "./index.js";
import { intlHasNumberData } from "./locale-format.js";

/** Intl separates groups with no-break spaces (U+00A0, U+202F): the tests read them as spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("amounts for a reader", () => {
  it("writes tenge the way each language writes it", () => {
    const amount = money(9_000_000n, KZT);
    expect(plain(formatMoneyFor("kk", amount))).toBe("90 000,00 ₸");
    expect(plain(formatMoneyFor("ru", amount))).toBe("90 000,00 ₸");
    expect(plain(formatMoneyFor("fr", amount))).toBe("90 000,00 ₸");
    expect(formatMoneyFor("en", amount)).toBe("₸90,000.00");
  });
  it("writes Kazakh amounts as Kazakh does where the runtime lacks Kazakh's number data (Chrome)", () => {
    const amount = money(2_120_000n, KZT);
    expect(intlHasNumberData("kk")).toBe(true);
    expect(intlHasNumberData("xx")).toBe(false);
    expect(formatMoneyFor("kk", amount, false)).toBe(formatMoneyFor("kk", amount, true));
    expect(plain(formatMoneyFor("kk", amount, false))).toBe("21 200,00 ₸");
    expect(formatMoneyFor("en", amount, false)).toBe("₸21,200.00");
  });
  it("keeps every tiyn of an amount beyond a JavaScript number's exact range", () => {
    const amount = money(9_007_199_254_740_993n, KZT);
    expect(plain(formatMoneyFor("ru", amount))).toBe("90 071 992 547 409,93 ₸");
    expect(formatMoneyFor("en", amount)).toBe("₸90,071,992,547,409.93");
  });
  it("shows negative amounts, whole tiyn and other currencies' minor units", () => {
    expect(plain(formatMoneyFor("kk", money(-150n, KZT)))).toBe("-1,50 ₸");
    expect(plain(formatMoneyFor("ru", money(5n, KZT)))).toBe("0,05 ₸");
    expect(plain(formatMoneyFor("ru", money(1234n, currency("JPY"))))).toBe("1 234 ¥");
    expect(formatMoneyFor("en", money(1_234_567n, currency("KWD")))).toContain("1,234.567");
  });
  it("loses no digit, whatever the amount (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (minor) => {
        const text = formatMoneyFor("ru", money(minor, KZT));
        const digits = text.replace(/[^0-9]/g, "");
        const abs = (minor < 0n ? -minor : minor).toString().padStart(3, "0");
        expect(digits).toBe(abs);
        expect(text.startsWith("-")).toBe(minor < 0n);
      }),
    );
  });
});
