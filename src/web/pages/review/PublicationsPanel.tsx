import { useEffect, useId, useState } from 'react';
import { useT } from '../../i18n/index.js';
import { type ImportIssue, type Publication, reviewApi } from '../../review-api.js';
import { messageOf, NotYet, type Remote, remoteFailure, ScrollTable } from './common.js';

// The expert's publications (the co-authors feed the conflict detection) and the import of a CSV
// (title,year,doi,coauthors) or BibTeX file, which replaces the list; issues are listed by line.

export function PublicationsPanel({ expertId }: { expertId: string }) {
  const { t } = useT('review');
  const id = useId();
  const [state, setState] = useState<Remote<Publication[]>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const [issues, setIssues] = useState<ImportIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` asks for a reload
  useEffect(() => {
    const controller = new AbortController();
    reviewApi.publications(expertId, controller.signal).then(
      (data) => setState({ state: 'ready', data }),
      (e) => !controller.signal.aborted && setState(remoteFailure(e)),
    );
    return () => controller.abort();
  }, [expertId, round]);
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    try {
      const result = await reviewApi.importPublications(expertId, await file.text());
      setIssues(result.issues);
      setMessage(
        result.issues.length
          ? t('publications.importedWithIssues', { imported: result.imported, issues: result.issues.length })
          : t('publications.imported', { imported: result.imported }),
      );
      setRound((r) => r + 1);
    } catch (e) {
      setMessage(messageOf(e));
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="publications-panel">
      <h2 id={`${id}-heading`}>{t('publications.heading')}</h2>
      {state.state === 'missing' ? <NotYet what={t('publications.what')} /> : null}
      {state.state === 'error' ? <p role="alert">{state.message}</p> : null}
      {state.state === 'ready' ? (
        <>
          {state.data.length === 0 ? (
            <p className="muted">{t('publications.none')}</p>
          ) : (
            <ScrollTable label={t('publications.heading')}>
              <table className="table" data-testid="publications-table">
                <thead>
                  <tr>
                    <th scope="col">{t('publications.title')}</th>
                    <th scope="col">{t('publications.year')}</th>
                    <th scope="col">DOI</th>
                    <th scope="col">{t('publications.coauthors')}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.data.map((p) => (
                    <tr key={p.id}>
                      <td>{p.title}</td>
                      <td className="num">{p.year ?? '—'}</td>
                      <td>{p.doi ?? '—'}</td>
                      <td>{p.coauthors.join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
          <div className="field">
            <label htmlFor={`${id}-file`} className="field__label">
              {t('publications.import')}
            </label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".csv,.bib,text/csv,text/plain"
              onChange={(e) => void importFile(e.target.files?.[0])}
              data-testid="publications-file"
            />
          </div>
        </>
      ) : null}
      <p role="status" data-testid="import-status">
        {message}
      </p>
      {issues.length > 0 ? (
        <ul className="import-issues" data-testid="import-issues">
          {issues.map((i) => (
            <li key={`${i.field}:${i.code}:${i.message}`}>
              {i.field}: {i.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
