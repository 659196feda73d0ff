// Which organisation the credit screens work on: the one where the user lends (her credit officer's
// grant), else her widest grant that can see loans; and whether she may enter or approve loans there.
import type { Role } from "@qadam/core/auth/roles";
import { roleAllows } from "@qadam/core/auth/roles";
import { useSession } from "../../session.js";

const PREFERENCE: readonly Role[] = ["credit_officer", "tenant_admin", "federation_officer", "auditor"];

export interface LendingOrg {
  orgId: string;
  orgName: string;
  canWrite: boolean;
  canApprove: boolean;
  userId: string;
}

export function useLendingOrg(): LendingOrg | null {
  const { me } = useSession();
  const grants = me.user.grants;
  const grant =
    PREFERENCE.flatMap((role) => grants.filter((g) => g.role === role))[0] ?? grants[0] ?? undefined;
  if (!grant) return null;
  return {
    orgId: grant.orgId,
    orgName: grant.orgName,
    canWrite: roleAllows(grant.role, "loans.write"),
    canApprove: roleAllows(grant.role, "loans.approve"),
    userId: me.user.id,
  };
}
