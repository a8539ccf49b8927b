import { type FormEvent, useState } from 'react';
import { ApiError } from '../api.js';
import { Link } from '../router.js';
import { useLoadedState } from '../use-load.js';
import { custodyApi } from './api.js';
import { CustodyPage, formatMass, useCustodyT } from './common.js';

const back = (t: (k: string) => string) => ({ to: '/custody', label: t('home.back') });

/** The curator's overdue list: duties past their due date, oldest first. */
export function OverduePage() {
  const t = useCustodyT();
  const { load } = useLoadedState((signal) => custodyApi.overdue(signal), 'overdue');
  return (
    <CustodyPage title={t('overdue.title')} back={back(t)} load={load}>
      {(data) =>
        data.duties.length === 0 ? (
          <p>{t('overdue.none')}</p>
        ) : (
          <table className="table" data-testid="overdue-table">
            <thead>
              <tr>
                <th scope="col">{t('overdue.duty')}</th>
                <th scope="col">{t('loans.reference')}</th>
                <th scope="col">{t('loans.borrower')}</th>
                <th scope="col">{t('overdue.due')}</th>
                <th scope="col">{t('overdue.days')}</th>
              </tr>
            </thead>
            <tbody>
              {data.duties.map((d) => (
                <tr key={d.dutyId}>
                  <td>{t(`duty.${d.kind}`)}</td>
                  <td>
                    <Link to={`/custody/loans/${d.loanId}`}>{d.loanReference}</Link>
                  </td>
                  <td>
                    {d.institutionName} {d.countryCode ? `(${d.countryCode})` : ''}
                  </td>
                  <td>{d.dueOn}</td>
                  <td>{d.daysOverdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    </CustodyPage>
  );
}

/** What is where: counts per custodian and country, then each sample with its holder. */
export function WherePage() {
  const t = useCustodyT();
  const { load } = useLoadedState((signal) => custodyApi.where(signal), 'where');
  return (
    <CustodyPage title={t('where.title')} back={back(t)} load={load}>
      {(data) => (
        <>
          <h2>{t('where.summary')}</h2>
          <table className="table" data-testid="where-summary">
            <thead>
              <tr>
                <th scope="col">{t('where.custodian')}</th>
                <th scope="col">{t('where.country')}</th>
                <th scope="col">{t('where.samples')}</th>
                <th scope="col">{t('where.mass')}</th>
              </tr>
            </thead>
            <tbody>
              {data.summary.map((s) => (
                <tr key={`${s.custodian}-${s.country}`}>
                  <td>{t(`custodian.${s.custodian}`)}</td>
                  <td>{s.country || '—'}</td>
                  <td>{s.samples}</td>
                  <td>{formatMass(s.massUg)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('where.each')}</h2>
          <table className="table" data-testid="where-samples">
            <thead>
              <tr>
                <th scope="col">{t('sample.number')}</th>
                <th scope="col">{t('where.custodian')}</th>
                <th scope="col">{t('where.holder')}</th>
                <th scope="col">{t('loans.reference')}</th>
              </tr>
            </thead>
            <tbody>
              {data.samples.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/custody/samples/${s.id}`}>{s.number}</Link>
                  </td>
                  <td>{t(`custodian.${s.custodian}`)}</td>
                  <td>
                    {s.holder} {s.country ? `(${s.country})` : ''}
                  </td>
                  <td>{s.loanId ? <Link to={`/custody/loans/${s.loanId}`}>{s.loanReference}</Link> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </CustodyPage>
  );
}

/** Receipt discrepancies; each links to its loan, where it is resolved. */
export function DiscrepanciesPage() {
  const t = useCustodyT();
  const { load } = useLoadedState((signal) => custodyApi.discrepancies(signal), 'discrepancies');
  return (
    <CustodyPage title={t('discrepancies.title')} back={back(t)} load={load}>
      {(data) =>
        data.discrepancies.length === 0 ? (
          <p>{t('discrepancies.none')}</p>
        ) : (
          <table className="table" data-testid="discrepancies-table">
            <thead>
              <tr>
                <th scope="col">{t('sample.number')}</th>
                <th scope="col">{t('shipment.reference')}</th>
                <th scope="col">{t('discrepancies.expected')}</th>
                <th scope="col">{t('discrepancies.measured')}</th>
                <th scope="col">{t('loans.status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.discrepancies.map((d) => (
                <tr key={d.id}>
                  <td>{d.number}</td>
                  <td>
                    <Link to={`/custody/loans/${d.loanId}`}>{d.shipmentReference}</Link>
                  </td>
                  <td>{formatMass(d.expectedUg)}</td>
                  <td>{formatMass(d.measuredUg)}</td>
                  <td>{t(`status.${d.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    </CustodyPage>
  );
}

/** Audit samples: draw a seeded random sample of subsamples held by borrowers; past draws with their seeds. */
export function AuditSamplesPage() {
  const t = useCustodyT();
  const { load, reload } = useLoadedState((signal) => custodyApi.auditSamples(signal), 'audit-samples');
  const [size, setSize] = useState('5');
  const [seed, setSeed] = useState('');
  const [error, setError] = useState<string | null>(null);
  const draw = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await custodyApi.drawAuditSample(Number.parseInt(size, 10), seed.trim() || undefined);
      reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <CustodyPage title={t('audit.title')} back={back(t)} load={load}>
      {(data) => (
        <>
          <p>{t('audit.intro')}</p>
          <form onSubmit={draw} className="stack" data-testid="audit-form">
            <label>
              {t('audit.size')}
              <input type="number" min={1} max={1000} value={size} onChange={(e) => setSize(e.target.value)} required />
            </label>
            <label>
              {t('audit.seed')}
              <input value={seed} onChange={(e) => setSeed(e.target.value)} />
            </label>
            {error ? <p role="alert">{error}</p> : null}
            <button type="submit" className="button">
              {t('audit.draw')}
            </button>
          </form>
          {data.draws.map((d) => (
            <section key={d.id} data-testid="audit-draw">
              <h2>{t('audit.drawn', { size: d.size, population: d.population, seed: d.seed })}</h2>
              <ol>
                {d.items.map((i) => (
                  <li key={i.position}>
                    {i.number} — {i.holder}
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </>
      )}
    </CustodyPage>
  );
}
