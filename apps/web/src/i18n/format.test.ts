import { describe, expect, it } from "vitest";
import { formatAmount, formatDate, intlHasLocaleData } from "./format.js";

// Node carries full ICU data, so its Kazakh is the reference for what Chrome, without it, is given.
describe("dates and amounts in the reader's words", () => {
  it("writes them per language through Intl", () => {
    expect(intlHasLocaleData("kk")).toBe(true);
    expect(formatAmount("kk", "1250.50", "KZT")).toBe("1\u00a0250,50\u00a0₸");
    expect(formatAmount("ru", "1250.50", "KZT")).toBe("1\u00a0250,50\u00a0₸");
    expect(formatAmount("fr", "1250.50", "KZT")).toBe("1\u202f250,50\u00a0₸");
    expect(formatAmount("en", "1250.50", "KZT")).toBe("₸1,250.50");
    expect(formatDate("ru", "2026-12-02")).toBe("2 декабря 2026 г.");
    expect(formatDate("en", "2026-03-31")).toBe("March 31, 2026");
  });

  it("writes Kazakh without the browser's Kazakh data exactly as Intl with it does", () => {
    for (const date of ["2026-12-02", "2025-01-31", "2024-02-29", "2026-06-15", "2026-09-01"])
      expect(formatDate("kk", date, false)).toBe(formatDate("kk", date, true));
    for (const amount of ["0.00", "1250.50", "90000.00", "1234567.89", "-15.05"])
      expect(formatAmount("kk", amount, "KZT", false)).toBe(formatAmount("kk", amount, "KZT", true));
  });

  it("never loses a tiyn of a large amount", () => {
    expect(formatAmount("en", "90071992547409.93", "KZT")).toBe("₸90,071,992,547,409.93");
  });
});
