import { type FormEvent, useState } from 'react';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { useLoadedState } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { type Agreement, agreementsApi } from './agreements-api.js';
import { formatTime } from './format.js';

/** The signatory reads the document, checks its SHA-256 and signs by confirming it. */
export function SignPage({ id }: { id: string }) {
  const { t } = useT('agreements');
  useTitle(t('sign.title'));
  const { load, reload } = useLoadedState((signal) => agreementsApi.get(id, signal), `sign-${id}`);
  return (
    <RequireAccount>
      {() => (
        <Loaded load={load} what={t('page.title')}>
          {(a) => <SignView agreement={a} reload={reload} />}
        </Loaded>
      )}
    </RequireAccount>
  );
}

function SignView({ agreement: a, reload }: { agreement: Agreement; reload: () => void }) {
  const { t } = useT('agreements');
  const [hash, setHash] = useState('');
  const [read, setRead] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = a.signatories.find((s) => s.isMe);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await agreementsApi.sign(a.id, hash);
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <article className="page" data-testid="sign-page">
      <p>
        <Link to="/agreements">{t('page.back')}</Link>
      </p>
      <h1>{t('sign.heading', { agreement: t('label.versioned', { reference: a.reference, version: a.version }) })}</h1>
      <p>{a.title}</p>
      <dl className="meta">
        <dt>{t('field.status')}</dt>
        <dd data-testid="sign-status">{t(`status.${a.status}`)}</dd>
        <dt>{t('field.deadline')}</dt>
        <dd>{formatTime(a.signatureDeadline)}</dd>
        <dt>{t('field.sha256')}</dt>
        <dd>
          <code data-testid="sign-sha256">{a.documentSha256}</code>
        </dd>
      </dl>
      <p>
        <a href={agreementsApi.documentUrl(a.id)} data-testid="sign-document">
          {t('sign.read')}
        </a>
      </p>
      {!mine ? <p>{t('sign.notSignatory')}</p> : null}
      {mine?.signature ? <p data-testid="sign-done">{t('sign.done', { at: formatTime(mine.signature.signedAt) })}</p> : null}
      {mine && !mine.signature && a.status === 'awaiting_signatures' ? (
        <form onSubmit={(e) => void submit(e)} data-testid="sign-form">
          <p>{t('sign.explain')}</p>
          <label>
            {t('sign.hash')}{' '}
            <input
              value={hash}
              onChange={(e) => setHash(e.target.value)}
              required
              size={70}
              spellCheck={false}
              data-testid="sign-hash"
            />
          </label>
          <label>
            <input type="checkbox" checked={read} onChange={(e) => setRead(e.target.checked)} required data-testid="sign-read" />{' '}
            {t('sign.confirmRead', { party: mine.partyName })}
          </label>
          {error ? <p role="alert">{error}</p> : null}
          <button type="submit" data-testid="sign-submit">
            {t('sign.submit')}
          </button>
        </form>
      ) : null}
    </article>
  );
}
