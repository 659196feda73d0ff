// The administrator's loan products: a lending organisation's products, and a new one checked by the
// contract's own schema before it is sent (the API then refuses a product whose loans could cost more
// than the legal cap, on the rate's field). Amounts typed as a person writes them ("50 000,00").

import { pageSchema } from "@qadam/core/contract/pagination";
import { FREQUENCIES } from "@qadam/core/loans/calendar";
import { type ProductDto, productDto } from "@qadam/core/loans/contract";
import { productSpec } from "@qadam/core/loans/product-spec";
import { formatMoney, parseAmount } from "@qadam/core/money";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import { queryClient } from "../../api/query.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { Field } from "../../components/field.js";
import { ScreenHeading } from "../../components/heading.js";
import { checkWith, type FieldErrors } from "../../components/issues.js";
import { formatAmount } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { messages } from "./messages.js";
import { AdminNav, allPages, OrgOptions, useAllOrganisations, useCan } from "./shared.js";
import { treeOrder } from "./tree.js";

registerMessages("admin", messages);

const productPage = pageSchema(productDto);

export default function ProductsScreen() {
  const { t } = useTranslation();
  const orgs = useAllOrganisations();
  const lenders = treeOrder(orgs.data ?? []).filter((o) => o.kind === "mfo" || o.kind === "federation");
  const [lenderId, setLenderId] = useState<string | null>(null);
  const lender =
    lenders.find((o) => o.id === lenderId) ?? lenders.find((o) => o.kind === "mfo") ?? lenders[0];
  const canWrite = useCan("products.write");
  const products = useQuery({
    queryKey: ["admin", "products", lender?.id],
    enabled: lender !== undefined,
    queryFn: () =>
      allPages((cursor, limit) =>
        api("GET", `/api/v1/orgs/${lender?.id}/loan-products`, {
          query: { cursor, limit },
          schema: productPage,
        }),
      ),
  });
  return (
    <>
      <ScreenHeading>{t("admin.products.title")}</ScreenHeading>
      <AdminNav />
      {orgs.isError && <ErrorNotice error={orgs.error} onRetry={() => void orgs.refetch()} />}
      {orgs.isSuccess && lenders.length === 0 && <p className="muted">{t("admin.products.noLender")}</p>}
      {lender && (
        <>
          <div className="field">
            <label htmlFor="lender">{t("admin.products.lender")}</label>
            <select id="lender" value={lender.id} onChange={(e) => setLenderId(e.target.value)}>
              <OrgOptions orgs={lenders} plain />
            </select>
          </div>
          <section aria-labelledby="products-list">
            <h2 id="products-list">{t("admin.products.of", { name: lender.name })}</h2>
            {products.isError && (
              <ErrorNotice error={products.error} onRetry={() => void products.refetch()} />
            )}
            {products.isPending && (
              <p className="muted" aria-busy="true">
                {t("app.loading")}
              </p>
            )}
            {products.isSuccess && <ProductList products={products.data} />}
          </section>
          {canWrite && <NewProduct key={lender.id} lenderId={lender.id} />}
        </>
      )}
    </>
  );
}

function ProductList({ products }: { products: readonly ProductDto[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (products.length === 0) return <p className="muted">{t("admin.products.none")}</p>;
  return (
    <div className="card">
      <ul className="rows">
        {products.map((p) => (
          <li key={p.id}>
            <span className="row-title">{p.name}</span>
            <span className="row-detail">
              {t("admin.products.range", {
                min: formatAmount(locale, p.spec.minPrincipal, p.currency),
                max: formatAmount(locale, p.spec.maxPrincipal, p.currency),
              })}
            </span>
            <span className="row-detail">
              {t("admin.products.terms", {
                rate: p.spec.annualRatePercent,
                min: p.spec.minInstallments,
                max: p.spec.maxInstallments,
                frequency: t(`admin.products.frequency.${p.spec.frequency}`),
              })}
            </span>
            <span className="row-detail">
              {t(`admin.products.method.${p.spec.interestMethod}`)} ·{" "}
              {t(`admin.products.amortization.${p.spec.amortization}`)}
              {p.spec.minGroupGrade
                ? ` · ${t("admin.products.minGrade", { grade: p.spec.minGroupGrade })}`
                : ""}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The amount a person typed ("50 000,5") as the API's decimal string, or the text as typed if it is none. */
function amountText(typed: string, currency: string): string {
  const plain = typed.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  try {
    return formatMoney(parseAmount(plain, currency));
  } catch {
    return typed;
  }
}

function Select({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function NewProduct({ lenderId }: { lenderId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [v, setV] = useState({
    name: "",
    currency: "KZT",
    minPrincipal: "",
    maxPrincipal: "",
    minInstallments: "3",
    maxInstallments: "12",
    frequency: "monthly",
    annualRatePercent: "",
    interestMethod: "declining",
    amortization: "equal-installments",
    minGroupGrade: "",
  });
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: unknown) =>
      api("POST", `/api/v1/orgs/${lenderId}/loan-products`, { body, schema: productDto }),
    onSuccess: (p) => {
      setCreated(p.name);
      void queryClient.invalidateQueries({ queryKey: ["admin", "products", lenderId] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "PRODUCT_RATE_ABOVE_CAP")
        setErrors({ annualRatePercent: error.message });
      else if (error instanceof ApiError && error.code === "LOAN_PRODUCT_NAME_TAKEN")
        setErrors({ name: error.message });
      else if (error instanceof ApiError && error.details.length > 0)
        setErrors(Object.fromEntries(error.details.map((d) => [d.path.replace(/^body\./, ""), d.message])));
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setCreated(null);
    const currency = v.currency.trim().toUpperCase();
    const checked = checkWith(productSpec, {
      name: v.name,
      currency,
      minPrincipal: amountText(v.minPrincipal, currency),
      maxPrincipal: amountText(v.maxPrincipal, currency),
      minInstallments: Number.parseInt(v.minInstallments, 10),
      maxInstallments: Number.parseInt(v.maxInstallments, 10),
      frequency: v.frequency,
      annualRatePercent: v.annualRatePercent.trim().replace(",", "."),
      interestMethod: v.interestMethod,
      amortization: v.amortization,
      minGroupGrade: v.minGroupGrade || null,
    });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    create.mutate(checked.value);
  }
  const shownByField =
    create.error instanceof ApiError &&
    ["PRODUCT_RATE_ABOVE_CAP", "LOAN_PRODUCT_NAME_TAKEN"].includes(create.error.code);
  if (!opened)
    return (
      <p>
        <button type="button" className="button-secondary" onClick={() => setOpened(true)}>
          {t("admin.products.new")}
        </button>
      </p>
    );
  return (
    <section className="card" aria-labelledby="new-product">
      <h2 id="new-product">{t("admin.products.new")}</h2>
      <form className="form" onSubmit={submit} noValidate>
        {create.isError && !shownByField && <ErrorNotice error={create.error} />}
        {created && (
          <p className="notice notice-done" role="status">
            {t("admin.products.created", { name: created })}
          </p>
        )}
        <Field
          label={t("admin.products.name")}
          error={errors.name}
          value={v.name}
          onChange={(e) => set("name")(e.target.value)}
          required
        />
        <div className="admin-pair">
          <Field
            label={t("admin.products.minPrincipal")}
            error={errors.minPrincipal}
            inputMode="decimal"
            value={v.minPrincipal}
            onChange={(e) => set("minPrincipal")(e.target.value)}
            required
          />
          <Field
            label={t("admin.products.maxPrincipal")}
            error={errors.maxPrincipal}
            inputMode="decimal"
            value={v.maxPrincipal}
            onChange={(e) => set("maxPrincipal")(e.target.value)}
            required
          />
        </div>
        <Field
          label={t("admin.products.currency")}
          error={errors.currency}
          value={v.currency}
          onChange={(e) => set("currency")(e.target.value)}
          maxLength={3}
        />
        <div className="admin-pair">
          <Field
            label={t("admin.products.minInstallments")}
            error={errors.minInstallments}
            type="number"
            inputMode="numeric"
            min={1}
            value={v.minInstallments}
            onChange={(e) => set("minInstallments")(e.target.value)}
          />
          <Field
            label={t("admin.products.maxInstallments")}
            error={errors.maxInstallments}
            type="number"
            inputMode="numeric"
            min={1}
            value={v.maxInstallments}
            onChange={(e) => set("maxInstallments")(e.target.value)}
          />
        </div>
        <Select
          label={t("admin.products.frequencyLabel")}
          value={v.frequency}
          onChange={set("frequency")}
          options={FREQUENCIES.map((f) => ({ value: f, label: t(`admin.products.frequency.${f}`) }))}
        />
        <Field
          label={t("admin.products.rate")}
          hint={t("admin.products.rateHint")}
          error={errors.annualRatePercent}
          inputMode="decimal"
          value={v.annualRatePercent}
          onChange={(e) => set("annualRatePercent")(e.target.value)}
          required
        />
        <Select
          label={t("admin.products.methodLabel")}
          value={v.interestMethod}
          onChange={set("interestMethod")}
          options={(["declining", "flat"] as const).map((m) => ({
            value: m,
            label: t(`admin.products.method.${m}`),
          }))}
        />
        <Select
          label={t("admin.products.amortizationLabel")}
          value={v.amortization}
          onChange={set("amortization")}
          options={(["equal-installments", "equal-principal"] as const).map((m) => ({
            value: m,
            label: t(`admin.products.amortization.${m}`),
          }))}
        />
        <Select
          label={t("admin.products.minGradeLabel")}
          value={v.minGroupGrade}
          onChange={set("minGroupGrade")}
          options={[
            { value: "", label: t("admin.products.anyGrade") },
            ...(["A", "B", "C"] as const).map((g) => ({
              value: g,
              label: t("admin.products.minGrade", { grade: g }),
            })),
          ]}
        />
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {t("admin.products.create")}
        </button>
      </form>
    </section>
  );
}
