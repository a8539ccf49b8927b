import { type FormEvent, useState } from 'react';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { useLoadedState } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { type Agreement, agreementsApi } from './agreements-api.js';
import { formatDay, formatNumber, formatTime } from './format.js';
import { OnSiteSignatureForm } from './OnSiteSignatureForm.js';

/** One agreement: its terms, hash, deadline and signatures; officers send, record and amend here. */
export function AgreementPage({ id }: { id: string }) {
  const { t } = useT('agreements');
  useTitle(t('page.title'));
  return <RequireAccount>{() => <AgreementView id={id} />}</RequireAccount>;
}

function AgreementView({ id }: { id: string }) {
  const { t } = useT('agreements');
  const { load, reload } = useLoadedState((signal) => agreementsApi.get(id, signal), `agreement-${id}`);
  return (
    <Loaded load={load} what={t('page.title')}>
      {(a) => <Details agreement={a} reload={reload} />}
    </Loaded>
  );
}

function Details({ agreement: a, reload }: { agreement: Agreement; reload: () => void }) {
  const { t } = useT('agreements');
  const [error, setError] = useState<string | null>(null);
  const act = async (run: () => Promise<unknown>) => {
    setError(null);
    try {
      await run();
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const me = a.signatories.find((s) => s.isMe && !s.signature);
  return (
    <article className="page" data-testid="agreement-page">
      <p>
        <Link to="/agreements">{t('page.back')}</Link>
      </p>
      <h1>{t('label.titled', { reference: a.reference, version: a.version, title: a.title })}</h1>
      <dl className="meta">
        <dt>{t('field.kind')}</dt>
        <dd>{t(`kind.${a.kind}`)}</dd>
        <dt>{t('field.status')}</dt>
        <dd data-testid="agreement-status">{t(`status.${a.status}`)}</dd>
        <dt>{t('field.sha256')}</dt>
        <dd>
          <code data-testid="agreement-sha256">{a.documentSha256 ?? t('page.notSent')}</code>
        </dd>
        <dt>{t('field.deadline')}</dt>
        <dd data-testid="agreement-deadline">{formatTime(a.signatureDeadline)}</dd>
        <dt>{t('field.period')}</dt>
        <dd>
          {formatDay(a.startsOn)} – {formatDay(a.endsOn)}
          {a.durationMonths ? ` (${t('page.months', { count: a.durationMonths })})` : ''}
        </dd>
      </dl>
      {a.terms.samples.length ? (
        <section aria-labelledby="samples">
          <h2 id="samples">{t('page.samples')}</h2>
          <ul>
            {a.terms.samples.map((s) => (
              <li key={`${s.sampleType}-${s.allocationId ?? ''}`}>
                {t('label.sampleMass', { type: s.sampleType, mass: formatNumber(s.massMg) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {a.terms.payloads.length ? (
        <section aria-labelledby="payloads">
          <h2 id="payloads">{t('page.payloads')}</h2>
          <ul>
            {a.terms.payloads.map((p) => (
              <li key={p.name}>
                {p.massG !== null
                  ? t('label.payloadMass', { name: p.name, module: p.hostModule, mass: formatNumber(p.massG) })
                  : t('label.payload', { name: p.name, module: p.hostModule })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="signatures">
        <h2 id="signatures">{t('page.signatures')}</h2>
        <table data-testid="signatories">
          <thead>
            <tr>
              <th scope="col">{t('field.party')}</th>
              <th scope="col">{t('field.signer')}</th>
              <th scope="col">{t('field.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {a.signatories.map((s) => (
              <tr key={s.id}>
                <td>{s.partyName}</td>
                <td>{s.signerName}</td>
                <td>
                  {s.signature ? (
                    <>
                      {s.signature.method === 'on_site'
                        ? t('page.signedOnSite', { place: s.signature.place, at: formatTime(s.signature.signedAt) })
                        : t('page.signedRemotely', { at: formatTime(s.signature.signedAt) })}
                      {s.signature.method === 'on_site' && a.canManage ? (
                        <>
                          {' '}
                          <a href={agreementsApi.scanUrl(a.id, s.id)}>{t('page.scan')}</a>
                        </>
                      ) : null}
                    </>
                  ) : (
                    t('page.unsigned')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {me && a.status === 'awaiting_signatures' ? (
          <p>
            <Link to={`/agreements/${a.id}/sign`} data-testid="go-sign">
              {t('page.goSign')}
            </Link>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="documents">
        <h2 id="documents">{t('page.documents')}</h2>
        <ul>
          {a.documentSha256 ? (
            <li>
              <a href={agreementsApi.documentUrl(a.id)} data-testid="download-document">
                {t('page.document')}
              </a>
            </li>
          ) : null}
          {a.status === 'in_force' && a.kind === 'sample_loan' ? (
            <li>
              <a href={agreementsApi.certificateUrl(a.id)} data-testid="download-certificate">
                {t('page.certificate')}
              </a>
            </li>
          ) : null}
          {a.kind === 'payload_cooperation' ? (
            <li>
              <Link to={`/agreements/${a.id}/milestones`}>{t('page.milestones')}</Link>
            </li>
          ) : null}
          {a.kind === 'sample_loan' && a.status === 'in_force' ? (
            <li>
              <Link to={`/agreements/${a.id}/loan`} data-testid="go-loan">
                {t('page.openLoan')}
              </Link>
            </li>
          ) : null}
        </ul>
        {a.versions.length > 1 ? (
          <p>
            {t('page.versions')}{' '}
            {a.versions.map((v) => (
              <span key={v.id}>
                <Link to={`/agreements/${v.id}`}>{t('label.version', { version: v.version })}</Link> ({t(`status.${v.status}`)}){' '}
              </span>
            ))}
          </p>
        ) : null}
      </section>
      {error ? <p role="alert">{error}</p> : null}
      {a.canManage && a.status === 'draft' ? (
        <button type="button" onClick={() => void act(() => agreementsApi.send(a.id))} data-testid="send-for-signature">
          {t('page.send')}
        </button>
      ) : null}
      {a.canManage && a.status === 'awaiting_signatures' ? <OnSiteSignatureForm agreement={a} onDone={reload} /> : null}
      {a.canManage && a.status === 'in_force' ? <AmendForm agreement={a} onError={setError} /> : null}
    </article>
  );
}

function AmendForm({ agreement, onError }: { agreement: Agreement; onError: (m: string) => void }) {
  const { t } = useT('agreements');
  const [note, setNote] = useState('');
  const [months, setMonths] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const next = await agreementsApi.amend(agreement.id, note, months ? Number(months) : undefined);
      window.location.assign(`/agreements/${next.id}`);
    } catch (e) {
      onError((e as Error).message);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="amend-heading">
      <h2 id="amend-heading">{t('amend.title')}</h2>
      <label>
        {t('amend.note')} <textarea value={note} onChange={(e) => setNote(e.target.value)} required />
      </label>
      <label>
        {t('amend.months')} <input type="number" min={1} max={600} value={months} onChange={(e) => setMonths(e.target.value)} />
      </label>
      <button type="submit">{t('amend.submit')}</button>
    </form>
  );
}
