import { useState } from 'react';
import { useSession } from '../../api.js';
import { type CallSummary, callsApi } from '../../calls-api.js';
import { formatInZone, syncClock } from '../../clock.js';
import { Chip } from '../../components/Chip.js';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { TableScroll } from '../../components/TableScroll.js';
import { label } from '../../format.js';
import { useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { useLoad } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { mayCreateCalls } from './staff-roles.js';

/** Selection starts once applications are closed, and its board shows the frozen decision after. */
const SELECTION_STATES = new Set(['closed', 'in_review', 'decided']);

const STATES = ['draft', 'published', 'closed', 'in_review', 'decided', 'cancelled'] as const;

/** The staff's home for calls: every call of their programs, in every state, with what they may do next. */
export function MyCallsPage() {
  const { t } = useT('calls');
  useTitle(t('mine.title'));
  return <RequireAccount>{() => <MyCalls />}</RequireAccount>;
}

function MyCalls() {
  const { t } = useT('calls');
  const { account } = useSession();
  const load = useLoad(async (signal) => {
    const list = await callsApi.list({ mine: 'true' }, signal);
    syncClock(list.serverNow);
    return list.items;
  }, 'my-calls');
  const [state, setState] = useState('');
  return (
    <section data-testid="my-calls">
      <div className="section-head">
        <h1>{t('mine.title')}</h1>
        {mayCreateCalls(account) ? (
          <Link to="/staff/calls/new" className="button" data-testid="new-call">
            {t('mine.new')}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t('mine.lead')}</p>
      <Loaded load={load} what={t('list.what')}>
        {(calls) => (
          <>
            <label className="filter">
              <span className="field__label">{t('mine.state')}</span>
              <select className="input" value={state} onChange={(e) => setState(e.target.value)} data-testid="my-calls-state">
                <option value="">{t('mine.any', { count: calls.length })}</option>
                {STATES.map((s) => (
                  <option key={s} value={s}>
                    {t('mine.stateOption', { state: label(s), count: calls.filter((c) => c.status === s).length })}
                  </option>
                ))}
              </select>
            </label>
            <CallsTable calls={calls.filter((c) => !state || c.status === state)} />
          </>
        )}
      </Loaded>
    </section>
  );
}

function CallsTable({ calls }: { calls: CallSummary[] }) {
  const { t } = useT('calls');
  if (calls.length === 0)
    return (
      <p className="muted" data-testid="no-my-calls">
        {t('mine.none')}
      </p>
    );
  return (
    <TableScroll label={t('mine.table')}>
      <table className="table table--cards" data-testid="my-calls-table">
        <thead>
          <tr>
            <th scope="col">{t('mine.call')}</th>
            <th scope="col">{t('mine.program')}</th>
            <th scope="col">{t('mine.state')}</th>
            <th scope="col">{t('mine.deadline')}</th>
            <th scope="col">{t('mine.next')}</th>
          </tr>
        </thead>
        <tbody>
          {calls.map((c) => (
            <tr key={c.id} data-testid="my-call" data-status={c.status}>
              <td>
                <Link to={`/calls/${c.slug}`}>{c.title}</Link>
                <p className="cell-note">{c.stages === 2 ? t('mine.twoStages') : t('mine.oneStage')}</p>
              </td>
              <td data-label={t('mine.program')}>{c.program.name}</td>
              <td data-label={t('mine.state')}>
                <Chip value={c.status} />
              </td>
              <td data-label={t('mine.deadlineShort')}>{formatInZone(c.closesAt, c.timeZone)}</td>
              <td data-label={t('mine.next')}>
                <span className="inline-actions">
                  {c.can.readApplications && c.status !== 'draft' ? (
                    <Link to={`/calls/${c.slug}/applications`} data-testid="my-call-applications">
                      {t('mine.applications')}
                    </Link>
                  ) : null}{' '}
                  {c.can.readApplications && SELECTION_STATES.has(c.status) ? (
                    <Link to={`/staff/calls/${c.id}/selection`} data-testid="my-call-selection">
                      {t('officer.selection')}
                    </Link>
                  ) : null}{' '}
                  {c.can.edit || c.can.publish || c.can.close || c.can.cancel ? (
                    <Link to={`/staff/calls/${c.id}/edit`} data-testid="my-call-manage">
                      {c.status === 'draft' ? t('mine.edit') : t('mine.manage')}
                    </Link>
                  ) : null}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
