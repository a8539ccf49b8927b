import { useId, useState } from 'react';
import { callsApi } from '../../calls-api.js';
import { formatInZone } from '../../clock.js';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { label } from '../../format.js';
import { useT } from '../../i18n/index.js';
import { type RoundInput, reviewApi } from '../../review-api.js';
import { Link } from '../../router.js';
import { useLoadedState } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { issuesByField, messageOf, ScrollTable } from './common.js';

// The officer's review of one call: its rounds (letters of intent, full proposals) and the form that
// opens a round with its deadline, reviews per proposal and conflict rules.

export function CallReviewPage({ callId }: { callId: string }) {
  const { t } = useT('review');
  useTitle(t('callReview.title'));
  return <RequireAccount>{() => <CallReview callId={callId} />}</RequireAccount>;
}

function CallReview({ callId }: { callId: string }) {
  const { t } = useT('review');
  const { load, reload } = useLoadedState(async (signal) => {
    const [call, rounds] = await Promise.all([callsApi.one(callId, signal), reviewApi.rounds(callId, signal)]);
    return { call, rounds };
  }, callId);
  return (
    <Loaded load={load} what={t('callReview.what')}>
      {({ call, rounds }) => (
        <article data-testid="call-review-page">
          <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
            <Link to={`/calls/${call.slug}/applications`}>{call.title}</Link> /
          </nav>
          <h1>{t('callReview.heading', { title: call.title })}</h1>
          <section className="panel" aria-labelledby="rounds-heading">
            <h2 id="rounds-heading">{t('callReview.rounds')}</h2>
            {rounds.length === 0 ? (
              <p className="muted">{t('callReview.noRounds')}</p>
            ) : (
              <ScrollTable label={t('callReview.roundsTable')}>
                <table className="table" data-testid="rounds-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('callReview.round')}</th>
                      <th scope="col">{t('callReview.stage')}</th>
                      <th scope="col">{t('callReview.deadline')}</th>
                      <th scope="col">{t('callReview.reviewsPerProposal')}</th>
                      <th scope="col">{t('callReview.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rounds.map((r) => (
                      <tr key={r.id}>
                        <td>
                          <Link to={`/staff/review-rounds/${r.id}`} data-testid="round-link">
                            {r.title}
                          </Link>
                        </td>
                        <td>{label(r.stage)}</td>
                        <td>{formatInZone(r.deadlineAt, call.timeZone)}</td>
                        <td className="num">{r.reviewsPerProposal}</td>
                        <td>{label(r.status)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
            )}
          </section>
          <OpenRoundForm callId={call.id} stages={call.stages} onOpened={reload} />
        </article>
      )}
    </Loaded>
  );
}

function OpenRoundForm({ callId, stages, onOpened }: { callId: string; stages: number; onOpened: () => void }) {
  const { t } = useT('review');
  const id = useId();
  const [form, setForm] = useState({
    stage: stages === 2 ? 'letter_of_intent' : 'full_proposal',
    title: '',
    deadline: '',
    reviewsPerProposal: 3,
    collectsBids: false,
    dualAnonymous: false,
    sameCountryRule: 'off',
    coauthorWindowYears: 3,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [detail, setDetail] = useState<string | null>(null);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const open = async (event: React.FormEvent) => {
    event.preventDefault();
    setDetail(null);
    if (!form.deadline) return setErrors({ deadlineAt: t('callReview.giveDeadline') });
    try {
      await reviewApi.openRound(callId, {
        ...form,
        stage: form.stage as RoundInput['stage'],
        sameCountryRule: form.sameCountryRule as RoundInput['sameCountryRule'],
        deadlineAt: new Date(form.deadline).toISOString(),
      });
      setErrors({});
      onOpened();
    } catch (e) {
      setErrors(issuesByField(e));
      setDetail(messageOf(e));
    }
  };
  const err = (field: string) =>
    errors[field] ? (
      <p className="field__error" id={`${id}-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;
  const described = (field: string) => (errors[field] ? `${id}-${field}-error` : undefined);
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('callReview.open')}</h2>
      <form onSubmit={open} data-testid="open-round-form" aria-labelledby={`${id}-heading`}>
        <div className="field">
          <label htmlFor={`${id}-stage`} className="field__label">
            {t('callReview.stage')}
          </label>
          <select id={`${id}-stage`} className="input" value={form.stage} onChange={(e) => set({ stage: e.target.value })}>
            <option value="letter_of_intent">{t('stage.letter_of_intent')}</option>
            <option value="full_proposal">{t('stage.full_proposal')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-title`} className="field__label">
            {t('callReview.title_')}
          </label>
          <input
            id={`${id}-title`}
            className="input"
            value={form.title}
            aria-describedby={described('title')}
            onChange={(e) => set({ title: e.target.value })}
            data-testid="round-title"
          />
          {err('title')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-deadline`} className="field__label">
            {t('callReview.deadlineLocal')}
          </label>
          <input
            id={`${id}-deadline`}
            type="datetime-local"
            className="input"
            value={form.deadline}
            aria-describedby={described('deadlineAt')}
            onChange={(e) => set({ deadline: e.target.value })}
            data-testid="round-deadline-input"
          />
          {err('deadlineAt')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-rpp`} className="field__label">
            {t('callReview.reviewsPerProposal')}
          </label>
          <input
            id={`${id}-rpp`}
            type="number"
            min={1}
            max={20}
            className="input"
            value={form.reviewsPerProposal}
            onChange={(e) => set({ reviewsPerProposal: Number(e.target.value) })}
            data-testid="round-rpp"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-country`} className="field__label">
            {t('callReview.sameCountry')}
          </label>
          <select
            id={`${id}-country`}
            className="input"
            value={form.sameCountryRule}
            onChange={(e) => set({ sameCountryRule: e.target.value })}
          >
            <option value="off">{t('callReview.sameCountryOff')}</option>
            <option value="lead">{t('callReview.sameCountryLead')}</option>
            <option value="any_member">{t('callReview.sameCountryAny')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-window`} className="field__label">
            {t('callReview.coauthorWindow')}
          </label>
          <input
            id={`${id}-window`}
            type="number"
            min={0}
            max={50}
            className="input"
            value={form.coauthorWindowYears}
            onChange={(e) => set({ coauthorWindowYears: Number(e.target.value) })}
          />
        </div>
        <div className="field">
          <label>
            <input type="checkbox" checked={form.collectsBids} onChange={(e) => set({ collectsBids: e.target.checked })} />{' '}
            {t('callReview.collectsBids')}
          </label>
        </div>
        <div className="field">
          <label>
            <input
              type="checkbox"
              checked={form.dualAnonymous}
              onChange={(e) => set({ dualAnonymous: e.target.checked })}
              data-testid="round-dual-anonymous"
            />{' '}
            {t('callReview.dualAnonymous')}
          </label>
        </div>
        {detail ? (
          <div className="form-error" role="alert" data-testid="form-error">
            {detail}
          </div>
        ) : null}
        <button type="submit" className="button" data-testid="open-round">
          {t('callReview.submit')}
        </button>
      </form>
    </section>
  );
}
