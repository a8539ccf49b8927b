import { adminApi, type JobRun } from '../../api.js';
import { Chip } from '../../components/Chip.js';
import { Loaded } from '../../components/PageState.js';
import { formatDateTime } from '../../format.js';
import { useLoadedState } from '../../use-load.js';

const TONE: Record<JobRun['status'], string> = { done: 'open', running: 'running', queued: 'draft', failed: 'check-fail' };

function every(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? 'every hour' : `every ${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? 'every minute' : `every ${seconds / 60} minutes`;
  return `every ${seconds} s`;
}

function RunLine({ run }: { run: JobRun }) {
  return (
    <span className="row__meta">
      {run.key ? `period ${formatDateTime(run.key)} · ` : ''}
      {run.finishedAt ? `finished ${formatDateTime(run.finishedAt)}` : `due ${formatDateTime(run.runAt)}`}
      {run.lockedBy ? ` · on ${run.lockedBy}` : ''}
      {` · attempt ${run.attempts} of ${run.maxAttempts}`}
      {run.summary ? ` · ${run.summary}` : ''}
    </span>
  );
}

function Runs({ runs, testId, empty }: { runs: JobRun[]; testId: string; empty: string }) {
  if (runs.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="rows" data-testid={testId}>
      {runs.map((run) => (
        <li key={run.id} className="row" data-testid="job-run">
          <span className="message__subject">{run.kind}</span> <Chip value={run.status} tone={TONE[run.status]} />{' '}
          <RunLine run={run} />
          {run.lastError ? <p className="form-error">Last error: {run.lastError}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * The scheduled duties every server runs (each once per period, whichever server takes it), what is
 * waiting, the recent runs and the failures, read from the jobs table the servers share.
 */
export function JobsSection() {
  const { load, reload } = useLoadedState((signal) => adminApi.jobs(signal), 'jobs');
  return (
    <section aria-labelledby="jobs-heading">
      <div className="section-head">
        <h2 id="jobs-heading">Scheduled duties</h2>
        <button type="button" className="button button--quiet" onClick={reload} data-testid="jobs-refresh">
          Refresh
        </button>
      </div>
      <p className="muted">
        Duties run as jobs in the database: once per period across every server, retried with growing waits when they fail.
      </p>
      <Loaded load={load} what="list">
        {(overview) => (
          <>
            {overview.duties.length === 0 ? (
              <p className="muted" data-testid="duties-empty">
                No server has declared its duties yet.
              </p>
            ) : (
              <ul className="rows" data-testid="duties">
                {overview.duties.map((d) => (
                  <li key={d.kind} className="row" data-testid="duty">
                    <span className="message__subject">{d.kind}</span> <span className="muted">{every(d.everySeconds)}</span>
                    <span className="row__meta" data-testid="duty-next">
                      next run {formatDateTime(d.nextRunAt)}
                      {d.lastRun ? ` · last run: ${d.lastRun.status}` : ' · not run yet'}
                      {d.lastRun?.finishedAt ? ` ${formatDateTime(d.lastRun.finishedAt)}` : ''}
                      {d.lastRun?.lockedBy ? ` on ${d.lastRun.lockedBy}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <h3>Failures</h3>
            <Runs runs={overview.failures} testId="job-failures" empty="No failed runs." />
            <h3>Waiting and running</h3>
            <Runs runs={overview.pending} testId="jobs-pending" empty="Nothing is waiting." />
            <h3>Recent runs</h3>
            <Runs runs={overview.recent} testId="jobs-recent" empty="No run has finished yet." />
          </>
        )}
      </Loaded>
    </section>
  );
}
