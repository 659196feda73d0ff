import { describe, expect, it } from "vitest";
import { DomainError, ERROR_STATUS, type ErrorCode } from "../errors.js";
import { errorMessage, LOCALES, negotiateLocale } from "./index.js";

describe("language negotiation", () => {
  it("takes the best supported language by q-value", () => {
    expect(negotiateLocale("kk-KZ,ru;q=0.8,en;q=0.5")).toBe("kk");
    expect(negotiateLocale("de-DE,ru;q=0.7,fr;q=0.9")).toBe("fr");
    expect(negotiateLocale("ru-RU")).toBe("ru");
  });
  it("falls back to English for unknown, empty or hostile headers", () => {
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("de;q=abc,,;;;")).toBe("en");
    expect(negotiateLocale("kk;q=0")).toBe("en");
  });
});

describe("error messages", () => {
  it("exist in every language for every code, with their parameters filled in", () => {
    for (const locale of LOCALES) {
      for (const code of Object.keys(ERROR_STATUS) as ErrorCode[]) {
        const message = errorMessage(
          locale,
          new DomainError(code, { entity: "person", groupName: "Ақбота" }),
        );
        expect(message, `${locale} ${code}`).not.toBe(`errors.${code}`);
        expect(message.length).toBeGreaterThan(3);
      }
    }
  });
  it("translates entity names inside messages", () => {
    expect(errorMessage("ru", new DomainError("NOT_FOUND", { entity: "person" }))).toBe(
      "Не найдено: человек.",
    );
    expect(errorMessage("en", new DomainError("MEMBER_ALREADY_IN_GROUP", { groupName: "Ақбота" }))).toContain(
      "«Ақбота»".slice(1, -1),
    );
  });
});
