import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { LOCALES } from "../i18n/index.js";
import { amountText, calendarDate, signedAmountText } from "./schemas.js";
import { type RawIssue, summaryCode, translateIssues } from "./validation.js";

const body = z.strictObject({
  heldOn: calendarDate,
  principal: amountText,
  amount: signedAmountText,
  installments: z.number().int().min(1).max(12),
  name: z.string().trim().min(2).max(5),
  lines: z
    .array(z.strictObject({ kind: z.enum(["savings", "fine"]) }))
    .min(1)
    .max(2),
  channel: z.enum(["cash", "bank"]),
});

function issuesOf(input: unknown, locale: (typeof LOCALES)[number]) {
  const parsed = body.safeParse(input);
  if (parsed.success) throw new Error("expected problems");
  return translateIssues(locale, parsed.error.issues as unknown as RawIssue[], input, "body");
}

describe("a schema's problems in the reader's language", () => {
  it("answers every problem at once, each by its path and a code of its own", () => {
    const input = {
      heldOn: "2026-11-31",
      principal: " 10",
      amount: "-0",
      installments: 1.5,
      name: "x",
      lines: [{ kind: "gift" }, { kind: "fine" }],
      extra: 1,
    };
    const issues = issuesOf(input, "en");
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ["body.heldOn", "INVALID_DATE"],
      ["body.principal", "INVALID_AMOUNT"],
      ["body.amount", "INVALID_AMOUNT"],
      ["body.installments", "VALIDATION_FAILED"],
      ["body.name", "VALIDATION_FAILED"],
      ["body.lines.0.kind", "VALIDATION_FAILED"],
      ["body.channel", "VALIDATION_FAILED"],
      ["body", "VALIDATION_FAILED"],
    ]);
    expect(summaryCode(issues)).toBe("VALIDATION_FAILED");
    expect(summaryCode(issues.slice(0, 3))).toBe("INVALID_DATE");
    expect(issues.map((i) => i.message)).toEqual([
      "The field “meeting date”: “2026-11-31” is not a calendar date (use YYYY-MM-DD).",
      "The field “principal”: “ 10” is not an amount (digits with an optional decimal point, such as 1250.50).",
      "The field “amount”: “-0” is not an amount (digits with an optional decimal point, such as 1250.50).",
      "The field “number of installments” must be a whole number.",
      "The field “name” must have at least 2 characters.",
      "The field “kind” must be one of: savings, fine.",
      "The field “payment channel” is required.",
      "Unknown fields in “request”: extra.",
    ]);
  });

  it("never shows Zod's English or a JSON key in kk, ru or fr", () => {
    const input = {
      heldOn: 5,
      principal: "1e3",
      installments: 0,
      name: "abcdefgh",
      lines: [],
      channel: "card",
    };
    for (const locale of ["kk", "ru", "fr"] as const) {
      for (const issue of issuesOf(input, locale)) {
        expect(issue.message).not.toMatch(
          /Invalid|expected|received|Too (small|big)|heldOn|installments|\{\{/,
        );
        expect(issue.message).not.toMatch(/\b(field|must|the|is)\b/);
      }
    }
    expect(issuesOf({}, "kk")[0]?.message).toBe("«жиналыс күні» өрісі міндетті.");
    expect(issuesOf({}, "ru")[0]?.message).toBe("Поле «дата собрания» обязательно.");
    expect(issuesOf({}, "fr")[0]?.message).toBe("Le champ « date de la réunion » est obligatoire.");
  });
});

describe("the one calendar date and the one amount", () => {
  it("takes a date only if the calendar has that day", () => {
    for (const ok of ["2024-02-29", "2026-12-31", "2026-01-01"])
      expect(calendarDate.safeParse(ok).success).toBe(true);
    for (const bad of [
      "2026-02-30",
      "2026-11-31",
      "2025-02-29",
      "2026-13-01",
      "2026-1-1",
      " 2026-01-01",
      "2026-00-10",
    ])
      expect(calendarDate.safeParse(bad).success, bad).toBe(false);
  });

  it("takes an amount only as a canonical decimal string", () => {
    for (const ok of ["0", "10", "10.5", "1250.50", "0.01", "999999999999999.999999"])
      expect(amountText.safeParse(ok).success, ok).toBe(true);
    for (const bad of [
      " 10",
      "10 ",
      "1e3",
      "+10",
      "10.",
      ".5",
      "-0",
      "-5",
      "010",
      "1,5",
      "",
      "1000000000000000",
    ])
      expect(amountText.safeParse(bad).success, bad).toBe(false);
    expect(signedAmountText.safeParse("-5").success).toBe(true);
    for (const bad of ["-0", "-0.00", "- 5", "--5"])
      expect(signedAmountText.safeParse(bad).success, bad).toBe(false);
  });
});
