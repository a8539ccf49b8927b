import { type FormEvent, useState } from 'react';
import { useSession } from '../../api.js';
import { callsApi } from '../../calls-api.js';
import { Loaded } from '../../components/PageState.js';
import { useT } from '../../i18n/index.js';
import { navigate } from '../../router.js';
import { useLoad } from '../../use-load.js';
import { agreementsApi, type PendingDecision } from './agreements-api.js';

/** The officer picks a decided call, then a selected proposal, names the signatories, and drafts. */
export function DraftFromDecision() {
  const { t } = useT('agreements');
  const [callId, setCallId] = useState('');
  const calls = useLoad((signal) => callsApi.list({ status: 'decided', mine: 'true' }, signal), 'decided-calls');
  return (
    <section aria-labelledby="draft-heading">
      <h2 id="draft-heading">{t('draft.title')}</h2>
      <Loaded load={calls} what={t('draft.title')}>
        {(list) => (
          <label>
            {t('draft.call')}{' '}
            <select value={callId} onChange={(e) => setCallId(e.target.value)} data-testid="draft-call">
              <option value="">{t('draft.pickCall')}</option>
              {list.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </label>
        )}
      </Loaded>
      {callId ? <Candidates callId={callId} /> : null}
    </section>
  );
}

function Candidates({ callId }: { callId: string }) {
  const { t } = useT('agreements');
  const load = useLoad((signal) => agreementsApi.candidates(callId, signal), `candidates-${callId}`);
  return (
    <Loaded load={load} what={t('draft.title')}>
      {(rows) => (rows.length === 0 ? <p>{t('draft.none')}</p> : rows.map((r) => <DraftForm key={r.decisionId} decision={r} />))}
    </Loaded>
  );
}

function DraftForm({ decision }: { decision: PendingDecision }) {
  const { t } = useT('agreements');
  const { account } = useSession();
  const [agency, setAgency] = useState({
    partyName: 'China National Space Administration',
    signerName: account?.displayName ?? '',
    email: account?.email ?? '',
  });
  const [partner, setPartner] = useState({
    partyName: decision.institution ?? '',
    signerName: decision.ownerName,
    email: decision.ownerEmail,
  });
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const made = await agreementsApi.create(decision.decisionId, [
        { partyRole: 'agency', ...agency },
        { partyRole: 'partner', ...partner },
      ]);
      navigate(`/agreements/${made.id}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const field = (who: 'agency' | 'partner', key: 'partyName' | 'signerName' | 'email') => {
    const value = who === 'agency' ? agency : partner;
    const set = who === 'agency' ? setAgency : setPartner;
    return (
      <label>
        {t(`draft.${who}.${key}`)}{' '}
        <input
          value={value[key]}
          onChange={(e) => set({ ...value, [key]: e.target.value })}
          required
          type={key === 'email' ? 'email' : 'text'}
        />
      </label>
    );
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="card" data-testid={`draft-${decision.decisionId}`}>
      <h3>
        {decision.institution} — {decision.title}
      </h3>
      <fieldset>
        <legend>{t('draft.agencyLegend')}</legend>
        {field('agency', 'partyName')}
        {field('agency', 'signerName')}
        {field('agency', 'email')}
      </fieldset>
      <fieldset>
        <legend>{t('draft.partnerLegend')}</legend>
        {field('partner', 'partyName')}
        {field('partner', 'signerName')}
        {field('partner', 'email')}
      </fieldset>
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit">{t('draft.submit')}</button>
    </form>
  );
}
