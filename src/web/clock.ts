import { useEffect, useState } from 'react';
import { currentLocale, i18n } from './i18n/index.js';

// Deadlines: shown in the call's time zone and in the viewer's, counted down on a clock corrected by
// the server's `serverNow` (a viewer's computer clock may be minutes off).

let offsetMs = 0;

/** Learns how far the server's clock is from this computer's, from a `serverNow` the API sent. */
export function syncClock(serverNow: string | undefined) {
  if (!serverNow) return;
  const server = Date.parse(serverNow);
  if (Number.isFinite(server)) offsetMs = server - Date.now();
}

/** The server's "now", in milliseconds. */
export const serverNowMs = () => Date.now() + offsetMs;

/** The server's "now", re-rendering every `everyMs`. */
export function useServerNow(everyMs = 1000): number {
  const [now, setNow] = useState(serverNowMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNowMs()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** "30 Sep 2025, 23:59 GMT+8 (Asia/Shanghai)": a moment in a named zone, always saying which. */
export function formatInZone(iso: string, timeZone: string): string {
  try {
    const text = new Intl.DateTimeFormat(currentLocale(), {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
    }).format(new Date(iso));
    const short =
      new Intl.DateTimeFormat(currentLocale(), { timeZone, timeZoneName: 'short' })
        .formatToParts(new Date(iso))
        .find((p) => p.type === 'timeZoneName')?.value ?? '';
    return short === timeZone || !short ? `${text} ${timeZone}` : `${text} ${short} (${timeZone})`;
  } catch {
    return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  }
}

/** "10:42:03" in the viewer's zone, with the zone's short name. */
export function formatClockTime(ms: number): string {
  return new Intl.DateTimeFormat(currentLocale(), { timeStyle: 'medium', hourCycle: 'h23' } as Intl.DateTimeFormatOptions).format(
    new Date(ms),
  );
}

const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, { ns: 'common', ...options });

/** "12 d 4 h 31 min" (or with seconds under a day); "closed" once past. */
export function formatRemaining(ms: number): string {
  if (ms <= 0) return t('countdown.closed');
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  if (days > 0) return t('countdown.days', { days, hours, minutes });
  if (hours > 0) return t('countdown.hours', { hours, minutes, seconds });
  return t('countdown.minutes', { minutes, seconds });
}
