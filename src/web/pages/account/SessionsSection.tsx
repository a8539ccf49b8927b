import { useState } from 'react';
import { accountApi, type Session } from '../../api.js';
import { Chip } from '../../components/Chip.js';
import { Loaded } from '../../components/PageState.js';
import { formatDateTime } from '../../format.js';
import { i18n, useT } from '../../i18n/index.js';
import { useLoadedState } from '../../use-load.js';

/** "Chrome on Linux" from a user-agent string; the full string stays in the tooltip. */
export function deviceOf(userAgent: string | null): string {
  const t = (key: string, options?: Record<string, string>) => i18n.t(key, { ns: 'accounts', ...options });
  if (!userAgent) return t('sessions.unknownDevice');
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
            : t('sessions.aBrowser');
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
  return system ? t('sessions.browserOn', { browser, system }) : browser;
}

export function SessionsSection() {
  const { t } = useT('accounts');
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
      <h2 id="sessions-heading">{t('sessions.heading')}</h2>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <Loaded load={load} what={t('sessions.what')}>
        {(sessions) => (
          <ul className="rows" data-testid="sessions">
            {sessions.map((s) => (
              <li key={s.id} className="row" data-testid="session" data-current={s.current || undefined}>
                <div className="row__main">
                  <strong title={s.userAgent ?? undefined}>{deviceOf(s.userAgent)}</strong>{' '}
                  {s.current ? <Chip value="open" text={t('sessions.thisDevice')} /> : null}
                  <p className="row__meta">
                    {t('sessions.meta', {
                      address: s.address ?? t('sessions.unknownAddress'),
                      signedIn: formatDateTime(s.createdAt),
                      lastSeen: formatDateTime(s.lastSeenAt),
                    })}
                  </p>
                </div>
                {s.current ? null : (
                  <button
                    type="button"
                    className="button button--quiet"
                    disabled={busy === s.id}
                    onClick={() => void revoke(s)}
                    aria-label={t('sessions.revokeLabel', { device: deviceOf(s.userAgent), at: formatDateTime(s.createdAt) })}
                    data-testid="session-revoke"
                  >
                    {t('sessions.revoke')}
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
