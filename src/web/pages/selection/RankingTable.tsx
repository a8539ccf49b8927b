import { TableScroll } from '../../components/TableScroll.js';
import { useT } from '../../i18n/index.js';
import type { Outcome, SelectionProposal } from '../../selection-api.js';
import type { Draft } from './Board.js';
import { countryLabel, num } from './format.js';
import { reasonText } from './reason-text.js';

const OUTCOMES: Outcome[] = ['selected', 'conditional', 'rejected'];

/**
 * The merit ranking beside the optimiser's set: rank, merit, what the optimiser proposes and why,
 * and the official's own decision (the override), per proposal.
 */
export function RankingTable({
  proposal: p,
  draft,
  onOutcome,
}: {
  proposal: SelectionProposal;
  draft: Draft;
  onOutcome: (id: string, outcome: Outcome) => void;
}) {
  const { t } = useT('selection');
  const ranked = [...p.proposals].sort((a, b) => b.merit - a.merit || (a.id < b.id ? -1 : 1));
  const reasons = new Map(p.reasons.map((e) => [e.id, e]));
  const groupOf = new Map(p.groups.flatMap((g) => g.members.map((m) => [m, g.name] as const)));
  const chosen = new Set(p.selected);
  return (
    <section className="panel" aria-labelledby="selection-ranking-heading">
      <h2 id="selection-ranking-heading">{t('ranking.heading')}</h2>
      <p className="muted">{t('ranking.hint')}</p>
      {ranked.length === 0 ? (
        <p className="muted">{t('ranking.empty')}</p>
      ) : (
        <TableScroll label={t('ranking.heading')}>
          <table className="table" data-testid="ranking-table">
            <thead>
              <tr>
                <th scope="col">{t('ranking.rank')}</th>
                <th scope="col">{t('ranking.proposal')}</th>
                <th scope="col">{t('ranking.merit')}</th>
                <th scope="col">{t('ranking.optimiser')}</th>
                <th scope="col">{t('ranking.reason')}</th>
                <th scope="col">{t('ranking.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((q, i) => {
                const e = reasons.get(q.id);
                const outcome = draft.outcomes[q.id] ?? 'rejected';
                const overridden = (outcome !== 'rejected') !== chosen.has(q.id);
                return (
                  <tr key={q.id} data-testid="ranking-row" data-id={q.id} data-overridden={overridden}>
                    <td className="num">{num(i + 1)}</td>
                    <th scope="row">
                      <span data-testid="ranking-title">{q.title}</span>
                      <p className="cell-note">
                        {countryLabel(q.country, t('unknownCountry'))}
                        {groupOf.has(q.id) ? (
                          <>
                            {' · '}
                            <span className="chip" data-testid="merged-chip">
                              {t('ranking.merged', { name: groupOf.get(q.id) })}
                            </span>
                          </>
                        ) : null}
                      </p>
                    </th>
                    <td className="num">
                      {num(q.merit)}
                      <p className="cell-note">{t(`meritSource.${q.meritSource}`)}</p>
                    </td>
                    <td data-testid="optimiser-verdict">{chosen.has(q.id) ? t('verdict.selected') : t('verdict.rejected')}</td>
                    <td className="selection-reason" data-testid="optimiser-reason">
                      {e ? reasonText(e, p, t) : t('reason.none')}
                    </td>
                    <td>
                      <select
                        className="input"
                        value={outcome}
                        aria-label={t('ranking.decisionFor', { title: q.title })}
                        onChange={(ev) => onOutcome(q.id, ev.target.value as Outcome)}
                        data-testid="decision-outcome"
                      >
                        {OUTCOMES.map((o) => (
                          <option key={o} value={o}>
                            {t(`outcome.${o}`)}
                          </option>
                        ))}
                      </select>
                      {overridden ? <p className="cell-note">{t('ranking.overridden')}</p> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
