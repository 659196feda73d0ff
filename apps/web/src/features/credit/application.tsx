// A loan application: the borrower (a woman, or a group with each member's share), the product, the
// amount, the term and the dates; the schedule and the effective annual rate (with the tenant's cap
// warning) are shown before it can be submitted, and shown again whenever the terms change.
import { applicationBody, type ProductDto } from "@qadam/core/loans/contract";
import type { PreviewOptions, SchedulePreview } from "@qadam/core/loans/preview";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/error-notice.js";
import { Field } from "../../components/field.js";
import { ScreenHeading } from "../../components/heading.js";
import type { FieldErrors } from "../../components/issues.js";
import { formatAmount, formatDate, todayHere } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { registerMessages } from "../../i18n/register.js";
import { navigate } from "../../router.js";
import { applyForLoan, type LendableBorrower, productsOf, schedulePreview } from "./api.js";
import { borrowerName } from "./borrower.js";
import { BorrowerPicker } from "./borrower-picker.js";
import { formatPercent } from "./figures.js";
import { problemOn, typedAmount, unplacedError, validate } from "./form-problems.js";
import { useLendingOrg } from "./lending-org.js";
import { messages } from "./messages.js";
import { PreviewSchedule } from "./schedule-table.js";

registerMessages("credit", messages);

const CODE_FIELDS = {
  LOAN_OUTSIDE_PRODUCT_LIMITS: "principal",
  SCHEDULE_TERMS_INVALID: "firstDueOn",
  LOAN_SHARES_INVALID: "members",
  PERSON_ANONYMISED: "borrower",
  LOAN_GROUP_GRADE_REQUIRED: "borrower",
  ORG_NOT_A_GROUP: "borrower",
} as const;
const FIELDS = [
  "borrower",
  "members",
  "productId",
  "principal",
  "installments",
  "appliedOn",
  "firstDueOn",
  "purpose",
];

interface Member {
  borrower: LendableBorrower;
  share: string;
}

function monthAfter(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m, Math.min(d, 28)));
  return next.toISOString().slice(0, 10);
}

/** The preview's options from the product's terms and the form's. */
function previewOf(
  p: ProductDto,
  principal: string,
  installments: number,
  appliedOn: string,
  firstDueOn: string,
): PreviewOptions {
  const s = p.spec;
  const actual = s.interestPeriod !== "repayment";
  const fee = s.disbursementFee;
  return {
    principal,
    currency: p.currency,
    annualRate: s.annualRatePercent,
    installments,
    frequency: s.frequency,
    interest: s.interestMethod,
    amortization: s.amortization,
    interestPeriod: actual ? "actual" : "repayment",
    ...(actual
      ? { daysInYear: s.interestPeriod === "actual/360" ? 360 : 365 }
      : { firstPeriod: s.firstPeriod }),
    disbursed: appliedOn,
    firstDue: firstDueOn,
    gracePrincipal: s.gracePrincipal,
    graceInterest: s.graceInterest,
    ...(s.rounding ? { rounding: s.rounding } : {}),
    ...(fee ? { feeDisbursement: fee.kind === "fixed" ? fee.amount : `${fee.percent}%` } : {}),
    ...(s.installmentFee ? { feeInstallment: s.installmentFee } : {}),
  };
}

export default function ApplicationScreen() {
  const { t } = useTranslation();
  const org = useLendingOrg();
  const locale = currentLocale();
  const products = useQuery({
    queryKey: ["credit", "products", org?.orgId],
    enabled: org !== null,
    queryFn: () => productsOf(org?.orgId ?? ""),
  });
  const active = (products.data?.items ?? []).filter((p) => p.status === "active");
  const [type, setType] = useState<"person" | "group">("person");
  const [borrower, setBorrower] = useState<LendableBorrower | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [productId, setProductId] = useState("");
  const [principal, setPrincipal] = useState("");
  const [installments, setInstallments] = useState("");
  const [appliedOn, setAppliedOn] = useState(todayHere());
  const [firstDueOn, setFirstDueOn] = useState(monthAfter(todayHere()));
  const [purpose, setPurpose] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [shown, setShown] = useState<{ key: string; preview: SchedulePreview } | null>(null);
  const product = active.find((p) => p.id === productId) ?? active[0];
  const currency = product?.currency ?? "KZT";

  const body = {
    productId: product?.id ?? "",
    borrower:
      type === "person"
        ? { type: "person" as const, personId: borrower?.id ?? "" }
        : {
            type: "group" as const,
            groupId: borrower?.id ?? "",
            jointLiability: true,
            members: members.map((m) => ({ personId: m.borrower.id, share: typedAmount(m.share, currency) })),
          },
    principal: typedAmount(principal, currency),
    installments: /^\d+$/.test(installments.trim()) ? Number.parseInt(installments, 10) : Number.NaN,
    firstDueOn,
    appliedOn,
    purpose: purpose.trim() || null,
  };
  const key = JSON.stringify(body);
  const current = shown?.key === key ? shown.preview : null;

  const preview = useMutation({
    mutationFn: (options: PreviewOptions) => schedulePreview(options),
    onSuccess: (p, _options) => setShown({ key, preview: p }),
  });
  const submit = useMutation({
    mutationFn: () => applyForLoan(body),
    onSuccess: (loan) => navigate(`/loans/${loan.id}`),
  });

  const check = (): boolean => {
    const checked = validate(applicationBody, body);
    const found: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (!borrower) found.borrower = t("credit.apply.pickBorrower");
    // The schema names nested fields by path: show them where the person looks.
    found.borrower ??= found["borrower.personId"] ?? found["borrower.groupId"];
    found.members ??= Object.entries(found).find(([k]) => k.startsWith("borrower.members"))?.[1];
    setErrors(found);
    return Object.values(found).every((v) => v === undefined);
  };
  const onPreview = () => {
    if (!check() || !product) return;
    preview.mutate(previewOf(product, body.principal, body.installments, appliedOn, firstDueOn));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!check()) return;
    if (!current) {
      setErrors({ preview: t("credit.apply.needPreview") });
      return;
    }
    submit.mutate();
  };

  const ids = { type: useId(), product: useId(), preview: useId() };
  const other = unplacedError(submit.error, FIELDS, CODE_FIELDS);
  const on = (field: string) => problemOn(errors, submit.error, field, CODE_FIELDS);
  if (!org) return null;
  return (
    <>
      <ScreenHeading>{t("credit.apply.title")}</ScreenHeading>
      {products.isError && <ErrorNotice error={products.error} onRetry={() => void products.refetch()} />}
      {products.isSuccess && active.length === 0 && <p className="notice">{t("credit.apply.noProducts")}</p>}
      <form className="form card credit-form" onSubmit={onSubmit} noValidate>
        <fieldset className="credit-choice">
          <legend>{t("credit.apply.borrowerType")}</legend>
          {(["person", "group"] as const).map((k) => (
            <label key={k} className="check">
              <input
                type="radio"
                name={ids.type}
                value={k}
                checked={type === k}
                onChange={() => {
                  setType(k);
                  setBorrower(null);
                  setMembers([]);
                }}
              />
              {t(k === "person" ? "credit.apply.aPerson" : "credit.apply.aGroup")}
            </label>
          ))}
        </fieldset>
        {borrower ? (
          <div className="credit-chosen">
            <p className="row-title">{t("credit.apply.chosen", { name: borrowerName(borrower, t) })}</p>
            <p className="row-detail">
              {[borrower.phone, borrower.type === "person" ? borrower.group?.name : null]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {on("borrower") && <p className="field-error">{on("borrower")}</p>}
            <button type="button" className="button-secondary" onClick={() => setBorrower(null)}>
              {t("credit.apply.change")}
            </button>
          </div>
        ) : (
          <BorrowerPicker
            orgId={org.orgId}
            type={type}
            label={t("credit.apply.search")}
            error={on("borrower")}
            onChoose={setBorrower}
          />
        )}
        {type === "group" && borrower && (
          <fieldset className="credit-members">
            <legend>{t("credit.apply.members")}</legend>
            <p className="hint">{t("credit.apply.membersHint")}</p>
            {members.map((m, index) => (
              <div key={m.borrower.id} className="credit-member">
                <Field
                  label={t("credit.apply.share", { name: borrowerName(m.borrower, t) })}
                  inputMode="decimal"
                  value={m.share}
                  onChange={(e) =>
                    setMembers(members.map((x, i) => (i === index ? { ...x, share: e.target.value } : x)))
                  }
                />
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => setMembers(members.filter((_, i) => i !== index))}
                >
                  {t("credit.apply.remove")}
                </button>
              </div>
            ))}
            {on("members") && <p className="field-error">{on("members")}</p>}
            <BorrowerPicker
              orgId={org.orgId}
              type="person"
              label={t("credit.apply.addMember")}
              exclude={members.map((m) => m.borrower.id)}
              onChoose={(b) => setMembers([...members, { borrower: b, share: "" }])}
            />
          </fieldset>
        )}
        <div className="field">
          <label htmlFor={ids.product}>{t("credit.apply.product")}</label>
          {product && (
            <p className="hint" id={`${ids.product}-hint`}>
              {t("credit.apply.productTerms", {
                min: formatAmount(locale, product.spec.minPrincipal, product.currency),
                max: formatAmount(locale, product.spec.maxPrincipal, product.currency),
                minN: product.spec.minInstallments,
                maxN: product.spec.maxInstallments,
                rate: formatPercent(locale, product.spec.annualRatePercent),
              })}
            </p>
          )}
          <select
            id={ids.product}
            value={product?.id ?? ""}
            aria-describedby={product ? `${ids.product}-hint` : undefined}
            onChange={(e) => setProductId(e.target.value)}
          >
            {active.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={`${t("credit.apply.principal")} (${currency})`}
          inputMode="decimal"
          autoComplete="off"
          value={principal}
          onChange={(e) => setPrincipal(e.target.value)}
          error={on("principal")}
        />
        <Field
          label={t("credit.apply.installments")}
          inputMode="numeric"
          autoComplete="off"
          value={installments}
          onChange={(e) => setInstallments(e.target.value)}
          error={on("installments")}
        />
        <Field
          label={t("credit.apply.appliedOn")}
          type="date"
          value={appliedOn}
          onChange={(e) => setAppliedOn(e.target.value)}
          error={on("appliedOn")}
        />
        <Field
          label={t("credit.apply.firstDueOn")}
          type="date"
          value={firstDueOn}
          onChange={(e) => setFirstDueOn(e.target.value)}
          error={on("firstDueOn") ?? problemOn({}, preview.error, "firstDueOn", CODE_FIELDS)}
        />
        <Field
          label={t("credit.apply.purpose")}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          error={on("purpose")}
        />
        <button type="button" className="button-secondary" onClick={onPreview} disabled={preview.isPending}>
          {preview.isPending ? t("credit.apply.previewing") : t("credit.apply.preview")}
        </button>
        {preview.isError && unplacedError(preview.error, ["firstDueOn"], CODE_FIELDS) !== null && (
          <ErrorNotice error={preview.error} />
        )}
        {shown && !current && <p className="notice">{t("credit.apply.termsChanged")}</p>}
        {current && <PreviewCard preview={current} titleId={ids.preview} />}
        {errors.preview && (
          <p className="field-error" role="alert">
            {errors.preview}
          </p>
        )}
        {other !== null && <ErrorNotice error={other} />}
        <button type="submit" className="button-primary" disabled={submit.isPending}>
          {submit.isPending ? t("credit.apply.submitting") : t("credit.apply.submit")}
        </button>
      </form>
    </>
  );
}

function PreviewCard({ preview, titleId }: { preview: SchedulePreview; titleId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const m = (amount: string) => formatAmount(locale, amount, preview.currency);
  return (
    <section aria-labelledby={titleId} className="credit-preview" aria-live="polite">
      <h2 id={titleId}>{t("credit.apply.scheduleTitle")}</h2>
      {preview.effectiveAnnualRateDisclosed && (
        <p className="credit-rate">
          {t("credit.apply.effectiveRate", {
            rate: formatPercent(locale, preview.effectiveAnnualRateDisclosed),
          })}
        </p>
      )}
      {preview.cap && (
        <p className="muted">
          {t("credit.apply.cap", {
            cap: formatPercent(locale, preview.cap.maxEffectiveRatePercent),
            date: formatDate(locale, preview.cap.from),
          })}
        </p>
      )}
      {preview.warnings.map((w) => (
        <p key={w.code} className="notice notice-error" role="alert">
          {w.message}
        </p>
      ))}
      <p>
        {t("credit.apply.totalCost", {
          total: m(preview.totals.total),
          interest: m(preview.totals.interest),
          fees: m(preview.totals.fees),
        })}
      </p>
      {preview.disbursementFee && !/^0(\.0+)?$/.test(preview.disbursementFee) && (
        <p>{t("credit.apply.disbursementFee", { amount: m(preview.disbursementFee) })}</p>
      )}
      <PreviewSchedule preview={preview} />
    </section>
  );
}
