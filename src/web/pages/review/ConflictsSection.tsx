import { useId, useState } from 'react';
import { formatInZone, viewerTimeZone } from '../../clock.js';
import { currentLocale, useT } from '../../i18n/index.js';
import { type Board, type Conflict, reviewApi } from '../../review-api.js';
import { Link } from '../../router.js';
import { messageOf, ScrollTable } from './common.js';

/** Conflicts of interest with their evidence; run the detection, pin a conflict, or waive it in writing. */
export function ConflictsSection({ board, onChanged }: { board: Board; onChanged: () => void }) {
  const { t } = useT('review');
  const n = new Intl.NumberFormat(currentLocale());
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const expertName = new Map(board.experts.map((e) => [e.id, e.name]));
  const proposalTitle = new Map(board.proposals.map((p) => [p.id, p.title]));
  const detect = async () => {
    setBusy(true);
    try {
      const r = await reviewApi.detect(board.round.id);
      setStatus(
        t('conflicts.detected', {
          found: n.format(r.found),
          added: n.format(r.added),
          removed: n.format(r.removed),
          released: n.format(r.assignmentsReleased),
        }),
      );
      onChanged();
    } catch (e) {
      setStatus(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section id="conflicts" className="panel" aria-labelledby="conflicts-heading" data-testid="conflicts-section">
      <h2 id="conflicts-heading">{t('conflicts.heading')}</h2>
      <p>
        <button type="button" className="button" onClick={() => void detect()} disabled={busy} data-testid="detect-conflicts">
          {t('conflicts.detect')}
        </button>
      </p>
      <p role="status" data-testid="detect-status">
        {status}
      </p>
      {board.conflicts.length === 0 ? (
        <p className="muted">{t('conflicts.none')}</p>
      ) : (
        <ScrollTable label={t('expert.conflicts')}>
          <table className="table" data-testid="conflicts-table">
            <thead>
              <tr>
                <th scope="col">{t('common.expert')}</th>
                <th scope="col">{t('common.proposal')}</th>
                <th scope="col">{t('conflicts.evidence')}</th>
                <th scope="col">{t('common.source')}</th>
                <th scope="col">{t('conflicts.pinned')}</th>
                <th scope="col">{t('conflicts.waived')}</th>
                <th scope="col">{t('conflicts.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {board.conflicts.map((c) => (
                <ConflictRow
                  key={c.id}
                  conflict={c}
                  expert={expertName.get(c.expertId) ?? '—'}
                  expertLink={`/staff/review-rounds/${board.round.id}/experts/${c.expertId}`}
                  proposal={proposalTitle.get(c.applicationId) ?? '—'}
                  onChanged={onChanged}
                />
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

function ConflictRow({
  conflict: c,
  expert,
  expertLink,
  proposal,
  onChanged,
}: {
  conflict: Conflict;
  expert: string;
  expertLink: string;
  proposal: string;
  onChanged: () => void;
}) {
  const { t } = useT('review');
  const id = useId();
  const [waiving, setWaiving] = useState(false);
  const [justification, setJustification] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <tr data-testid="conflict-row" data-waived={c.waivedAt ? 'yes' : 'no'}>
      <td>
        <Link to={expertLink}>{expert}</Link>
      </td>
      <td>{proposal}</td>
      <td>
        <ul className="evidence" data-testid="conflict-evidence">
          {c.evidence.map((e) => (
            <li key={`${e.kind}:${e.text}`}>
              <strong>{t(`conflictKind.${e.kind}`, { defaultValue: e.kind })}:</strong> {e.text}
            </li>
          ))}
          {c.reason ? <li>{t('conflicts.declaredReason', { reason: c.reason })}</li> : null}
        </ul>
      </td>
      <td>{t(`conflictSource.${c.source}`, { defaultValue: c.source })}</td>
      <td>{c.pinned ? t('conflicts.isPinned') : t('conflicts.no')}</td>
      <td data-testid="conflict-waived">
        {c.waivedAt
          ? t('conflicts.waivedOn', { when: formatInZone(c.waivedAt, viewerTimeZone()), reason: c.waiverReason ?? '' })
          : t('conflicts.no')}
      </td>
      <td>
        {c.pinned ? null : (
          <button type="button" className="button button--quiet" onClick={() => void act(() => reviewApi.pin(c.id))}>
            {t('conflicts.pin')}
          </button>
        )}
        {c.waivedAt ? null : waiving ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void act(() => reviewApi.waive(c.id, justification));
            }}
            aria-label={t('conflicts.waiveLabel', { expert, proposal })}
          >
            <label htmlFor={`${id}-why`} className="field__label">
              {t('conflicts.justification')}
            </label>
            <textarea
              id={`${id}-why`}
              className="input"
              rows={3}
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
              data-testid="waive-justification"
            />
            <button type="submit" className="button" data-testid="confirm-waive">
              {t('conflicts.waive')}
            </button>
          </form>
        ) : (
          <button type="button" className="button button--quiet" onClick={() => setWaiving(true)} data-testid="waive">
            {t('conflicts.waiveOpen')}
          </button>
        )}
        {error ? (
          <p role="alert" className="field__error">
            {error}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
