import { useT } from '../../i18n/index.js';
import type { SelectionProposal } from '../../selection-api.js';
import { num, percent } from './format.js';
import { namesOf } from './reason-text.js';

/** The optimiser's answer: status, the set's merit, the proven bound and the gap between them. */
export function SummaryPanel({ proposal: p }: { proposal: SelectionProposal }) {
  const { t } = useT('selection');
  const names = namesOf(p, t);
  return (
    <section className="panel" aria-labelledby="selection-summary-heading" data-testid="selection-summary">
      <h2 id="selection-summary-heading">{t('summary.heading')}</h2>
      <dl className="facts facts--compact">
        <div>
          <dt>{t('summary.status')}</dt>
          <dd data-testid="selection-status">{t(`status.${p.status}`)}</dd>
        </div>
        <div>
          <dt>{t('summary.objective')}</dt>
          <dd data-testid="selection-objective">{p.objective === null ? '—' : num(p.objective)}</dd>
        </div>
        <div>
          <dt>{t('summary.bound')}</dt>
          <dd data-testid="selection-bound">{p.bound === null ? '—' : num(p.bound)}</dd>
        </div>
        <div>
          <dt>{t('summary.gap')}</dt>
          <dd data-testid="selection-gap">{p.gap === null ? '—' : percent(p.gap)}</dd>
        </div>
        <div>
          <dt>{t('summary.selected')}</dt>
          <dd>{t('summary.selectedOf', { n: num(p.selected.length), total: num(p.proposals.length) })}</dd>
        </div>
      </dl>
      {p.status === 'infeasible' ? (
        <p className="callout callout--warn" role="alert">
          {t('summary.infeasible', { rules: p.conflict.map(names.rule).join('; ') })}
        </p>
      ) : null}
      {p.unscored.length > 0 ? (
        <p className="callout callout--warn" data-testid="selection-unscored">
          {t('summary.unscored', { count: p.unscored.length })}
        </p>
      ) : null}
    </section>
  );
}
