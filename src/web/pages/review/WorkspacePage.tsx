import { useState } from 'react';
import { formatInZone } from '../../clock.js';
import { Countdown } from '../../components/Deadline.js';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { currentLocale, useT } from '../../i18n/index.js';
import { type Bid, reviewApi, type WorkspacePool, type WorkspaceRound } from '../../review-api.js';
import { Link } from '../../router.js';
import { useLoadedState } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { messageOf } from './common.js';
import { DeclareConflictForm } from './DeclareConflictForm.js';

// The expert's workspace: invitations to answer, then per call its rounds with deadlines, progress,
// conflicts to declare, bids and the assigned proposals.

export function WorkspacePage() {
  const { t } = useT('review');
  useTitle(t('workspace.title'));
  return <RequireAccount>{() => <Workspace />}</RequireAccount>;
}

function Workspace() {
  const { t } = useT('review');
  const { load, update } = useLoadedState((signal) => reviewApi.workspace(signal), 'workspace');
  // Swapped in place after a change, so the forms keep their messages.
  const reload = () => void reviewApi.workspace().then((fresh) => update(() => fresh));
  return (
    <Loaded load={load} what={t('workspace.what')}>
      {({ pools }) => (
        <article data-testid="review-workspace">
          <h1>{t('workspace.title')}</h1>
          {pools.length === 0 ? <p className="muted">{t('workspace.none')}</p> : null}
          {pools.map((pool) => (
            <PoolSection key={pool.expert.id} pool={pool} onChanged={reload} />
          ))}
        </article>
      )}
    </Loaded>
  );
}

function PoolSection({ pool, onChanged }: { pool: WorkspacePool; onChanged: () => void }) {
  const { t } = useT('review');
  const { expert, call } = pool;
  const [error, setError] = useState<string | null>(null);
  const answer = async (value: 'accepted' | 'declined') => {
    setError(null);
    try {
      await reviewApi.answer(expert.id, value);
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const headingId = `pool-${expert.id}`;
  return (
    <section className="panel" aria-labelledby={headingId} data-testid="review-pool" data-status={expert.status}>
      <h2 id={headingId}>{call?.title ?? t('workspace.aCall')}</h2>
      <p>
        {t('workspace.invitation')} <strong data-testid="invitation-status">{t(`status.${expert.status}`)}</strong> ·{' '}
        <Link to={`/review/experts/${expert.id}`} data-testid="profile-link">
          {t('workspace.profile')}
        </Link>
      </p>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      {expert.status === 'invited' ? (
        <p>
          <button type="button" className="button" onClick={() => void answer('accepted')} data-testid="accept-invitation">
            {t('workspace.accept')}
          </button>{' '}
          <button type="button" className="button button--quiet" onClick={() => void answer('declined')}>
            {t('workspace.decline')}
          </button>
        </p>
      ) : null}
      {expert.status === 'accepted'
        ? pool.rounds.map((round) => <RoundSection key={round.round.id} pool={pool} view={round} onChanged={onChanged} />)
        : null}
    </section>
  );
}

function RoundSection({ pool, view, onChanged }: { pool: WorkspacePool; view: WorkspaceRound; onChanged: () => void }) {
  const { round, assignments, proposals } = view;
  const { t } = useT('review');
  const n = new Intl.NumberFormat(currentLocale());
  const timeZone = pool.call?.timeZone ?? 'UTC';
  const submitted = assignments.filter((a) => a.review?.status === 'submitted').length;
  const headingId = `round-${round.id}`;
  const declared = new Set(pool.conflicts.map((c) => c.applicationId));
  return (
    <section aria-labelledby={headingId} className="review-round" data-testid="workspace-round">
      <h3 id={headingId}>
        {round.title} <span className="muted">({t(`stage.${round.stage}`)})</span>
      </h3>
      <p data-testid="round-deadline">
        {t('workspace.due', { when: formatInZone(round.deadlineAt, timeZone) })} · <Countdown at={round.deadlineAt} />
      </p>
      <p data-testid="round-progress">
        {t('workspace.progress', { submitted: n.format(submitted), assigned: n.format(assignments.length) })}
      </p>
      <h4>{t('workspace.assigned')}</h4>
      {assignments.length === 0 ? (
        <p className="muted">{t('workspace.noneAssigned')}</p>
      ) : (
        <ul data-testid="assigned-list">
          {assignments.map((a) => (
            <li key={a.id}>
              <Link to={`/review/assignments/${a.id}`} data-testid="assignment-link">
                {a.title}
              </Link>{' '}
              <span className="muted">— {t(`reviewStatus.${a.review?.status ?? 'not_started'}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <h4>{t('expert.conflicts')}</h4>
      {pool.conflicts.length > 0 ? (
        <ul data-testid="my-conflicts">
          {pool.conflicts.map((c) => (
            <li key={c.id}>
              {proposals.find((p) => p.id === c.applicationId)?.title ?? t('workspace.aProposal')} —{' '}
              {t(`conflictSource.${c.source}`)}
              {c.reason ? `: ${c.reason}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <DeclareConflictForm
        expertId={pool.expert.id}
        proposals={proposals.filter((p) => !declared.has(p.id))}
        onDeclared={onChanged}
      />
      {round.collectsBids ? <Bids roundId={round.id} proposals={proposals} placed={view.bids ?? {}} /> : null}
    </section>
  );
}

const BIDS: Bid[] = ['eager', 'willing', 'not_willing', 'conflict'];

function Bids({
  roundId,
  proposals,
  placed,
}: {
  roundId: string;
  proposals: { id: string; title: string }[];
  placed: Record<string, Bid>;
}) {
  const { t } = useT('review');
  const [bids, setBids] = useState<Record<string, Bid | ''>>(placed);
  const [status, setStatus] = useState<string | null>(null);
  const place = async (applicationId: string, bid: Bid | '') => {
    setBids((b) => ({ ...b, [applicationId]: bid }));
    if (!bid) return;
    try {
      await reviewApi.bid(roundId, applicationId, bid);
      setStatus(t('bid.saved'));
    } catch (e) {
      setStatus(messageOf(e));
    }
  };
  return (
    <div data-testid="bids">
      <h4>{t('bid.heading')}</h4>
      <p className="muted">{t('bid.help')}</p>
      {proposals.map((p) => (
        <div className="field" key={p.id}>
          <label htmlFor={`bid-${roundId}-${p.id}`} className="field__label">
            {t('bid.for', { title: p.title })}
          </label>
          <select
            id={`bid-${roundId}-${p.id}`}
            className="input"
            value={bids[p.id] ?? ''}
            onChange={(e) => void place(p.id, e.target.value as Bid | '')}
            data-testid="bid-select"
          >
            <option value="">{t('bid.none')}</option>
            {BIDS.map((value) => (
              <option key={value} value={value}>
                {t(`bid.${value}`)}
              </option>
            ))}
          </select>
        </div>
      ))}
      <p role="status" data-testid="bid-status">
        {status}
      </p>
    </div>
  );
}
