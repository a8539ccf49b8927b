import { useT } from '../../i18n/index.js';
import type { SelectionProposal } from '../../selection-api.js';
import { amount, percent } from './format.js';

/**
 * Used against offered for every budget (module pools in g, mW, MB/day; each sample type's mass less
 * its reserve in mg): the official's current set as the bar, the optimiser's set as a tick.
 */
export function BudgetBars({ proposal: p, used }: { proposal: SelectionProposal; used: number[] }) {
  const { t } = useT('selection');
  return (
    <section className="panel" aria-labelledby="selection-budgets-heading" data-testid="selection-budgets">
      <h2 id="selection-budgets-heading">{t('budgets.heading')}</h2>
      {p.budgets.length === 0 ? <p className="muted">{t('budgets.none')}</p> : null}
      <ul className="selection-bars">
        {p.budgets.map((b, r) => {
          const now = used[r] ?? 0;
          const scale = Math.max(b.amount, now, 1);
          const over = now > b.amount;
          return (
            <li key={b.id} className="selection-bars__row" data-testid="budget-row" data-over={over}>
              <p className="selection-bars__label">
                <strong>{b.label}</strong>{' '}
                <span data-testid="budget-text">
                  {t('budgets.used', {
                    used: amount(now, b.unit),
                    offered: amount(b.amount, b.unit),
                    share: percent(b.amount > 0 ? now / b.amount : 0),
                  })}
                </span>
                {now !== b.used ? (
                  <span className="muted"> {t('budgets.proposed', { used: amount(b.used, b.unit) })}</span>
                ) : null}
                {over ? (
                  <strong className="selection-over"> {t('budgets.over', { by: amount(now - b.amount, b.unit) })}</strong>
                ) : null}
              </p>
              <svg className="selection-bars__svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                <rect x="0" y="0" width={(b.amount / scale) * 100} height="10" fill="#e1e5ee" />
                <rect x="0" y="2.5" width={(now / scale) * 100} height="5" fill={over ? '#b42318' : '#2344c0'} />
                <line x1={(b.used / scale) * 100} x2={(b.used / scale) * 100} y1="0" y2="10" stroke="#111a2e" strokeWidth="0.8" />
              </svg>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
