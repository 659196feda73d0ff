// What every report of the books shares: its title, the links between the four reports (keeping the
// organisation and dates), the choice of organisation and dates, and amounts written per locale.
import { formatMoney, fromJson, type Money, money, negate } from "@qadam/core/money";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { AppLink } from "../../components/app-link.js";
import { ScreenHeading } from "../../components/heading.js";
import { formatAmount } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { type ReportParams, withParams } from "./filters.js";

export const BOOKS = [
  { path: "/books", key: "trialBalance" },
  { path: "/books/balance-sheet", key: "balanceSheet" },
  { path: "/books/income-statement", key: "incomeStatement" },
  { path: "/books/statement", key: "statement" },
] as const;

export function BooksFrame({
  report,
  params,
  filters,
  children,
}: {
  report: (typeof BOOKS)[number]["key"];
  params: ReportParams;
  filters: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <>
      <ScreenHeading>{t(`reports.books.${report}`)}</ScreenHeading>
      <nav className="reports-tabs" aria-label={t("reports.books.nav")}>
        {BOOKS.map((b) => (
          <AppLink key={b.path} to={withParams(b.path, params)} current={location === b.path}>
            {t(`reports.books.tabs.${b.key}`)}
          </AppLink>
        ))}
      </nav>
      {filters}
      {children}
    </>
  );
}

/** An amount of the API in the reader's words. */
export function Amount({ amount, currency }: { amount: string; currency: string }) {
  return <>{formatAmount(currentLocale(), amount, currency)}</>;
}

/** The API's amount as Money (to add up in minor units, never in floating point). */
export const asMoney = (amount: string, currency: string): Money => fromJson({ amount, currency });

/** Money as the API writes it, for Amount. */
export const asText = (m: Money): string => formatMoney(m);

/** The absolute value of an amount, for a debit or credit column. */
export function magnitude(amount: string, currency: string): string {
  const m = asMoney(amount, currency);
  return asText(m.minor < 0n ? negate(m) : m);
}

export const zero = (currency: string): Money => money(0n, currency);

/** An account's full name as a reader follows it: "Assets › Cash › Box" (and a phone can wrap it). */
export const accountPath = (fullName: string): string => fullName.split(":").join(" › ");

/** An account's full name ("Assets:Cash:Box") as its depth and its own name. */
export function accountName(fullName: string): { depth: number; name: string } {
  const parts = fullName.split(":");
  return { depth: parts.length - 1, name: parts.at(-1) ?? fullName };
}
