import { adminApi } from '../../api.js';
import { Chip } from '../../components/Chip.js';
import { Loaded } from '../../components/PageState.js';
import { formatDateTime } from '../../format.js';
import { useLoadedState } from '../../use-load.js';

/** E-mails sent and waiting; without SMTP, administrators read invitations and links here. */
export function OutboxSection() {
  const { load, reload } = useLoadedState((signal) => adminApi.outbox(signal), 'outbox');
  return (
    <section aria-labelledby="outbox-heading">
      <div className="section-head">
        <h2 id="outbox-heading">Outbox</h2>
        <button type="button" className="button button--quiet" onClick={reload} data-testid="outbox-refresh">
          Refresh
        </button>
      </div>
      <p className="muted">Every e-mail the system writes. Open one to read it.</p>
      <Loaded load={load} what="list">
        {(messages) =>
          messages.length === 0 ? (
            <p className="muted" data-testid="outbox-empty">
              No e-mail yet.
            </p>
          ) : (
            <ul className="rows" data-testid="outbox">
              {messages.map((m) => (
                <li key={m.id} className="row row--message" data-testid="outbox-message">
                  <details>
                    <summary>
                      <span className="message__subject">{m.subject}</span>{' '}
                      {m.sentAt ? <Chip value="open" text="sent" /> : <Chip value="running" text="waiting" />}
                      <span className="row__meta">
                        to {m.to} · {formatDateTime(m.createdAt)}
                        {m.sentAt ? ` · sent ${formatDateTime(m.sentAt)}` : ''}
                        {m.attempts > 0 && !m.sentAt ? ` · ${m.attempts} attempts` : ''}
                      </span>
                    </summary>
                    {m.lastError ? <p className="form-error">Last error: {m.lastError}</p> : null}
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
