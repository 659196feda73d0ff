// A table of figures that scrolls sideways on a phone: a named region that takes the keyboard's focus,
// so that it can be scrolled with the arrow keys too.
import type { ReactNode } from "react";

export function FiguresScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
