import type { ApplicationDocument, CallDetail, CheckAnswer, CheckItem } from '../../calls-api.js';
import { label } from '../../format.js';
import { i18n, useT } from '../../i18n/index.js';
import { focusField } from './document.js';

const SYMBOL = { pass: '✓', warn: '!', fail: '✕' } as const;

/** "Payload 1: Dust sensor on Lander" for the request an item of the check is about. */
function requestName(item: CheckItem, doc: ApplicationDocument, call: CallDetail): string {
  const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, { ns: 'applications', ...options });
  const [kind, index] = item.field.split('.');
  const i = Number(index);
  if (kind === 'payloadRequests') {
    const r = doc.payloadRequests[i];
    const offer = call.moduleOffers.find((o) => o.id === (item.offerId || r?.offerId));
    const what = t('check.payload', { n: i + 1 });
    const named = r?.name ? t('check.named', { what, name: r.name }) : what;
    return offer ? t('check.on', { what: named, module: offer.hostModuleName }) : named;
  }
  if (kind === 'sampleRequests') {
    const offer = call.sampleOffers.find((o) => o.id === (item.offerId || doc.sampleRequests[i]?.offerId));
    const what = t('check.sampleRequest', { n: i + 1 });
    return offer ? t('check.named', { what, name: label(offer.sampleType) }) : what;
  }
  return item.field;
}

/** What fails or warns, in full; values not given yet folded into one line. */
function Reasons({ reasons }: { reasons: CheckItem['reasons'] }) {
  const { t } = useT('applications');
  const missing = reasons.filter((r) => r.code === 'incomplete');
  const shown = reasons.filter((r) => r.code !== 'incomplete');
  return (
    <>
      {shown.length > 0 ? (
        <ul className="check-reasons">
          {shown.map((r) => (
            <li key={r.code + r.message} data-testid="check-reason">
              {r.message}
            </li>
          ))}
        </ul>
      ) : null}
      {missing.length > 0 ? (
        <details className="check-missing">
          <summary>{t('check.missing', { count: missing.length })}</summary>
          <ul className="check-reasons">
            {missing.map((r) => (
              <li key={r.code + r.message}>{r.message}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/** The accommodation check of the saved draft: pass, warn or fail per request with reasons, and open issues. */
export function CheckPanel({
  answer,
  running,
  error,
  doc,
  call,
}: {
  answer: CheckAnswer | null;
  running: boolean;
  error: string | null;
  doc: ApplicationDocument;
  call: CallDetail;
}) {
  const { t } = useT('applications');
  return (
    <section aria-labelledby="check-heading" className="panel check-panel" data-testid="check-panel">
      <div className="section-head section-head--tight">
        <h2 id="check-heading">{t('check.heading')}</h2>
        {/* No request, nothing checked: an empty draft is not a "Pass". */}
        {answer && answer.check.items.length > 0 ? (
          <span className={`verdict verdict--${answer.check.result}`} data-testid="check-result">
            {SYMBOL[answer.check.result]} {label(answer.check.result)}
          </span>
        ) : null}
      </div>
      <p className="muted" aria-live="polite" data-testid="check-state">
        {running ? t('check.running') : error ? t('check.failed', { error }) : answer ? t('check.checked') : t('check.notYet')}
      </p>
      {answer && answer.check.items.length > 0 ? (
        <ul className="check-items" data-testid="check-items">
          {answer.check.items.map((item) => (
            <li
              key={`${item.field}-${item.offerId}`}
              className={`check-item check-item--${item.result}`}
              data-testid="check-item"
              data-result={item.result}
            >
              <span className="check-item__head">
                <span className={`verdict verdict--${item.result}`}>
                  {SYMBOL[item.result]} {label(item.result)}
                </span>{' '}
                <button type="button" className="link-button" onClick={() => focusField(item.field)}>
                  {requestName(item, doc, call)}
                </button>
              </span>
              <Reasons reasons={item.reasons} />
            </li>
          ))}
        </ul>
      ) : answer ? (
        <p className="muted" data-testid="check-nothing">
          {t('check.nothing')}
        </p>
      ) : null}
      {answer && answer.issues.length > 0 ? (
        <>
          <h3>{t('check.toComplete')}</h3>
          <ul className="issues" data-testid="check-issues">
            {answer.issues.map((issue) => (
              <li key={issue.field + issue.code}>
                <button type="button" className="link-button" onClick={() => focusField(issue.field)}>
                  {issue.message}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
