import { adminApi, type JobRun } from '../../api.js';
import { Chip } from '../../components/Chip.js';
import { Loaded } from '../../components/PageState.js';
import { formatDateTime } from '../../format.js';
import { i18n, useT } from '../../i18n/index.js';
import { useLoadedState } from '../../use-load.js';

const TONE: Record<JobRun['status'], string> = { done: 'open', running: 'running', queued: 'draft', failed: 'check-fail' };

function every(seconds: number): string {
  const t = (key: string, n?: number) => i18n.t(key, { ns: 'admin', n });
  if (seconds % 3600 === 0) return seconds === 3600 ? t('jobs.everyHour') : t('jobs.everyHours', seconds / 3600);
  if (seconds % 60 === 0) return seconds === 60 ? t('jobs.everyMinute') : t('jobs.everyMinutes', seconds / 60);
  return t('jobs.everySeconds', seconds);
}

function RunLine({ run }: { run: JobRun }) {
  const { t } = useT('admin');
  return (
    <span className="row__meta">
      {run.key ? `${t('jobs.period', { at: formatDateTime(run.key) })} · ` : ''}
      {run.finishedAt
        ? t('jobs.finished', { at: formatDateTime(run.finishedAt) })
        : t('jobs.due', { at: formatDateTime(run.runAt) })}
      {run.lockedBy ? ` · ${t('jobs.on', { server: run.lockedBy })}` : ''}
      {` · ${t('jobs.attempt', { attempt: run.attempts, max: run.maxAttempts })}`}
      {run.summary ? ` · ${run.summary}` : ''}
    </span>
  );
}

function Runs({ runs, testId, empty }: { runs: JobRun[]; testId: string; empty: string }) {
  const { t } = useT('admin');
  if (runs.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="rows" data-testid={testId}>
      {runs.map((run) => (
        <li key={run.id} className="row" data-testid="job-run">
          <span className="message__subject">{run.kind}</span> <Chip value={run.status} tone={TONE[run.status]} />{' '}
          <RunLine run={run} />
          {run.lastError ? <p className="form-error">{t('lastError', { error: run.lastError })}</p> : null}
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
  const { t } = useT('admin');
  const { load, reload } = useLoadedState((signal) => adminApi.jobs(signal), 'jobs');
  return (
    <section aria-labelledby="jobs-heading">
      <div className="section-head">
        <h2 id="jobs-heading">{t('jobs.heading')}</h2>
        <button type="button" className="button button--quiet" onClick={reload} data-testid="jobs-refresh">
          {t('refresh')}
        </button>
      </div>
      <p className="muted">{t('jobs.lead')}</p>
      <Loaded load={load} what={t('what')}>
        {(overview) => (
          <>
            {overview.duties.length === 0 ? (
              <p className="muted" data-testid="duties-empty">
                {t('jobs.noDuties')}
              </p>
            ) : (
              <ul className="rows" data-testid="duties">
                {overview.duties.map((d) => (
                  <li key={d.kind} className="row" data-testid="duty">
                    <span className="message__subject">{d.kind}</span> <span className="muted">{every(d.everySeconds)}</span>
                    <span className="row__meta" data-testid="duty-next">
                      {t('jobs.nextRun', { at: formatDateTime(d.nextRunAt) })}
                      {d.lastRun
                        ? ` · ${t('jobs.lastRun', { status: t(`jobs.status.${d.lastRun.status}`) })}`
                        : ` · ${t('jobs.notRunYet')}`}
                      {d.lastRun?.finishedAt ? ` ${formatDateTime(d.lastRun.finishedAt)}` : ''}
                      {d.lastRun?.lockedBy ? ` ${t('jobs.on', { server: d.lastRun.lockedBy })}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <h3>{t('jobs.failures')}</h3>
            <Runs runs={overview.failures} testId="job-failures" empty={t('jobs.noFailures')} />
            <h3>{t('jobs.pending')}</h3>
            <Runs runs={overview.pending} testId="jobs-pending" empty={t('jobs.noPending')} />
            <h3>{t('jobs.recent')}</h3>
            <Runs runs={overview.recent} testId="jobs-recent" empty={t('jobs.noRecent')} />
          </>
        )}
      </Loaded>
    </section>
  );
}
