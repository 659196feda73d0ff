// A link inside the app: a real href (open in a new tab, copy the address), followed without a reload.
import type { ReactNode } from "react";
import { Link } from "wouter";

export function AppLink({
  to,
  children,
  className,
  current,
}: {
  to: `/${string}`;
  children: ReactNode;
  className?: string;
  current?: boolean;
}) {
  return (
    <Link href={to} className={className} aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
}
