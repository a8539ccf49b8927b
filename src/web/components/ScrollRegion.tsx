import type { ReactNode } from 'react';

/**
 * A wide table's horizontal scroll container, named and reachable by keyboard so it can be scrolled
 * without a mouse (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll by keyboard
    // biome-ignore lint/a11y/useSemanticElements: a div keeps the table's layout; the role names the region
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
