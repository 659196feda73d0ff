// Pieces the outbox screens share: the groups' kits kept on this phone (live), and amounts, dates and
// instants in the reader's words.
import { type MeetingKit, meetingKitSchema } from "@qadam/core/groups/meeting-kit";
import { formatMoney, money } from "@qadam/core/money";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatAmount, formatDate, formatInstant } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { deviceDb } from "../../offline/runtime.js";

/** The kits of the user's groups kept on this phone, by group id, kept current (undefined while read). */
export function useKits(userId: string): Map<string, MeetingKit> | undefined {
  const [kits, setKits] = useState<Map<string, MeetingKit> | undefined>(undefined);
  useEffect(() => {
    const db = deviceDb();
    return db.watch(
      ["groups"],
      () => db.read("groups", (groups) => groups.index("userId").getAll(userId)),
      (groups) => {
        const found = new Map<string, MeetingKit>();
        for (const g of groups) {
          const parsed = meetingKitSchema.safeParse(g.data.kit);
          if (parsed.success) found.set(g.groupId, parsed.data);
        }
        setKits(found);
      },
      () => setKits(new Map()),
    );
  }, [userId]);
  return kits;
}

/** Formatters in the reader's language, re-made when she switches it. */
export function useFormat() {
  const { i18n } = useTranslation();
  void i18n.language;
  const locale = currentLocale();
  return {
    locale,
    /** An amount in minor units of the currency. */
    money: (minor: bigint, currency: string) =>
      formatAmount(locale, formatMoney(money(minor, currency)), currency),
    date: (date: string) => formatDate(locale, date),
    instant: (instant: string) => formatInstant(locale, instant),
  };
}
