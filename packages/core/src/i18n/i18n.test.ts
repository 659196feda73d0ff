import { describe, expect, it } from "vitest";
import { ERROR_STATUS } from "../error-status.js";
import { DomainError, type ErrorCode, phrase } from "../errors.js";
import { KZT, money } from "../money/index.js";
import {
  errorMessage,
  errorMessageOnItsLine,
  LINE_PREFIX,
  LOCALES,
  negotiateLocale,
  withoutLinePrefix,
} from "./index.js";
import { messagesIn } from "./messages.js";

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

describe("a problem shown on its own line", () => {
  it("every message that starts by naming its line starts with the language's one prefix", () => {
    const en = messagesIn("en").errors as Record<string, string>;
    const aboutALine = Object.keys(en).filter((code) => en[code]?.startsWith(LINE_PREFIX.en));
    expect(aboutALine.length).toBeGreaterThan(10);
    for (const locale of LOCALES) {
      const texts = messagesIn(locale).errors as Record<string, string>;
      for (const code of aboutALine)
        expect(`${code}: ${texts[code]}`).toContain(`${code}: ${LINE_PREFIX[locale]}`);
    }
  });
  it("drops the line's number and starts with a capital, in every language", () => {
    const error = { code: "MEETING_AMOUNT_NOT_POSITIVE" as ErrorCode, params: { line: 21 } };
    expect(errorMessage("kk", error)).toBe("21-жол: сома нөлден үлкен болуы керек.");
    expect(errorMessageOnItsLine("kk", error)).toBe("Сома нөлден үлкен болуы керек.");
    expect(errorMessageOnItsLine("ru", error)).toBe("Сумма должна быть больше нуля.");
    expect(errorMessageOnItsLine("en", error)).toBe("The amount must be above zero.");
    expect(errorMessageOnItsLine("fr", error)).toBe("Le montant doit être supérieur à zéro.");
  });
  it("reads the line's words off a message in any of the languages, and nothing else", () => {
    expect(withoutLinePrefix("12-жол: жинақ ережедегі сомаға сәйкес емес.")).toBe(
      "Жинақ ережедегі сомаға сәйкес емес.",
    );
    expect(withoutLinePrefix("Ligne 3 : le montant doit être supérieur à zéro.")).toBe(
      "Le montant doit être supérieur à zéro.",
    );
    expect(withoutLinePrefix("Санап шыққан касса есептегіден өзгеше.")).toBe(
      "Санап шыққан касса есептегіден өзгеше.",
    );
    expect(withoutLinePrefix("Line of credit: 3")).toBe("Line of credit: 3");
  });
  it("leaves a message with no line as it is", () => {
    const error = { code: "MEETING_AMOUNT_NOT_POSITIVE" as ErrorCode, params: {} };
    expect(errorMessageOnItsLine("en", error)).toBe(errorMessage("en", error));
  });
});

describe("words, amounts and names inside messages", () => {
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

  it("shows a loan's status by its word, never its code", () => {
    const error = new DomainError("LOAN_WRONG_STATUS", { status: "written_off" });
    expect(errorMessage("kk", error)).toBe("Мәртебесі «есептен шығарылған» қарызбен мұны істеуге болмайды.");
    expect(errorMessage("ru", error)).toBe("Это нельзя сделать с займом в статусе «списан».");
    expect(errorMessage("en", error)).toContain("“written off”");
    expect(errorMessage("fr", error)).toContain("« passé en perte »");
  });

  it("names the field, the organisation kind and the later operation in the reader's language", () => {
    const limits = new DomainError("LOAN_OUTSIDE_PRODUCT_LIMITS", {
      field: "principal",
      min: money(1_000_000n, KZT),
      max: money(90_000_000n, KZT),
    });
    expect(plain(errorMessage("ru", limits))).toBe(
      "Для этого продукта сумма займа: от 10 000,00 ₸ до 900 000,00 ₸.",
    );
    expect(plain(errorMessage("kk", limits))).toBe(
      "Бұл өнім үшін қарыз сомасы 10 000,00 ₸ – 900 000,00 ₸ аралығында болуы керек.",
    );
    expect(errorMessage("kk", new DomainError("LOAN_REVERSAL_BLOCKED", { kind: "write_off" }))).toContain(
      "(есептен шығару)",
    );
    expect(errorMessage("ru", new DomainError("LOAN_LENDER_KIND", { kind: "shg" }))).toContain(
      "«группа самопомощи»",
    );
  });

  it("says in the reader's language what is wrong with a loan's terms or shares", () => {
    const firstDue = new DomainError("SCHEDULE_TERMS_INVALID", {
      details: phrase("firstDueNotAfterApplication"),
    });
    expect(errorMessage("kk", firstDue)).toBe(
      "Бұл шарттар бойынша кесте құру мүмкін емес: алғашқы төлем мерзімі өтінім берілген күннен кейін болуы керек",
    );
    expect(errorMessage("ru", firstDue)).toBe(
      "По этим условиям нельзя построить график: первый взнос должен наступать позже даты заявки",
    );
    const shares = new DomainError("LOAN_SHARES_INVALID", {
      details: phrase("sharesDoNotSum", { total: money(290_000n, KZT), principal: money(300_000n, KZT) }),
    });
    expect(plain(errorMessage("kk", shares))).toBe(
      "Топтық қарыздағы мүшелердің үлестері дұрыс емес: үлестердің жиыны 2 900,00 ₸, ал қарыз 3 000,00 ₸.",
    );
  });

  it("writes every amount the way the reader's language writes it", () => {
    const error = new DomainError("LOAN_OVERPAYMENT", {
      amount: money(9_000_000n, KZT),
      owed: money(9_007_199_254_740_993n, KZT),
    });
    expect(plain(errorMessage("kk", error))).toBe(
      "Төлем берешектен (90 071 992 547 409,93 ₸) 90 000,00 ₸ артық: оны аванс ретінде қабылдаңыз немесе соманы азайтыңыз.",
    );
    expect(plain(errorMessage("ru", error))).toContain(
      "Платёж на 90 000,00 ₸ больше задолженности (90 071 992 547 409,93 ₸)",
    );
    expect(errorMessage("en", error)).toContain("₸90,000.00");
    expect(plain(errorMessage("fr", error))).toContain("90 000,00 ₸");
  });

  it("puts a member's name in the Kazakh genitive where she owns what follows", () => {
    const rule = (member: string) =>
      new DomainError("MEETING_SAVINGS_NOT_RULE", { line: 3, member, rule: money(50_000n, KZT) });
    expect(plain(errorMessage("kk", rule("Қалиева")))).toBe(
      "3-жол: топ ережесі бойынша Қалиеваның міндетті жинағы — 500,00 ₸.",
    );
    expect(plain(errorMessage("kk", rule("Серікбаева Айгүл")))).toContain(
      "Серікбаева Айгүлдің міндетті жинағы",
    );
    expect(
      errorMessage("kk", new DomainError("MEETING_LOAN_TERM", { line: 2, member: "Жандос", max: 12 })),
    ).toBe("2-жол: Жандостың қарызының мерзімі 12 айдан аспауы керек.");
    // Russian says whose it is with a word in the genitive and keeps the name as it is.
    expect(plain(errorMessage("ru", rule("Қалиева")))).toBe(
      "Строка 3: обязательный взнос участницы Қалиева по правилам группы — 500,00 ₸.",
    );
  });
});
