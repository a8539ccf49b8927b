import { useState } from 'react';
import { accountApi, type Session } from '../../api.js';
import { Chip } from '../../components/Chip.js';
import { Loaded } from '../../components/PageState.js';
import { formatDateTime } from '../../format.js';
import { useLoadedState } from '../../use-load.js';

/** "Chrome on Linux" from a user-agent string; the full string stays in the tooltip. */
export function deviceOf(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : /curl\//.test(userAgent)
            ? 'curl'
            : 'A browser';
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return system ? `${browser} on ${system}` : browser;
}

export function SessionsSection() {
  const { load, update } = useLoadedState((signal) => accountApi.sessions(signal), 'sessions');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const revoke = async (session: Session) => {
    setBusy(session.id);
    setError(null);
    try {
      await accountApi.revokeSession(session.id);
      update((list) => list.filter((s) => s.id !== session.id));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Where you are signed in</h2>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <Loaded load={load} what="list">
        {(sessions) => (
          <ul className="rows" data-testid="sessions">
            {sessions.map((s) => (
              <li key={s.id} className="row" data-testid="session" data-current={s.current || undefined}>
                <div className="row__main">
                  <strong title={s.userAgent ?? undefined}>{deviceOf(s.userAgent)}</strong>{' '}
                  {s.current ? <Chip value="open" text="This device" /> : null}
                  <p className="row__meta">
                    {s.address ?? 'unknown address'} · signed in {formatDateTime(s.createdAt)} · last seen{' '}
                    {formatDateTime(s.lastSeenAt)}
                  </p>
                </div>
                {s.current ? null : (
                  <button
                    type="button"
                    className="button button--quiet"
                    disabled={busy === s.id}
                    onClick={() => void revoke(s)}
                    aria-label={`Revoke the session of ${deviceOf(s.userAgent)} from ${formatDateTime(s.createdAt)}`}
                    data-testid="session-revoke"
                  >
                    Revoke
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}
