import { describe, expect, it } from "vitest";
import { compactNumber, monthLabel, shortDate } from "./chart-format.js";

describe("the dashboard's compact words", () => {
  it("writes Kazakh's own scale words and dates in figures where the browser has no Kazakh data", () => {
    expect(compactNumber("kk", 4_000_000, false)).toBe("4 млн");
    expect(compactNumber("kk", 250_000, false)).toBe("250 мың");
    expect(compactNumber("kk", 1_500_000_000, false)).toBe("1,5 млрд");
    expect(compactNumber("kk", 0, false)).toBe("0");
    expect(shortDate("kk", "2026-01-31", false)).toBe("31.01.2026");
    expect(monthLabel("kk", "2025-12-31", false)).toBe("12.2025");
  });

  it("leaves the other languages to Intl", () => {
    expect(compactNumber("en", 4_000_000)).toBe("4M");
    expect(shortDate("en", "2026-01-31")).toBe("Jan 31, 2026");
    expect(monthLabel("en", "2025-12-31")).toBe("Dec 25");
  });
});
