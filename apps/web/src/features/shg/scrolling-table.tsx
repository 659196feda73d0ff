// A table of figures wider than a phone: it scrolls sideways inside a named region that the keyboard
// can reach (and so scroll), with its first column kept in view.
import type { ReactNode } from "react";

export function ScrollingTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take the keyboard's focus to be scrolled (axe: scrollable-region-focusable)
    <section className="table-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
