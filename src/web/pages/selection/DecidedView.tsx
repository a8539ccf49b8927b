import { TableScroll } from '../../components/TableScroll.js';
import { currentLocale, useT } from '../../i18n/index.js';
import type { FrozenDecision, SelectionProposal } from '../../selection-api.js';
import { amount, num } from './format.js';

/** The frozen decision: every proposal's outcome, conditions and reason, and its sample grants. */
export function DecidedView({ proposal: p, decisions }: { proposal: SelectionProposal; decisions: FrozenDecision[] }) {
  const { t } = useT('selection');
  const byId = new Map(p.proposals.map((q) => [q.id, q]));
  const merit = decisions.reduce((s, d) => s + (d.outcome === 'rejected' ? 0 : (byId.get(d.applicationId)?.merit ?? 0)), 0);
  const when = new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' });
  const sorted = [...decisions].sort(
    (a, b) => (byId.get(b.applicationId)?.merit ?? 0) - (byId.get(a.applicationId)?.merit ?? 0) || (a.id < b.id ? -1 : 1),
  );
  return (
    <section className="panel" aria-labelledby="selection-decided-heading" data-testid="decided-view">
      <h2 id="selection-decided-heading">{t('decided.heading')}</h2>
      <p data-testid="decided-summary">
        {t('decided.summary', {
          by: decisions[0]?.decidedBy ?? '',
          at: decisions[0] ? when.format(new Date(decisions[0].decidedAt)) : '',
          merit: num(merit),
          optimum: p.objective === null ? '—' : num(p.objective),
        })}
      </p>
      <TableScroll label={t('decided.heading')}>
        <table className="table" data-testid="decided-table">
          <thead>
            <tr>
              <th scope="col">{t('ranking.proposal')}</th>
              <th scope="col">{t('ranking.merit')}</th>
              <th scope="col">{t('decided.outcome')}</th>
              <th scope="col">{t('decided.reason')}</th>
              <th scope="col">{t('decided.samples')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((d) => (
              <tr key={d.id} data-testid="decided-row" data-outcome={d.outcome}>
                <th scope="row">{byId.get(d.applicationId)?.title ?? d.applicationId}</th>
                <td className="num">{num(byId.get(d.applicationId)?.merit ?? 0)}</td>
                <td>
                  {t(`outcome.${d.outcome}`)}
                  {d.conditions ? <p className="cell-note">{t('decided.conditions', { conditions: d.conditions })}</p> : null}
                </td>
                <td>{d.reason}</td>
                <td className="num">
                  {d.allocations.length ? d.allocations.map((a) => amount(a.massMg, 'mg')).join(', ') : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
