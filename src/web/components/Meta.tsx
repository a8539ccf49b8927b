import type { ReactNode } from 'react';

/** A line of facts under a title; items wrap as units, separated by a dot drawn in CSS. */
export function Meta({ items, className = 'page-meta' }: { items: ReactNode[]; className?: string }) {
  const shown = items.filter((item) => item != null && item !== false && item !== '');
  if (shown.length === 0) return null;
  return (
    <p className={className}>
      {shown.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list rendered in one pass
        <span className="meta-item" key={i}>
          {item}
        </span>
      ))}
    </p>
  );
}
