import { useState } from 'react';
import { useT } from '../i18n/index.js';
import { useLoadedState } from '../use-load.js';
import { formatDate } from './format.js';
import { resultsApi } from './results-api.js';

/** On the account page: the person's secret calendar address, made or replaced here and shown once. */
export function CalendarFeedSection() {
  const { t } = useT('results');
  const { load, reload } = useLoadedState((signal) => resultsApi.calendarFeed(signal), 'calendar-feed');
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rotate = async () => {
    setBusy(true);
    try {
      setUrl((await resultsApi.rotateCalendarFeed()).url);
      reload();
    } finally {
      setBusy(false);
    }
  };
  if (load.state !== 'ready') return null;
  return (
    <section aria-labelledby="calendar-feed-heading" className="panel" data-testid="calendar-feed">
      <h2 id="calendar-feed-heading">{t('feed.heading')}</h2>
      <p>{t('feed.intro')}</p>
      {url ? (
        <p>
          <label htmlFor="calendar-feed-url">{t('feed.url')}</label>
          <input id="calendar-feed-url" type="text" readOnly value={url} className="input" data-testid="calendar-feed-url" />
        </p>
      ) : load.data.exists && load.data.createdAt ? (
        <p className="muted">{t('feed.exists', { date: formatDate(load.data.createdAt) })}</p>
      ) : (
        <p className="muted">{t('feed.none')}</p>
      )}
      <button type="button" className="button" onClick={rotate} disabled={busy} data-testid="calendar-feed-rotate">
        {load.data.exists ? t('feed.rotate') : t('feed.create')}
      </button>
    </section>
  );
}
