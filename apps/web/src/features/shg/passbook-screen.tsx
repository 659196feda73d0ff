// A member's passbook: every line of hers at the group's meetings (savings, loans and repayments, fines,
// social fund, share-outs), oldest first, with her savings and her loans after each; printable.
import type { PassbookDto } from "@qadam/core/groups/contract";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "wouter";
import { AppLink } from "../../components/app-link.js";
import { registerMessages } from "../../i18n/register.js";
import { groupQuery, passbookQuery } from "./api.js";
import { messages } from "./messages.js";
import { GroupFrame, Loaded, personName, tabPath, useFormat, useMemberNames } from "./parts.js";
import { ScrollingTable } from "./scrolling-table.js";

registerMessages("shg", messages);

export default function PassbookScreen() {
  const { groupId = "", personId = "" } = useParams<{ groupId: string; personId: string }>();
  const { t } = useTranslation();
  const book = useQuery(passbookQuery(groupId, personId));
  const group = useQuery(groupQuery(groupId));
  const member = useMemberNames(groupId).get(personId);
  const name = member ? personName(member.person) || t("shg.unnamed") : "";
  return (
    <GroupFrame groupId={groupId}>
      <section className="card shg-passbook" aria-labelledby="shg-passbook">
        <p className="shg-crumbs shg-no-print">
          <AppLink to={tabPath(groupId, "members")}>{t("shg.members.title")}</AppLink>
        </p>
        <h2 id="shg-passbook">{t("shg.passbook.title", { name })}</h2>
        {member && (
          <p className="muted">
            {group.data?.name} · {t(`shg.role.${member.role}`)}
          </p>
        )}
        <button type="button" className="button-secondary shg-no-print" onClick={() => window.print()}>
          {t("shg.passbook.print")}
        </button>
        <Loaded query={book}>{(b) => <Book book={b} />}</Loaded>
      </section>
    </GroupFrame>
  );
}

function Book({ book: b }: { book: PassbookDto }) {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (amount: string) => f.money(amount, b.currency);
  const totals: Array<[string, string]> = [
    [t("shg.passbook.savings"), m(b.savings)],
    [t("shg.passbook.loans"), m(b.loans)],
    [t("shg.passbook.finesPaid"), m(b.finesPaid)],
    [t("shg.passbook.socialContributions"), m(b.socialContributions)],
    [t("shg.passbook.socialPayouts"), m(b.socialPayouts)],
  ];
  return (
    <>
      <dl className="shg-facts shg-totals">
        {totals.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd className="num">{value}</dd>
          </div>
        ))}
      </dl>
      {b.lines.length === 0 ? (
        <p className="muted">{t("shg.passbook.none")}</p>
      ) : (
        <ScrollingTable label={t("shg.passbook.lines")}>
          <table className="figures shg-sticky shg-stack">
            <caption className="shg-visually-hidden">{t("shg.passbook.lines")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("shg.passbook.date")}</th>
                <th scope="col">{t("shg.passbook.what")}</th>
                <th scope="col" className="num">
                  {t("shg.passbook.amount")}
                </th>
                <th scope="col" className="num">
                  {t("shg.passbook.savingsAfter")}
                </th>
                <th scope="col" className="num">
                  {t("shg.passbook.loansAfter")}
                </th>
              </tr>
            </thead>
            <tbody>
              {b.lines.map((l) => (
                <tr key={`${l.meetingId}-${l.lineNo}-${l.kind}`}>
                  <th scope="row">{f.date(l.heldOn)}</th>
                  <td className="shg-wide" data-label={t("shg.passbook.what")}>
                    {t(`shg.kind.${l.kind}`, { defaultValue: l.kind })}
                    {l.kind === "fine" &&
                      l.detail &&
                      ` (${t(`shg.fine.${l.detail}`, { defaultValue: l.detail })})`}
                    {l.interest !== null && l.kind === "repayment" && (
                      <span className="shg-cell-note">
                        {t("shg.passbook.interest", { amount: m(l.interest) })}
                      </span>
                    )}
                  </td>
                  <td className="num" data-label={t("shg.passbook.amount")}>
                    {m(l.amount)}
                  </td>
                  <td className="num" data-label={t("shg.passbook.savingsAfter")}>
                    {m(l.savings)}
                  </td>
                  <td className="num" data-label={t("shg.passbook.loansAfter")}>
                    {m(l.loans)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
    </>
  );
}
