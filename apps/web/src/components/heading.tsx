// A screen's title, focused when the screen opens so that a screen reader announces the new page.
import { useEffect, useRef } from "react";

export function ScreenHeading({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
