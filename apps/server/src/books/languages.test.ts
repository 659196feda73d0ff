import { CHART_TEMPLATES, type ChartTemplateName, chartTemplate } from "@qadam/core/books/accounts";
import { systemClock } from "@qadam/core/clock";
import type { Locale } from "@qadam/core/i18n";
import { systemIds } from "@qadam/core/ids";
import { expect, it } from "vitest";
import { createTenant, tenantLanguage } from "../orgs/index.js";
import { executeCommand } from "../platform/commands.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { cliActor, seedTenant } from "../testing/fixtures.js";
import { openBooks } from "./store.js";

describeEachDatabase("the books in the tenant's language", (use) => {
  async function chartsOf(language: Locale) {
    const { db } = use();
    const t = await seedTenant(db, `books-${language}`, language);
    const open = (orgId: string) =>
      executeCommand(
        { db, clock: systemClock, ids: systemIds },
        { actor: cliActor(t), name: "books.open", source: "cli" },
        (trx, ctx) => openBooks(trx, ctx, orgId),
      );
    const byCode = (chart: Awaited<ReturnType<typeof open>>) =>
      Object.fromEntries(chart.map((a) => [a.code, a.fullName]));
    return {
      mfo: byCode(await open(t.mfoId)),
      shg: byCode(await open(t.groupId)),
      federation: byCode(await open(t.federationId)),
    };
  }

  it("opens a Kazakh tenant's charts in Kazakh, with the codes every chart has", async () => {
    const charts = await chartsOf("kk");
    expect(charts.shg["21"]).toBe("Міндеттемелер:Мүшелердің жинақтары");
    expect(charts.shg["11"]).toBe("Активтер:Топтың кассасы");
    expect(charts.mfo["132"]).toBe("Активтер:Қарыз портфелі:Топтық қарыздар");
    expect(charts.federation["41"]).toBe("Кірістер:Мүшелік жарналар");
    for (const name of Object.keys(CHART_TEMPLATES) as ChartTemplateName[])
      expect(Object.keys(charts[name]).sort()).toEqual(CHART_TEMPLATES[name].map((a) => a.code).sort());
  });

  it("opens a Russian tenant's charts in Russian", async () => {
    const charts = await chartsOf("ru");
    expect(charts.shg["21"]).toBe("Обязательства:Сбережения участниц");
    expect(charts.mfo["132"]).toBe("Активы:Кредитный портфель:Групповые займы");
    expect(charts.mfo["44"]).toBe("Доходы:Возврат списанных займов");
    expect(charts.federation["13"]).toBe("Активы:Займы группам");
  });

  it("keeps a new tenant's books in Kazakh unless another language is chosen", async () => {
    const { db } = use();
    const make = (slug: string, defaultLocale?: Locale) =>
      db
        .transaction()
        .execute((trx) =>
          createTenant(
            trx,
            { ids: systemIds, now: new Date().toISOString() },
            { slug, name: "Ақбота", kind: "association", ...(defaultLocale ? { defaultLocale } : {}) },
          ),
        );
    const suffix = systemIds.next().slice(-8);
    expect(await tenantLanguage(db, (await make(`kk-${suffix}`)).tenantId)).toBe("kk");
    expect(await tenantLanguage(db, (await make(`ru-${suffix}`, "ru")).tenantId)).toBe("ru");
  });

  it("opens a French or an English tenant's charts in its language", async () => {
    expect((await chartsOf("fr")).shg["21"]).toBe("Passifs:Épargne des membres");
    expect((await chartsOf("en")).shg["21"]).toBe("Liabilities:Members' savings");
  });
});

it("names every template account in every language, no two siblings alike", () => {
  for (const language of ["kk", "ru", "en", "fr"] as const)
    for (const name of Object.keys(CHART_TEMPLATES) as ChartTemplateName[]) {
      const chart = chartTemplate(name, language);
      for (const a of chart) expect(a.name, `${language} ${name} ${a.code}`).toMatch(/^[^:]{1,200}$/);
      const siblings = chart.map((a) => `${a.parent ?? ""}/${a.name}`);
      expect(new Set(siblings).size, `${language} ${name}`).toBe(siblings.length);
    }
});
