import { useState } from 'react';
import { formatInZone } from '../../clock.js';
import { Countdown } from '../../components/Deadline.js';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { label } from '../../format.js';
import { useT } from '../../i18n/index.js';
import { type Bid, reviewApi, type WorkspacePool, type WorkspaceRound } from '../../review-api.js';
import { Link } from '../../router.js';
import { useLoadedState } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { messageOf } from './common.js';
import { DeclareConflictForm } from './DeclareConflictForm.js';

// The expert's workspace: invitations to answer, then per call its rounds with deadlines, progress,
// conflicts to declare, bids and the assigned proposals.

export function WorkspacePage() {
  useTitle('Review workspace');
  return <RequireAccount>{() => <Workspace />}</RequireAccount>;
}

function Workspace() {
  const { load, update } = useLoadedState((signal) => reviewApi.workspace(signal), 'workspace');
  // Swapped in place after a change, so the forms keep their messages.
  const reload = () => void reviewApi.workspace().then((fresh) => update(() => fresh));
  return (
    <Loaded load={load} what="workspace">
      {({ pools }) => (
        <article data-testid="review-workspace">
          <h1>Review workspace</h1>
          {pools.length === 0 ? <p className="muted">You have no invitation to review.</p> : null}
          {pools.map((pool) => (
            <PoolSection key={pool.expert.id} pool={pool} onChanged={reload} />
          ))}
        </article>
      )}
    </Loaded>
  );
}

function PoolSection({ pool, onChanged }: { pool: WorkspacePool; onChanged: () => void }) {
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
      <h2 id={headingId}>{call?.title ?? 'A call'}</h2>
      <p>
        Invitation: <strong data-testid="invitation-status">{label(expert.status)}</strong> ·{' '}
        <Link to={`/review/experts/${expert.id}`} data-testid="profile-link">
          Your expert profile
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
            Accept
          </button>{' '}
          <button type="button" className="button button--quiet" onClick={() => void answer('declined')}>
            Decline
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
  const timeZone = pool.call?.timeZone ?? 'UTC';
  const submitted = assignments.filter((a) => a.review?.status === 'submitted').length;
  const headingId = `round-${round.id}`;
  const declared = new Set(pool.conflicts.map((c) => c.applicationId));
  return (
    <section aria-labelledby={headingId} className="review-round" data-testid="workspace-round">
      <h3 id={headingId}>
        {round.title} <span className="muted">({label(round.stage)})</span>
      </h3>
      <p data-testid="round-deadline">
        Reviews due {formatInZone(round.deadlineAt, timeZone)} · <Countdown at={round.deadlineAt} />
      </p>
      <p data-testid="round-progress">
        {submitted} of {assignments.length} submitted
      </p>
      <h4>Assigned proposals</h4>
      {assignments.length === 0 ? (
        <p className="muted">No proposal assigned to you yet.</p>
      ) : (
        <ul data-testid="assigned-list">
          {assignments.map((a) => (
            <li key={a.id}>
              <Link to={`/review/assignments/${a.id}`} data-testid="assignment-link">
                {a.title}
              </Link>{' '}
              <span className="muted">— {label(a.review?.status ?? 'not_started')}</span>
            </li>
          ))}
        </ul>
      )}
      <h4>Conflicts of interest</h4>
      {pool.conflicts.length > 0 ? (
        <ul data-testid="my-conflicts">
          {pool.conflicts.map((c) => (
            <li key={c.id}>
              {proposals.find((p) => p.id === c.applicationId)?.title ?? 'A proposal'} — {label(c.source)}
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
