// The administrator's, field officer's and auditor's screens in Chromium against a real `qadam serve`
// over a fresh demo: the organisation tree, a user created and given roles (checked through the API), a
// loan product, the grading table; the federation's groups, missed meetings, grades, roll-up (figures
// equal to the API's) and loans to groups; the audit log; and the auditor, who sees no write action on
// the administrator's screens and whose writes the API refuses. axe-core on every screen; screenshots
// at 360 and 1280 px in Kazakh and English.
import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messages as adminTexts } from "../src/features/admin/messages.js";
import { messages as auditTexts } from "../src/features/auditlog/messages.js";
import { messages as fieldTexts } from "../src/features/field/messages.js";
import { en } from "../src/i18n/locales/en.js";
import { type Browser, launchBrowser } from "./browser.js";
import { chooseLanguage, expectAccessible, logIn, READY, SHOTS, shoot } from "./helpers.js";
import { type RunningQadam, startQadam } from "./qadam-server.js";

const A = { en: adminTexts.en, kk: adminTexts.kk };
const F = { en: fieldTexts.en, kk: fieldTexts.kk };
const L = { en: auditTexts.en, kk: auditTexts.kk };

interface Json {
  status: number;
  body: unknown;
}

/** A call to the API from the page, with its session cookie (and an idempotency key on a write). */
function call(page: Page, method: string, path: string, body?: unknown): Promise<Json> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const headers: Record<string, string> = { Accept: "application/json" };
      if (method !== "GET") headers["Idempotency-Key"] = crypto.randomUUID();
      if (body !== undefined) headers["Content-Type"] = "application/json";
      const response = await fetch(path, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe.skipIf(!READY)("the administrator's, field officer's and auditor's screens", () => {
  let qadam: RunningQadam;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    [qadam, browser] = await Promise.all([startQadam(), launchBrowser()]);
    page = await browser.context.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await qadam?.stop();
  });

  async function logInAs(login: string, language: "en" | "kk" = "en") {
    await page.context().clearCookies();
    await page.goto(`${qadam.url}/`);
    await chooseLanguage(page, "en");
    await logIn(page, login);
    await page.getByRole("button", { name: /Log out|Шығу|Выйти|Se déconnecter/ }).waitFor();
    await chooseLanguage(page, language);
  }

  async function open(path: string, title: string) {
    await page.goto(`${qadam.url}${path}`);
    await expect.poll(() => heading(page), { timeout: 20_000 }).toBe(title);
  }

  it("shows the administrator the organisation tree, opens a branch and adds an organisation under it", async () => {
    await logInAs("admin@moldir.demo");
    await page.getByRole("link", { name: en.nav.admin }).click();
    await expect.poll(() => heading(page)).toBe(A.en.orgs.title);
    const orgs = (await call(page, "GET", "/api/v1/orgs?kind=federation")).body as {
      items: { id: string; name: string }[];
    };
    const federation = orgs.items[0];
    if (!federation) throw new Error("the demo has no federation");
    const tree = page.getByRole("list", { name: A.en.orgs.title });
    await tree.getByText(federation.name, { exact: true }).waitFor();
    // Closed at first, the federation opens to show its clusters.
    const opener = page.getByRole("button", { name: `Open ${federation.name}` });
    await opener.click();
    expect(
      await page.getByRole("button", { name: `Close ${federation.name}` }).getAttribute("aria-expanded"),
    ).toBe("true");
    expect(await tree.getByText(en.orgKinds.cluster).count()).toBeGreaterThan(0);

    await tree.getByRole("button", { name: new RegExp(`^${federation.name}`) }).click();
    await page.getByRole("button", { name: A.en.orgs.add }).click();
    await page.getByLabel(A.en.orgs.kind).selectOption("cluster");
    await page.getByLabel(A.en.orgs.name).fill("Жаңа кластер E2E");
    await page.getByRole("button", { name: A.en.orgs.addSubmit }).click();
    await tree.getByText("Жаңа кластер E2E").waitFor();
    const added = (await call(page, "GET", `/api/v1/orgs?kind=cluster&under=${federation.id}&q=E2E`))
      .body as {
      items: { name: string; parentId: string }[];
    };
    expect(added.items).toEqual([
      expect.objectContaining({ name: "Жаңа кластер E2E", parentId: federation.id }),
    ]);
    await expectAccessible(page, "admin organisations, English");
    await shoot(page, "admin-orgs-en");
  }, 120_000);

  it("creates a user with a role, grants another, revokes it and disables her, each checked through the API", async () => {
    await page
      .getByRole("navigation", { name: A.en.nav.label })
      .getByRole("link", { name: A.en.nav.users })
      .click();
    await expect.poll(() => heading(page)).toBe(A.en.users.title);
    await page.locator(".virtual-list .count").waitFor();
    await page.getByRole("button", { name: A.en.users.new }).click();
    await page.getByLabel(A.en.users.displayName).fill("Әсел Қасымова");
    await page.getByLabel(A.en.users.login, { exact: true }).fill("asel@moldir.demo");
    await page.getByLabel(A.en.users.password).fill("қызғалдақ-дала-2026");
    const form = page.locator("section", { has: page.getByRole("heading", { name: A.en.users.new }) });
    await form.getByLabel(A.en.users.role).selectOption("federation_officer");
    const federations = (await call(page, "GET", "/api/v1/orgs?kind=federation")).body as {
      items: { id: string; name: string }[];
    };
    const [first, second] = federations.items;
    if (!first || !second) throw new Error("the demo has fewer than two federations");
    await form.getByLabel(A.en.users.org).selectOption(first.id);
    await page.getByRole("button", { name: A.en.users.create }).click();
    await page.getByRole("heading", { name: "Әсел Қасымова", level: 2 }).waitFor();

    type User = { id: string; status: string; grants: { id: string; orgId: string; role: string }[] };
    const find = async () =>
      (
        (await call(page, "GET", "/api/v1/users?q=asel")).body as { items: (User & { login: string })[] }
      ).items.find((u) => u.login === "asel@moldir.demo");
    expect((await find())?.grants.map((g) => [g.role, g.orgId])).toEqual([["federation_officer", first.id]]);

    const panel = page.locator("section", {
      has: page.getByRole("heading", { name: "Әсел Қасымова", level: 2 }),
    });
    await panel.getByLabel(A.en.users.role).selectOption("credit_officer");
    await panel.getByLabel(A.en.users.org).selectOption(second.id);
    await panel.getByRole("button", { name: A.en.users.grantSubmit }).click();
    await panel.locator("li", { hasText: en.roles.credit_officer }).waitFor();
    await expect
      .poll(async () => (await find())?.grants.map((g) => g.role).sort())
      .toEqual(["credit_officer", "federation_officer"]);

    // Revoking asks first; "Cancel" leaves the role.
    const creditRow = panel.locator("li", { hasText: en.roles.credit_officer });
    await creditRow.getByRole("button", { name: A.en.users.revoke }).click();
    await creditRow.getByRole("button", { name: A.en.confirm.cancel }).click();
    expect((await find())?.grants).toHaveLength(2);
    await creditRow.getByRole("button", { name: A.en.users.revoke }).click();
    await creditRow.getByRole("button", { name: `Yes: ${A.en.users.revoke}` }).click();
    await expect.poll(async () => (await find())?.grants.map((g) => g.role)).toEqual(["federation_officer"]);

    await panel.getByRole("button", { name: A.en.users.disable }).click();
    await panel.getByRole("button", { name: `Yes: ${A.en.users.disable}` }).click();
    await expect.poll(async () => (await find())?.status).toBe("disabled");
    await panel.getByRole("button", { name: A.en.users.enable }).click();
    await expect.poll(async () => (await find())?.status).toBe("active");

    await expectAccessible(page, "admin user, English");
    // Closed, the user gives way to the list again, with her in it.
    await panel.getByRole("button", { name: A.en.users.close, exact: true }).click();
    await page.locator(".virtual-rows > li").filter({ hasText: "asel@moldir.demo" }).waitFor();
    await expectAccessible(page, "admin users, English");
    await shoot(page, "admin-users-en");
  }, 120_000);

  it("creates a loan product, its amounts typed as a person writes them, and refuses a rate above the cap", async () => {
    await page.getByRole("link", { name: A.en.nav.products }).click();
    await expect.poll(() => heading(page)).toBe(A.en.products.title);
    const lenderId = await page.getByLabel(A.en.products.lender).inputValue();
    await page.getByRole("button", { name: A.en.products.new }).click();
    await page.getByLabel(A.en.products.name).fill("Көктем E2E");
    await page.getByLabel(A.en.products.minPrincipal).fill("50 000");
    await page.getByLabel(A.en.products.maxPrincipal).fill("500 000,00");
    await page.getByLabel(A.en.products.minInstallments).fill("3");
    await page.getByLabel(A.en.products.maxInstallments).fill("12");
    await page.getByLabel(A.en.products.rate).fill("400");
    await page.getByRole("button", { name: A.en.products.create }).click();
    // Refused by the API on the rate's field (the legal cap), nothing created.
    await page.locator(".field-invalid").getByLabel(A.en.products.rate).waitFor();
    await page.getByLabel(A.en.products.rate).fill("24");
    await page.getByRole("button", { name: A.en.products.create }).click();
    await page.getByRole("status").filter({ hasText: "Көктем E2E" }).waitFor();
    await page.getByRole("list").getByText("Көктем E2E", { exact: true }).waitFor();
    const products = (await call(page, "GET", `/api/v1/orgs/${lenderId}/loan-products`)).body as {
      items: {
        name: string;
        spec: { minPrincipal: string; maxPrincipal: string; annualRatePercent: string };
      }[];
    };
    expect(products.items.filter((p) => p.name === "Көктем E2E").map((p) => p.spec)).toEqual([
      expect.objectContaining({
        minPrincipal: "50000.00",
        maxPrincipal: "500000.00",
        annualRatePercent: "24",
      }),
    ]);
    await expectAccessible(page, "admin products, English");
    await shoot(page, "admin-products-en");
  }, 120_000);

  it("shows the grading table in force and adds a version from a date", async () => {
    await page.getByRole("link", { name: A.en.nav.grading }).click();
    await expect.poll(() => heading(page)).toBe(A.en.grading.title);
    const inForce = page.locator("section", {
      has: page.getByRole("heading", { name: A.en.grading.inForce }),
    });
    await inForce.getByText(A.en.grading.criteriaNames.repaymentOnTime).waitFor();
    expect(await inForce.locator(".admin-criteria > li").count()).toBe(8);
    await page.getByRole("button", { name: A.en.grading.new }).click();
    await page.getByLabel(A.en.grading.validFrom).fill("2030-01-01");
    await page.getByLabel(A.en.grading.bandA).fill("80");
    await page.getByRole("button", { name: A.en.grading.save }).click();
    await page.getByRole("status").waitFor();
    const tables = (await call(page, "GET", "/api/v1/grading-table")).body as {
      items: { validFrom: string; table: { bands: { A: number } } }[];
    };
    expect(tables.items.map((v) => [v.validFrom, v.table.bands.A])).toEqual([["2030-01-01", 80]]);
    await page.getByRole("heading", { name: A.en.grading.history }).waitFor();
    await page.locator("details summary").filter({ hasText: A.en.grading.future }).waitFor();
    await expectAccessible(page, "admin grading, English");
    await shoot(page, "admin-grading-en");
  }, 120_000);

  it("shows the administrator's screens in Kazakh", async () => {
    await chooseLanguage(page, "kk");
    for (const [path, title, shot] of [
      ["/admin/orgs", A.kk.orgs.title, "admin-orgs-kk"],
      ["/admin/users", A.kk.users.title, "admin-users-kk"],
      ["/admin/products", A.kk.products.title, "admin-products-kk"],
      ["/admin/grading", A.kk.grading.title, "admin-grading-kk"],
    ] as const) {
      await open(path, title);
      await page.locator("main .count, main form, main .admin-criteria, main .rows li").first().waitFor();
      if (path === "/admin/orgs") {
        const fed = page.getByRole("button", { name: /^Ашу: / }).first();
        await fed.click();
      }
      await expectAccessible(page, `${path}, Kazakh`);
      await shoot(page, shot);
    }
  }, 120_000);

  it("shows the field officer her federation's groups by cluster, searchable", async () => {
    await logInAs("federation@moldir.demo");
    await page.getByRole("link", { name: en.nav.federation }).click();
    await expect.poll(() => heading(page)).toBe(F.en.clusters.title);
    const me = (await call(page, "GET", "/api/v1/me")).body as {
      user: { grants: { orgId: string; role: string }[] };
    };
    const fedId = me.user.grants.find((g) => g.role === "federation_officer")?.orgId;
    const groups = (await call(page, "GET", `/api/v1/orgs?kind=shg&under=${fedId}&limit=200`)).body as {
      items: { name: string }[];
    };
    expect(groups.items.length).toBeGreaterThan(0);
    await page.locator("main .count").waitFor();
    expect(await page.locator("main section li").count()).toBe(groups.items.length);
    for (const g of groups.items)
      expect(await page.locator("main section").getByText(g.name, { exact: true }).count()).toBe(1);
    expect(await page.locator("main section h2").count()).toBeGreaterThan(0);

    const one = groups.items[0]?.name ?? "";
    await page.getByLabel(F.en.clusters.search).fill(one);
    if (groups.items.length > 1)
      await expect.poll(() => page.locator("main section li").count()).toBeLessThan(groups.items.length);
    await page.locator("main section").getByText(one, { exact: true }).waitFor();
    await page.getByLabel(F.en.clusters.search).fill("");
    await expectAccessible(page, "field clusters, English");
    await shoot(page, "field-clusters-en");
  }, 120_000);

  it("lists missed meetings worst first and each group's latest grade, filtered by grade", async () => {
    await page.getByRole("link", { name: F.en.nav.missed }).click();
    await expect.poll(() => heading(page)).toBe(F.en.missed.title);
    await page
      .getByText(/met as planned|no meeting plan/)
      .first()
      .waitFor({ timeout: 60_000 });
    const missed = await page.locator("ol.field-missed .badge").allTextContents();
    const counts = missed.map((m) => Number.parseInt(m, 10));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await expectAccessible(page, "field missed meetings, English");

    await page.getByRole("link", { name: F.en.nav.grades }).click();
    await expect.poll(() => heading(page)).toBe(F.en.grades.title);
    await page
      .getByRole("radio", { name: new RegExp(`^${F.en.grades.choice.all}`) })
      .waitFor({ timeout: 60_000 });
    const all = await page.locator("main li").count();
    expect(all).toBeGreaterThan(0);
    await page.getByRole("radio", { name: new RegExp(`^${F.en.grades.choice.none}`) }).check();
    const ungraded = await page.locator("main li").count();
    await page.getByRole("radio", { name: new RegExp(`^${F.en.grades.choice.A} `) }).check();
    const gradedA = await page.locator("main li").count();
    expect(ungraded + gradedA).toBeLessThanOrEqual(all);
    for (const badge of await page.locator("main li .field-grade").allTextContents()) expect(badge).toBe("A");
    await expectAccessible(page, "field grades, English");
  }, 120_000);

  it("shows the federation's roll-up with the API's figures and a link to its books", async () => {
    await page.getByRole("link", { name: F.en.nav.rollup }).click();
    await expect.poll(() => heading(page)).toBe(F.en.rollup.title);
    await page.locator("[data-figure=members]").first().waitFor();
    const me = (await call(page, "GET", "/api/v1/me")).body as {
      user: { grants: { orgId: string; role: string }[] };
    };
    const fedId = me.user.grants.find((g) => g.role === "federation_officer")?.orgId;
    const api = (await call(page, "GET", `/api/v1/orgs/${fedId}/group-rollup`)).body as {
      currencies: {
        total: {
          figures: {
            groups: { total: number };
            members: { active: number };
            savings: { held: string };
            internalLoans: { outstanding: { amount: string } };
            funds: { loanFundCash: string };
          };
        };
      }[];
    };
    const total = api.currencies[0]?.total.figures;
    if (!total) throw new Error("the roll-up has no currency");
    const shown = async (key: string) =>
      page.locator(`[data-figure=${key}]`).first().getAttribute("data-value");
    expect(await shown("groups")).toBe(String(total.groups.total));
    expect(await shown("members")).toBe(String(total.members.active));
    expect(await shown("savingsHeld")).toBe(total.savings.held);
    expect(await shown("internalLoans")).toBe(total.internalLoans.outstanding.amount);
    expect(await shown("loanFundCash")).toBe(total.funds.loanFundCash);
    // The figure as read: the members' count in the reader's digits, the savings with their currency sign.
    expect(await page.locator("[data-figure=members]").first().textContent()).toBe(
      new Intl.NumberFormat("en").format(total.members.active),
    );
    expect(await page.locator("[data-figure=savingsHeld]").first().textContent()).toMatch(/₸|KZT/);
    expect(await page.getByRole("link", { name: F.en.rollup.books }).getAttribute("href")).toBe(
      `/books?org=${fedId}`,
    );
    await expectAccessible(page, "field roll-up, English");
    await shoot(page, "field-rollup-en");
  }, 120_000);

  it("lists the loans to the federation's groups, each linked to its page", async () => {
    await page.getByRole("link", { name: F.en.nav.loans }).click();
    await expect.poll(() => heading(page)).toBe(F.en.loans.title);
    await page.locator("main .count").waitFor();
    const me = (await call(page, "GET", "/api/v1/me")).body as {
      user: { grants: { orgId: string; role: string }[] };
    };
    const fedId = me.user.grants.find((g) => g.role === "federation_officer")?.orgId;
    const loans = (await call(page, "GET", `/api/v1/loans?orgId=${fedId}&limit=200`)).body as {
      items: { id: string; borrowerType: string }[];
    };
    const toGroups = loans.items.filter((l) => l.borrowerType === "group");
    const links = await page.locator("main li a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links.length).toBe(Math.min(toGroups.length, links.length));
    for (const href of links) expect(toGroups.map((l) => `/loans/${l.id}`)).toContain(href);
    if (toGroups.length === 0) expect(await page.locator("main .count").textContent()).toBe(F.en.loans.none);
    await expectAccessible(page, "field loans, English");
  }, 120_000);

  it("shows the field officer's screens in Kazakh", async () => {
    await chooseLanguage(page, "kk");
    await open("/federation", F.kk.clusters.title);
    await page.locator("main section li").first().waitFor();
    await expectAccessible(page, "field clusters, Kazakh");
    await shoot(page, "field-clusters-kk");
    await open("/federation/rollup", F.kk.rollup.title);
    await page.locator("[data-figure=members]").first().waitFor();
    await expectAccessible(page, "field roll-up, Kazakh");
    await shoot(page, "field-rollup-kk");
    for (const [path, title] of [
      ["/federation/missed", F.kk.missed.title],
      ["/federation/grades", F.kk.grades.title],
      ["/federation/loans", F.kk.loans.title],
    ] as const) {
      await open(path, title);
      await page.locator("main .count").first().waitFor({ timeout: 60_000 });
      await expectAccessible(page, `${path}, Kazakh`);
      await shoot(page, `field-${path.split("/")[2]}-kk`);
    }
  }, 120_000);

  it("shows the auditor the audit log, searchable, filterable and each entry open to its details", async () => {
    await logInAs("auditor@moldir.demo");
    await page.getByRole("link", { name: en.nav.audit }).click();
    await expect.poll(() => heading(page)).toBe(L.en.title);
    await page.getByLabel(L.en.command).waitFor({ timeout: 60_000 });
    const api = (await call(page, "GET", "/api/v1/audit?limit=5")).body as { items: { command: string }[] };
    expect(api.items.length).toBeGreaterThan(0);
    const rows = page.locator(".virtual-rows > li");
    await rows.first().waitFor();
    // The administrator's work from the tests above is there, with its details.
    await page.getByLabel(L.en.command).selectOption("user.create");
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await rows.first().locator("summary").click();
    await rows.first().getByText(L.en.source).waitFor();
    expect(await rows.first().locator("dd code").first().textContent()).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByLabel(L.en.command).selectOption("");
    await page.getByLabel(en.lists.search).fill("loan_product");
    await expect.poll(() => rows.first().locator("summary code").textContent()).toMatch(/loan_product/);
    await page.getByLabel(en.lists.search).fill("");
    await expectAccessible(page, "audit log, English");
    await shoot(page, "audit-log-en");
    await chooseLanguage(page, "kk");
    await expect.poll(() => heading(page)).toBe(L.kk.title);
    await rows.first().waitFor();
    await expectAccessible(page, "audit log, Kazakh");
    await shoot(page, "audit-log-kk");
    await chooseLanguage(page, "en");
  }, 120_000);

  it("shows whoever sees the MFO its loans to a federation's groups, each linked to its loan page", async () => {
    // The demo's MFO lends to a group; the auditor sees the MFO (a field officer sees only her federation's books).
    const mfos = (await call(page, "GET", "/api/v1/orgs?kind=mfo")).body as { items: { id: string }[] };
    const loans = (await call(page, "GET", `/api/v1/loans?orgId=${mfos.items[0]?.id}&limit=200`)).body as {
      items: { id: string; borrowerType: string; borrowerId: string }[];
    };
    const loan = loans.items.find((l) => l.borrowerType === "group");
    if (!loan) throw new Error("the demo's MFO lends to no group");
    const group = (await call(page, "GET", `/api/v1/orgs/${loan.borrowerId}`)).body as {
      name: string;
      parentId: string;
    };
    const federations = (await call(page, "GET", "/api/v1/orgs?kind=federation")).body as {
      items: { id: string }[];
    };
    let federation = "";
    for (const f of federations.items) {
      const under = (await call(page, "GET", `/api/v1/orgs?kind=shg&under=${f.id}&limit=200`)).body as {
        items: { id: string }[];
      };
      if (under.items.some((g) => g.id === loan.borrowerId)) federation = f.id;
    }
    await open("/federation/loans", F.en.loans.title);
    await page.getByRole("combobox", { name: F.en.federation }).selectOption(federation);
    const link = page.getByRole("link", { name: group.name });
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(`/loans/${loan.id}`);
    await expectAccessible(page, "field loans, auditor");
  }, 120_000);

  it("gives the auditor no write action on the administrator's screens, and the API refuses her writes", async () => {
    const writes = [
      A.en.orgs.add,
      A.en.orgs.move,
      A.en.orgs.changeStatus,
      A.en.users.new,
      A.en.users.revoke,
      A.en.users.disable,
      A.en.users.enable,
      A.en.users.grantSubmit,
      A.en.products.new,
      A.en.products.create,
      A.en.grading.new,
      A.en.grading.save,
    ];
    const writeButtons = async () => {
      let found = 0;
      for (const name of writes) found += await page.getByRole("button", { name, exact: true }).count();
      return found;
    };
    await page.getByRole("link", { name: en.nav.admin }).click();
    await expect.poll(() => heading(page)).toBe(A.en.orgs.title);
    const tree = page.getByRole("list", { name: A.en.orgs.title });
    await tree.locator(".admin-node-name").first().click();
    await page.locator(".admin-panel").waitFor();
    expect(await writeButtons()).toBe(0);
    await expectAccessible(page, "admin organisations, auditor");

    await page.getByRole("link", { name: A.en.nav.users }).click();
    await page.locator(".virtual-rows > li").first().waitFor();
    await page.locator(".virtual-rows > li").first().getByRole("button", { name: A.en.users.open }).click();
    await page.getByRole("heading", { name: A.en.users.roles, exact: true }).waitFor();
    expect(await writeButtons()).toBe(0);
    expect(await page.getByLabel(A.en.users.org).count()).toBe(0);

    await page.getByRole("link", { name: A.en.nav.products }).click();
    await page.getByRole("heading", { name: /^Products of / }).waitFor();
    await page.getByText("Көктем E2E").waitFor();
    expect(await writeButtons()).toBe(0);
    expect(await page.getByLabel(A.en.products.rate).count()).toBe(0);

    await page.getByRole("link", { name: A.en.nav.grading }).click();
    await page.getByRole("heading", { name: A.en.grading.inForce }).waitFor();
    expect(await writeButtons()).toBe(0);
    await expectAccessible(page, "admin grading, auditor");

    const orgs = (await call(page, "GET", "/api/v1/orgs?kind=federation")).body as {
      items: { id: string }[];
    };
    const fed = orgs.items[0]?.id ?? "";
    const refused = [
      await call(page, "POST", "/api/v1/users", {
        login: "intruder@moldir.demo",
        displayName: "Intruder",
        password: "жусан-тау-бұлақ-2026",
      }),
      await call(page, "POST", "/api/v1/orgs", { parentId: fed, kind: "cluster", name: "Not hers" }),
      await call(page, "PUT", "/api/v1/grading-table/2031-01-01", {
        bands: { A: 1, B: 0 },
        criteria: { groupSize: { max: 5, steps: [{ atLeast: 10, points: 5 }] } },
      }),
      await call(page, "POST", `/api/v1/orgs/${fed}/loan-products`, {
        name: "Not hers",
        minPrincipal: "1000",
        maxPrincipal: "2000",
        minInstallments: 1,
        maxInstallments: 2,
        frequency: "monthly",
        annualRatePercent: "10",
      }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    expect(refused.map((r) => (r.body as { error?: { code: string } }).error?.code)).toEqual(
      Array(4).fill("FORBIDDEN"),
    );
  }, 120_000);
});
