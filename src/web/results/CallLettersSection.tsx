import { useState } from 'react';
import { ApiError } from '../api.js';
import { TableScroll } from '../components/TableScroll.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { useLoadedState } from '../use-load.js';
import { resultsApi } from './results-api.js';

/** On the call's staff page: every decision with its letters; the official generates and sends them. */
export function CallLettersSection({ callId }: { callId: string }) {
  const { t } = useT('results');
  const { load, reload } = useLoadedState((signal) => resultsApi.callLetters(callId, signal), `call-letters-${callId}`);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (load.state !== 'ready') return null;
  const { decisions, status } = load.data;
  const missing = decisions.some((d) => d.letters.length === 0);
  const send = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await resultsApi.sendLetters(callId);
      setMessage(t('letters.sent', { generated: r.generated, emailed: r.emailed, notEmailed: r.notEmailed }));
      reload();
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="call-letters-heading" data-testid="call-letters">
      <h2 id="call-letters-heading">{t('letters.staffHeading')}</h2>
      <p>{t('letters.staffIntro')}</p>
      {decisions.length === 0 ? (
        <p className="muted">{t('letters.none')}</p>
      ) : (
        <>
          {status === 'decided' && missing ? (
            <p>
              <button type="button" className="button" onClick={send} disabled={busy} data-testid="send-letters">
                {busy ? t('letters.sending') : t('letters.send')}
              </button>
            </p>
          ) : null}
          {message ? (
            <p role="status" data-testid="send-letters-result">
              {message}
            </p>
          ) : null}
          <TableScroll label={t('letters.staffHeading')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('letters.columns.application')}</th>
                  <th scope="col">{t('letters.columns.outcome')}</th>
                  <th scope="col">{t('letters.columns.letters')}</th>
                </tr>
              </thead>
              <tbody>
                {decisions.map((d) => (
                  <tr key={d.applicationId}>
                    <td>
                      <Link to={`/staff/applications/${d.applicationId}`}>{d.title}</Link>
                    </td>
                    <td>{t(`outcome.${d.outcome}`)}</td>
                    <td>
                      {d.letters.length === 0
                        ? t('letters.notYet')
                        : d.letters.map((l, i) => (
                            <span key={l.locale}>
                              {i > 0 ? ' · ' : ''}
                              <a href={resultsApi.letterUrl(d.applicationId, l.locale)} download={l.filename}>
                                {l.locale === 'zh' ? t('letters.chinese') : t('letters.english')}
                              </a>
                            </span>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
