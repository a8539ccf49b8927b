import type { CallSummary } from '../calls-api.js';
import { formatInZone } from '../clock.js';
import { Link } from '../router.js';
import { Chip } from './Chip.js';
import { Countdown } from './Deadline.js';

/** The next deadline of a call: letters of intent first in a two-stage call, then proposals. */
export function nextDeadline(call: CallSummary, now: number): { label: string; at: string } {
  if (call.loiClosesAt && Date.parse(call.loiClosesAt) > now) return { label: 'Letters of intent due', at: call.loiClosesAt };
  return { label: call.stages === 2 ? 'Full proposals due' : 'Applications due', at: call.closesAt };
}

export function CallCards({ calls, now }: { calls: CallSummary[]; now: number }) {
  return (
    <ul className="cards" data-testid="call-list">
      {calls.map((call) => {
        const due = nextDeadline(call, now);
        return (
          <li key={call.id} className="card card--open" data-testid="call-card">
            <Chip
              value={call.status === 'published' ? 'open' : call.status}
              text={call.status === 'published' ? 'Open' : undefined}
            />
            <Link to={`/calls/${call.slug}`} className="card__title" data-testid="call-link">
              {call.title}
            </Link>
            <p className="card__meta">
              <Link to={`/programs/${call.program.slug}`}>{call.program.name}</Link>
              {call.stages === 2 ? ' · two stages (letter of intent, then full proposal)' : ''}
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
