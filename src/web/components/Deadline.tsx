import { formatInZone, formatRemaining, useServerNow, viewerTimeZone } from '../clock.js';
import { useT } from '../i18n/index.js';

/** A live countdown to `at`, on the server-corrected clock; a timer role, so it is not read out each second. */
export function Countdown({ at, testId }: { at: string; testId?: string }) {
  const { t } = useT('common');
  const now = useServerNow();
  const left = Date.parse(at) - now;
  return (
    <span role="timer" className={`countdown${left <= 0 ? ' countdown--over' : ''}`} data-testid={testId}>
      {left > 0 ? t('countdown.closesIn', { left: formatRemaining(left) }) : t('countdown.closed')}
    </span>
  );
}

/** A deadline in the call's time zone, again in the viewer's (when it differs), and counting down. */
export function Deadline({ label, at, timeZone, testId }: { label: string; at: string; timeZone: string; testId?: string }) {
  const { t } = useT('common');
  const mine = viewerTimeZone();
  return (
    <div className="deadline" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="deadline__call" data-testid={testId ? `${testId}-call-zone` : undefined}>
          {formatInZone(at, timeZone)}
        </span>
        {mine !== timeZone ? (
          <span className="deadline__mine" data-testid={testId ? `${testId}-viewer-zone` : undefined}>
            {t('deadline.yourTime', { time: formatInZone(at, mine) })}
          </span>
        ) : null}
        <Countdown at={at} testId={testId ? `${testId}-countdown` : undefined} />
      </dd>
    </div>
  );
}
