// A borrower as the credit screens show her: her name (or the group's), her phone as a link that calls.

export interface BorrowerLike {
  type: "person" | "group";
  name: string | null;
  phone: string | null;
}

export function borrowerName(b: Pick<BorrowerLike, "name">, t: (key: string) => string): string {
  return b.name ?? t("credit.common.noName");
}

export function PhoneLink({ phone }: { phone: string | null }) {
  if (!phone) return null;
  return (
    <a className="credit-phone" href={`tel:${phone.replace(/[^\d+]/g, "")}`}>
      {phone}
    </a>
  );
}
