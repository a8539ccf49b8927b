import { currentLocale } from '../../i18n/index.js';

/** A timestamp in the viewer's language, with the zone it is shown in. */
export const formatTime = (iso: string | null, timeZone = 'UTC') =>
  iso
    ? new Intl.DateTimeFormat(currentLocale(), {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone,
        timeZoneName: 'short',
      }).format(new Date(iso))
    : '—';

export const formatDay = (day: string | null) =>
  day
    ? new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))
    : '—';

export const formatNumber = (n: number) => new Intl.NumberFormat(currentLocale()).format(n);
