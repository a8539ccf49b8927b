import { useEffect, useState } from 'react';
import { currentLocale, useT } from '../../i18n/index.js';
import { type Calibration, reviewApi } from '../../review-api.js';
import { NotYet, type Remote, remoteFailure, ScrollTable, score } from './common.js';

// Calibrated and raw scores side by side (never one replacing the other), the interval of each
// calibrated score drawn on the 0–100 scale, each reviewer's estimated bias, and the warnings.

export function CalibrationSection({ roundId }: { roundId: string }) {
  const { t } = useT('review');
  const [state, setState] = useState<Remote<Calibration>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    reviewApi.calibration(roundId, controller.signal).then(
      (data) => setState({ state: 'ready', data }),
      (e) => !controller.signal.aborted && setState(remoteFailure(e)),
    );
    return () => controller.abort();
  }, [roundId]);
  return (
    <section id="calibration" className="panel" aria-labelledby="calibration-heading" data-testid="calibration-section">
      <h2 id="calibration-heading">{t('calibration.heading')}</h2>
      {state.state === 'loading' ? <p role="status">{t('common.loading')}</p> : null}
      {state.state === 'missing' ? <NotYet what={t('calibration.what')} /> : null}
      {state.state === 'error' ? <p role="alert">{state.message}</p> : null}
      {state.state === 'ready' ? <CalibrationTables data={state.data} /> : null}
    </section>
  );
}

function CalibrationTables({ data }: { data: Calibration }) {
  const { t } = useT('review');
  const n = new Intl.NumberFormat(currentLocale());
  return (
    <>
      {data.warnings.length > 0 ? (
        <ul className="warnings" data-testid="calibration-warnings">
          {data.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <ScrollTable label={t('calibration.ranking')}>
        <table className="table" data-testid="ranking-table">
          <thead>
            <tr>
              <th scope="col">{t('calibration.rank')}</th>
              <th scope="col">{t('common.proposal')}</th>
              <th scope="col">{t('calibration.rawMean')}</th>
              <th scope="col">{t('calibration.calibrated')}</th>
              <th scope="col">{t('calibration.interval')}</th>
              <th scope="col">{t('calibration.reviews')}</th>
            </tr>
          </thead>
          <tbody>
            {[...data.proposals]
              .sort((a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY))
              .map((p) => (
                <tr key={p.applicationId} data-testid="ranking-row">
                  <td className="num">{p.rank === null ? '–' : n.format(p.rank)}</td>
                  <td>{p.title}</td>
                  <td className="num">{score(p.rawMean)}</td>
                  <td className="num">{score(p.calibrated)}</td>
                  <td>
                    {p.low !== null && p.high !== null && p.calibrated !== null ? (
                      <IntervalBar low={p.low} high={p.high} mid={p.calibrated} />
                    ) : null}
                    <span className="muted">
                      {' '}
                      {score(p.low)}–{score(p.high)}
                    </span>
                  </td>
                  <td className="num">{n.format(p.reviews)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </ScrollTable>
      <h3>{t('calibration.biases')}</h3>
      <ScrollTable label={t('calibration.biases')}>
        <table className="table" data-testid="bias-table">
          <thead>
            <tr>
              <th scope="col">{t('common.expert')}</th>
              <th scope="col">{t('calibration.bias')}</th>
              <th scope="col">{t('calibration.reviews')}</th>
            </tr>
          </thead>
          <tbody>
            {data.experts.map((e) => (
              <tr key={e.expertId}>
                <td>{e.name}</td>
                <td className="num">{e.bias > 0 ? `+${score(e.bias)}` : score(e.bias)}</td>
                <td className="num">{n.format(e.reviews)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

/** The interval low–high on a 0–100 scale with the estimate marked; decorative beside the figures. */
function IntervalBar({ low, high, mid }: { low: number; high: number; mid: number }) {
  const clamp = (n: number) => Math.max(0, Math.min(100, n));
  return (
    <svg width="120" height="12" viewBox="0 0 100 12" aria-hidden="true" preserveAspectRatio="none">
      <rect x="0" y="5" width="100" height="2" fill="#ddd" />
      <rect x={clamp(low)} y="3" width={Math.max(0.5, clamp(high) - clamp(low))} height="6" fill="#5b7fb5" />
      <rect x={clamp(mid) - 0.5} y="1" width="1" height="10" fill="#1b2a41" />
    </svg>
  );
}
