import { adminApi } from '../../api.js';
import { Chip } from '../../components/Chip.js';
import { Loaded } from '../../components/PageState.js';
import { formatDateTime } from '../../format.js';
import { useT } from '../../i18n/index.js';
import { useLoadedState } from '../../use-load.js';

/** E-mails sent and waiting; without SMTP, administrators read invitations and links here. */
export function OutboxSection() {
  const { t } = useT('admin');
  const { load, reload } = useLoadedState((signal) => adminApi.outbox(signal), 'outbox');
  return (
    <section aria-labelledby="outbox-heading">
      <div className="section-head">
        <h2 id="outbox-heading">{t('outbox.heading')}</h2>
        <button type="button" className="button button--quiet" onClick={reload} data-testid="outbox-refresh">
          {t('refresh')}
        </button>
      </div>
      <p className="muted">{t('outbox.lead')}</p>
      <Loaded load={load} what={t('what')}>
        {(messages) =>
          messages.length === 0 ? (
            <p className="muted" data-testid="outbox-empty">
              {t('outbox.empty')}
            </p>
          ) : (
            <ul className="rows" data-testid="outbox">
              {messages.map((m) => (
                <li key={m.id} className="row row--message" data-testid="outbox-message">
                  <details>
                    <summary>
                      <span className="message__subject">{m.subject}</span>{' '}
                      {m.sentAt ? (
                        <Chip value="open" text={t('outbox.sent')} />
                      ) : (
                        <Chip value="running" text={t('outbox.waiting')} />
                      )}
                      <span className="row__meta">
                        {t('outbox.to', { to: m.to, at: formatDateTime(m.createdAt) })}
                        {m.sentAt ? ` · ${t('outbox.sentAt', { at: formatDateTime(m.sentAt) })}` : ''}
                        {m.attempts > 0 && !m.sentAt ? ` · ${t('outbox.attempts', { count: m.attempts })}` : ''}
                      </span>
                    </summary>
                    {m.lastError ? <p className="form-error">{t('lastError', { error: m.lastError })}</p> : null}
                    <pre className="message__body" data-testid="outbox-body">
                      {m.body}
                    </pre>
                  </details>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
