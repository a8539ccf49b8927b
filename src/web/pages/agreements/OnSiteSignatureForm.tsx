import { type FormEvent, useState } from 'react';
import { useT } from '../../i18n/index.js';
import { type Agreement, agreementsApi } from './agreements-api.js';

/** Staff record a signature given on site: who, where, when, and the scanned signed copy (PDF). */
export function OnSiteSignatureForm({ agreement, onDone }: { agreement: Agreement; onDone: () => void }) {
  const { t } = useT('agreements');
  const unsigned = agreement.signatories.filter((s) => !s.signature);
  const [signatoryId, setSignatoryId] = useState(unsigned[0]?.id ?? '');
  const [signerName, setSignerName] = useState(unsigned[0]?.signerName ?? '');
  const [place, setPlace] = useState('');
  const [signedAt, setSignedAt] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!unsigned.length) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setError(t('onSite.needScan'));
    try {
      await agreementsApi.recordOnSite(
        agreement.id,
        { signatoryId, signerName, place, signedAt: new Date(signedAt).toISOString(), filename: file.name },
        file,
      );
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="on-site-heading" data-testid="on-site-form">
      <h2 id="on-site-heading">{t('onSite.title')}</h2>
      <label>
        {t('onSite.signatory')}{' '}
        <select
          value={signatoryId}
          onChange={(e) => {
            setSignatoryId(e.target.value);
            setSignerName(unsigned.find((s) => s.id === e.target.value)?.signerName ?? '');
          }}
          data-testid="on-site-signatory"
        >
          {unsigned.map((s) => (
            <option key={s.id} value={s.id}>
              {s.partyName} — {s.signerName}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('onSite.signer')}{' '}
        <input value={signerName} onChange={(e) => setSignerName(e.target.value)} required data-testid="on-site-signer" />
      </label>
      <label>
        {t('onSite.place')}{' '}
        <input value={place} onChange={(e) => setPlace(e.target.value)} required data-testid="on-site-place" />
      </label>
      <label>
        {t('onSite.time')}{' '}
        <input
          type="datetime-local"
          value={signedAt}
          onChange={(e) => setSignedAt(e.target.value)}
          required
          data-testid="on-site-time"
        />
      </label>
      <label>
        {t('onSite.scan')}{' '}
        <input
          type="file"
          accept="application/pdf"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          required
          data-testid="on-site-scan"
        />
      </label>
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit" data-testid="on-site-submit">
        {t('onSite.submit')}
      </button>
    </form>
  );
}
