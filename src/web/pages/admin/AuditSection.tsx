import { useEffect, useState } from 'react';
import { type AuditRow, adminApi } from '../../api.js';
import { ErrorPanel, Loading } from '../../components/PageState.js';
import { TableScroll } from '../../components/TableScroll.js';
import { formatDateTime } from '../../format.js';
import { useT } from '../../i18n/index.js';

const PAGE = 50;

/** The audit log, newest first; older rows load on demand (?beforeId=). */
export function AuditSection() {
  const { t } = useT('admin');
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [more, setMore] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const fetchPage = async (beforeId: number | null, signal?: AbortSignal) => {
    setBusy(true);
    try {
      const page = await adminApi.audit(beforeId, PAGE, signal);
      setRows((old) => [...(beforeId ? (old ?? []) : []), ...page]);
      setMore(page.length === PAGE);
      setError(null);
    } catch (e) {
      if (!signal?.aborted) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page, once
  useEffect(() => {
    const controller = new AbortController();
    void fetchPage(null, controller.signal);
    return () => controller.abort();
  }, []);

  if (error && !rows) return <ErrorPanel message={error} />;
  if (!rows) return <Loading />;
  const last = rows.at(-1);
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.heading')}</h2>
      <p className="muted">{t('audit.lead')}</p>
      <TableScroll label={t('audit.table')}>
        <table className="table table--cards" data-testid="audit">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.whatCol')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="audit-row">
                <td>
                  <span className="nowrap">{formatDateTime(r.at)}</span>
                  <p className="cell-note">#{r.id}</p>
                </td>
                <td data-label={t('audit.who')}>
                  <span className="break">{r.actor}</span>
                  {r.address ? <p className="cell-note">{r.address}</p> : null}
                </td>
                <td data-label={t('audit.whatCol')}>
                  <code className="code code--plain">{r.action}</code>
                  <p className="cell-note break">
                    {r.subjectType} {r.subjectId}
                  </p>
                </td>
                <td data-label={t('audit.details')}>
                  <Details details={r.details} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {more && last ? (
        <p>
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => void fetchPage(last.id)}
            data-testid="audit-more"
          >
            {busy ? t('state.loading', { ns: 'common' }) : t('audit.more')}
          </button>
        </p>
      ) : (
        <p className="muted">{t('audit.beginning')}</p>
      )}
    </section>
  );
}

/** A one-line preview of the details; the whole record opens on demand. */
function Details({ details }: { details: Record<string, unknown> }) {
  const keys = Object.keys(details);
  if (keys.length === 0) return <span className="muted">—</span>;
  const preview = keys
    .slice(0, 3)
    .map((k) => {
      const v = details[k];
      const text = typeof v === 'object' && v !== null ? '…' : String(v);
      return `${k}: ${text.length > 24 ? `${text.slice(0, 24)}…` : text}`;
    })
    .join(', ');
  return (
    <details className="audit__more">
      <summary>
        <span className="break">{preview}</span>
        {keys.length > 3 ? <span className="muted"> +{keys.length - 3}</span> : null}
      </summary>
      <pre className="audit__details">{JSON.stringify(details, null, 2)}</pre>
    </details>
  );
}
