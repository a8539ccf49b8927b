import { formatNumber, usePortalT } from '../portal/localise.js';

export interface Stat {
  label: string;
  value: number;
  testId: string;
}

/** Headline figures, big numbers with a label under each. */
export function Stats({ stats, label }: { stats: Stat[]; label: string }) {
  usePortalT(); // numbers follow the language
  return (
    <dl className="stats" aria-label={label}>
      {stats.map((s) => (
        <div className="stat" key={s.testId}>
          <dt>{s.label}</dt>
          <dd data-testid={s.testId}>{formatNumber(s.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
