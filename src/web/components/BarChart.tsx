import { counted, formatNumber } from '../format.js';
import { useT } from '../i18n/index.js';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Text after the bar, e.g. "3 (2 led)". */
  text?: string;
}

/** Horizontal bars in plain CSS, with the numbers written out (the chart is a list a screen reader reads). */
export function BarChart({ bars, label, testId }: { bars: Bar[]; label: string; testId?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <ul className="bars" aria-label={label} data-testid={testId}>
      {bars.map((b) => (
        <li key={b.key} className="bars__row" data-testid={testId ? `${testId}-row` : undefined}>
          <span className="bars__label">{b.label}</span>
          <span className="bars__track" aria-hidden="true">
            <span className="bars__fill" style={{ width: `${(b.value / max) * 100}%` }} />
          </span>
          <span className="bars__value">{b.text ?? formatNumber(b.value)}</span>
        </li>
      ))}
    </ul>
  );
}

export interface Demand {
  key: string;
  label: string;
  offered: number;
  reserve: number;
  requested: number;
  requests: number;
  format: (n: number) => string;
}

/**
 * Requested against offered, one SVG bar per offer: the offered mass is the track, the reserve its
 * hatched end, the requested amount the bar (red once it reaches into the reserve or beyond).
 */
export function DemandChart({ rows, testId }: { rows: Demand[]; testId?: string }) {
  const { t } = useT('common');
  return (
    <ul className="demand" data-testid={testId}>
      {rows.map((r) => {
        const scale = Math.max(r.offered, r.requested, 1);
        const lendable = r.offered - r.reserve;
        const x = (n: number) => (n / scale) * 100;
        const over = r.requested > lendable;
        return (
          <li key={r.key} className="demand__row" data-testid={testId ? `${testId}-row` : undefined}>
            <p className="demand__label">
              <strong>{r.label}</strong>
              <span className="muted">
                {' '}
                — {t('demand.requested', { requested: r.format(r.requested), requests: counted(r.requests, 'request') })} ·{' '}
                {t('demand.offered', { offered: r.format(r.offered) })}
                {r.reserve > 0 ? t('demand.reserve', { reserve: r.format(r.reserve) }) : ''}
                {over ? ` · ${r.reserve > 0 ? t('demand.overLendable') : t('demand.oversubscribed')}` : ''}
              </span>
            </p>
            <svg className="demand__svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              <defs>
                <pattern id={`hatch-${r.key}`} width="2" height="2" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                  <rect width="1" height="2" fill="#c48a00" />
                </pattern>
              </defs>
              <rect x="0" y="0" width={x(r.offered)} height="10" fill="#e1e5ee" />
              {r.reserve > 0 ? (
                <rect x={x(lendable)} y="0" width={x(r.reserve)} height="10" fill={`url(#hatch-${r.key})`} />
              ) : null}
              <rect x="0" y="2.5" width={x(r.requested)} height="5" fill={over ? '#b42318' : '#2344c0'} />
              <line x1={x(r.offered)} x2={x(r.offered)} y1="0" y2="10" stroke="#111a2e" strokeWidth="0.6" />
            </svg>
          </li>
        );
      })}
    </ul>
  );
}
