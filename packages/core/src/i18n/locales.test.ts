import { describe, expect, it } from "vitest";
import { ERROR_STATUS } from "../error-status.js";
import { DomainError, type ErrorCode, type ErrorParams, phrase } from "../errors.js";
import { SOCIAL_FUND_PURPOSES } from "../groups/rules.js";
import { KZT, money } from "../money/index.js";
import { ORG_KINDS } from "../orgs/types.js";
import { errorMessage } from "./index.js";
import { messagesIn } from "./messages.js";
import { type Catalogue, mergeCatalogues } from "./texts.js";

type Tree = { [key: string]: string | Tree };
const [kk, ru, en, fr] = (["kk", "ru", "en", "fr"] as const).map(messagesIn) as [
  ReturnType<typeof messagesIn>,
  ReturnType<typeof messagesIn>,
  ReturnType<typeof messagesIn>,
  ReturnType<typeof messagesIn>,
];
const CATALOGUES: Record<string, Tree> = { kk, ru, en, fr } as unknown as Record<string, Tree>;
// The statuses and transaction kinds of a loan the messages name (the server's store checks them
// against its own lists: apps/server/src/loans/messages.test.ts).
const LOAN_STATUSES = Object.keys(en.statuses.loan);
const TRANSACTION_KINDS = Object.keys(en.loanTransactionKinds);

/** Every key path of a catalogue, leaves and branches alike, marked by what they hold. */
function keyPaths(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [`${prefix}${key}`]
      : [`${prefix}${key}/`, ...keyPaths(value, `${prefix}${key}.`)],
  );
}

function leaves(tree: Tree, prefix = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

/** Codes and names a Kazakh or Russian message may write in Latin letters (A, B, C: the grades). */
const LATIN_ALLOWED = new Set(["API", "JSON", "Idempotency-Key", "KZT", "IIN", "UUID", "A", "B", "C"]);

/** The Latin-letter words of a message, once its placeholders and nested keys are taken out. */
function latinWords(message: string): string[] {
  const text = message.replace(/\$t\([^)]*\)/g, " ").replace(/\{\{[^}]*\}\}/g, " ");
  return (text.match(/[A-Za-z]+(?:-[A-Za-z]+)*/g) ?? []).filter((w) => !LATIN_ALLOWED.has(w));
}

/** Per language, the key paths some other language has and it lacks. */
function missingKeys(catalogues: Record<string, Tree>): Record<string, string[]> {
  const reference = new Set(Object.values(catalogues).flatMap((c) => keyPaths(c)));
  return Object.fromEntries(
    Object.entries(catalogues).map(([locale, c]) => {
      const own = new Set(keyPaths(c));
      return [locale, [...reference].filter((k) => !own.has(k))];
    }),
  );
}

describe("the message catalogues", () => {
  it("have the same keys in every language, at every depth", () => {
    expect(missingKeys(CATALOGUES)).toEqual({ kk: [], ru: [], en: [], fr: [] });
  });

  it("would report a key missing at any depth, or a leaf where a branch should be", () => {
    const missing = missingKeys({
      a: { errors: { X: "x", Y: "y" }, grading: { notMeasured: { z: "z" } } },
      b: { errors: { X: "x" }, grading: { notMeasured: "z" } },
    });
    expect(missing.b).toEqual(["errors.Y", "grading.notMeasured/", "grading.notMeasured.z"]);
    expect(missing.a).toEqual(["grading.notMeasured"]);
  });

  it("write no English word in a Kazakh or Russian message, codes and placeholders apart", () => {
    for (const locale of ["kk", "ru"]) {
      const found = leaves(CATALOGUES[locale] as Tree)
        .map(([key, text]) => [key, latinWords(text)] as const)
        .filter(([, words]) => words.length > 0);
      expect(found, `Latin words in ${locale}`).toEqual([]);
    }
  });

  it("write no English word in a Kazakh or Russian message once the domain's own values fill it in", () => {
    // The values the domains pass: codes of statuses, kinds, fields and purposes, amounts, names.
    const amount = money(9_000_000n, KZT);
    const base: ErrorParams = {
      entity: "loan",
      field: "principal",
      purpose: "childbirth",
      parentKind: "federation",
      member: "Қалиева Айгүл",
      name: "Ақбота",
      org: "Ақбота",
      groupName: "Ақбота",
      account: "Активтер:Касса",
      currency: "KZT",
      reason: "check-digit",
      role: "treasurer",
      details: "—",
      amount,
      owed: amount,
      min: amount,
      max: amount,
      balance: amount,
      difference: amount,
      rule: amount,
      price: amount,
      savings: amount,
      limit: amount,
      fund: amount,
      bank: amount,
      cash: amount,
      debts: amount,
      counted: amount,
      books: amount,
    };
    const variants: Partial<Record<ErrorCode, ErrorParams[]>> = {
      LOAN_WRONG_STATUS: LOAN_STATUSES.map((status) => ({ status })),
      LOAN_REVERSAL_BLOCKED: TRANSACTION_KINDS.map((kind) => ({ kind })),
      LOAN_LENDER_KIND: ORG_KINDS.map((kind) => ({ kind })),
      ORG_PARENT_NOT_ALLOWED: ORG_KINDS.map((kind) => ({ kind })),
      LOAN_OUTSIDE_PRODUCT_LIMITS: [{ field: "principal" }, { field: "installments", min: 3, max: 24 }],
      MEETING_SOCIAL_PURPOSE: SOCIAL_FUND_PURPOSES.map((purpose) => ({ purpose })),
      LOAN_SHARES_INVALID: [
        { details: phrase("memberListedTwice") },
        { details: phrase("memberNotActive", { member: "Қалиева Айгүл" }) },
        { details: phrase("sharesDoNotSum", { total: amount, principal: amount }) },
      ],
      WEAK_PASSWORD: (Object.keys(en.passwordWeakness) as Array<keyof typeof en.passwordWeakness>).map(
        (reason) => ({ reason, min: 10 }),
      ),
      SCHEDULE_TERMS_INVALID: [
        { details: phrase("firstDueNotAfterApplication") },
        { details: phrase("firstDueNotAfterReschedule") },
      ],
    };
    for (const locale of ["kk", "ru"] as const)
      for (const code of Object.keys(ERROR_STATUS) as ErrorCode[])
        for (const variant of variants[code] ?? [{}]) {
          const message = errorMessage(locale, new DomainError(code, { ...base, ...variant }));
          expect(latinWords(message), `${locale} ${code}: ${message}`).toEqual([]);
        }
  });

  it("finds a Latin word that is not a code, and lets codes and placeholders be", () => {
    expect(latinWords("{{field}}: principal должно быть")).toEqual(["principal"]);
    expect(latinWords("Заголовок Idempotency-Key, {{status}}, $t(statuses.loan.{{status}}), API")).toEqual(
      [],
    );
  });

  it("name every kind and purpose the domains have", () => {
    for (const [locale, c] of Object.entries({ kk, ru, en, fr })) {
      expect(Object.keys(c.orgKinds).sort(), locale).toEqual([...ORG_KINDS].sort());
      expect(Object.keys(c.socialFundPurposes).sort(), locale).toEqual([...SOCIAL_FUND_PURPOSES].sort());
    }
  });
});

describe("the domains' catalogues, joined", () => {
  const texts = (word: string) => ({ kk: word, ru: word, en: word, fr: word });

  it("merge the sections two domains share", () => {
    const merged = mergeCatalogues(
      { errors: { A: texts("a") }, journal: { x: texts("x") } },
      { errors: { B: texts("b") } },
    ) as Catalogue;
    expect(merged).toEqual({ errors: { A: texts("a"), B: texts("b") }, journal: { x: texts("x") } });
  });

  it("refuse a key two domains both define, or a text where another domain has a section", () => {
    expect(() => mergeCatalogues({ errors: { A: texts("a") } }, { errors: { A: texts("b") } })).toThrow(
      "The message errors.A is defined by two domains",
    );
    expect(() =>
      mergeCatalogues(
        { grading: { notMeasured: texts("z") } },
        { grading: { notMeasured: { z: texts("z") } } },
      ),
    ).toThrow("grading.notMeasured");
  });
});
