// Allocating a repayment: installment by installment, oldest due first, and inside each installment
// component by component in the product's order (penalties → fees → interest → principal by default,
// principal first as an option). What is left after everything owed is an overpayment, never lost.

export const COMPONENTS = ["penalty", "fee", "interest", "principal"] as const;
export type Component = (typeof COMPONENTS)[number];

export const ALLOCATION_ORDERS = {
  "penalties-fees-interest-principal": ["penalty", "fee", "interest", "principal"],
  "principal-interest-fees-penalties": ["principal", "interest", "fee", "penalty"],
} as const satisfies Record<string, readonly Component[]>;
export type AllocationOrder = keyof typeof ALLOCATION_ORDERS;

export interface Owed {
  number: number;
  dueDate: string;
  /** Minor units still owed of each component. */
  outstanding: Readonly<Record<Component, bigint>>;
}

export interface Allocation {
  number: number;
  component: Component;
  minor: bigint;
}

export interface AllocationResult {
  allocations: Allocation[];
  /** Paid beyond everything owed: refused or held as an advance by the caller, never dropped. */
  overpayment: bigint;
}

/** What the allocations put on one component (a penalty charge's allocations are "charge"). */
export function allocatedTo(
  allocations: readonly { component: string; minor: bigint }[],
  component: Component | "charge",
): bigint {
  let total = 0n;
  for (const a of allocations) if (a.component === component) total += a.minor;
  return total;
}

/** The smaller of two amounts (bigint has no Math.min). */
export function smaller(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

export function allocatePayment(
  amount: bigint,
  owed: readonly Owed[],
  order: AllocationOrder,
): AllocationResult {
  if (amount <= 0n) throw new RangeError("a payment must be positive");
  const components = ALLOCATION_ORDERS[order];
  const byDate = [...owed].sort((a, b) =>
    a.dueDate === b.dueDate ? a.number - b.number : a.dueDate < b.dueDate ? -1 : 1,
  );
  const allocations: Allocation[] = [];
  let left = amount;
  for (const installment of byDate) {
    for (const component of components) {
      if (left === 0n) return { allocations, overpayment: 0n };
      const due = installment.outstanding[component];
      if (due <= 0n) continue;
      const paid = smaller(due, left);
      allocations.push({ number: installment.number, component, minor: paid });
      left -= paid;
    }
  }
  return { allocations, overpayment: left };
}
