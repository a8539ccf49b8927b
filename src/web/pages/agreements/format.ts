import { formatInZone } from '../../clock.js';
import { currentLocale } from '../../i18n/index.js';

/**
 * A timestamp in the viewer's language, with the zone it is shown in. (Intl refuses `timeZoneName`
 * together with `dateStyle`/`timeStyle` and throws, which blanked every page showing a deadline;
 * formatInZone formats the zone name separately.)
 */
export const formatTime = (iso: string | null, timeZone = 'UTC') => (iso ? formatInZone(iso, timeZone) : '—');

export const formatDay = (day: string | null) =>
  day
    ? new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))
    : '—';

export const formatNumber = (n: number) => new Intl.NumberFormat(currentLocale()).format(n);
