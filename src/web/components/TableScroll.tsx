import type { ReactNode } from 'react';

/**
 * The horizontal scroller around a wide table. On a phone the table scrolls sideways, and a keyboard
 * user can only scroll what can take focus (WCAG 2.1.1), so the scroller is a named, focusable region
 * (a section with a name is one); the name is what a screen reader announces on reaching it.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable to scroll by keyboard
    <section className="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
