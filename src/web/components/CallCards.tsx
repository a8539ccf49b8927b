import type { CallSummary } from '../calls-api.js';
import { formatInZone } from '../clock.js';
import { i18n, useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { Chip } from './Chip.js';
import { Countdown } from './Deadline.js';

/** The next deadline of a call: letters of intent first in a two-stage call, then proposals. */
export function nextDeadline(call: CallSummary, now: number): { label: string; at: string } {
  const t = (key: string) => i18n.t(key, { ns: 'common' });
  if (call.loiClosesAt && Date.parse(call.loiClosesAt) > now) return { label: t('callCards.loiDue'), at: call.loiClosesAt };
  return { label: call.stages === 2 ? t('callCards.fullDue') : t('callCards.applicationsDue'), at: call.closesAt };
}

export function CallCards({ calls, now }: { calls: CallSummary[]; now: number }) {
  const { t } = useT('common');
  return (
    <ul className="cards" data-testid="call-list">
      {calls.map((call) => {
        const due = nextDeadline(call, now);
        return (
          <li key={call.id} className="card card--open" data-testid="call-card">
            <Chip
              value={call.status === 'published' ? 'open' : call.status}
              text={call.status === 'published' ? t('callCards.open') : undefined}
            />
            <Link to={`/calls/${call.slug}`} className="card__title" data-testid="call-link">
              {call.title}
            </Link>
            <p className="card__meta">
              <Link to={`/programs/${call.program.slug}`}>{call.program.name}</Link>
              {call.stages === 2 ? ` · ${t('callCards.twoStages')}` : ''}
            </p>
            <p className="card__text">
              {due.label} {formatInZone(due.at, call.timeZone)}
              <br />
              <Countdown at={due.at} testId="call-countdown" />
            </p>
          </li>
        );
      })}
    </ul>
  );
}
