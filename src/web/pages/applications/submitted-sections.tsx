import type { ApplicationDocument, CallDetail, CheckReport, SubmittedApplication } from '../../calls-api.js';
import { applicationsApi } from '../../calls-api.js';
import { bytes, countryName, envelope, mass, mg, mountingText, power } from '../../calls-format.js';
import { formatInZone, viewerTimeZone } from '../../clock.js';
import { TableScroll } from '../../components/TableScroll.js';
import { formatNumber, label } from '../../format.js';
import { useT } from '../../i18n/index.js';

// Read-only sections of a submitted version, for staff: plain text and tables, no form controls.

const orDash = (v: string | number | null | undefined) => (v == null || v === '' ? '—' : String(v));

export function TeamRead({ doc, app }: { doc: ApplicationDocument; app: SubmittedApplication }) {
  const { t } = useT('applications');
  const named = new Map(app.institutions.map((i) => [i.id, i]));
  return (
    <section aria-labelledby="team-heading" data-testid="read-team">
      <h2 id="team-heading">{t('sections.team')}</h2>
      {doc.team.length === 0 ? (
        <p className="muted">{t('read.noInstitution')}</p>
      ) : (
        <ul>
          {doc.team.map((m, i) => {
            const inst = named.get(m.institutionId);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: positions in the submitted document
              <li key={i} data-testid="read-team-member">
                <strong>{inst?.name ?? m.institutionId}</strong>
                {inst?.countryCode ? ` (${countryName(inst.countryCode)})` : ''} — {label(m.role)}
              </li>
            );
          })}
        </ul>
      )}
      {doc.people.length > 0 ? (
        <>
          <h3>{t('sections.people')}</h3>
          <ul data-testid="read-people">
            {doc.people.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: positions in the submitted document
              <li key={i}>
                {p.name} — {label(p.role)}
                {p.email ? ` · ${p.email}` : ''}
                {p.orcid ? ` · ${t('read.orcid', { orcid: p.orcid })}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

const SCHEME = ['objectives', 'methods', 'expectedResults', 'heritage'] as const;

export function SchemeRead({ doc }: { doc: ApplicationDocument }) {
  const { t } = useT('applications');
  return (
    <section aria-labelledby="scheme-heading" data-testid="read-scheme">
      <h2 id="scheme-heading">{t('sections.scheme')}</h2>
      {SCHEME.map((key) => (
        <div key={key}>
          <h3>{t(`scheme.${key}`)}</h3>
          <p className="prose">{doc.scheme[key] || <span className="muted">{t('read.notGiven')}</span>}</p>
        </div>
      ))}
    </section>
  );
}

export function RequestsRead({ doc, call }: { doc: ApplicationDocument; call: CallDetail }) {
  const { t } = useT('applications');
  if (doc.sampleRequests.length === 0 && doc.payloadRequests.length === 0) return null;
  return (
    <section aria-labelledby="requests-heading" data-testid="read-requests">
      <h2 id="requests-heading">{t('read.requests')}</h2>
      {doc.sampleRequests.length > 0 ? (
        <TableScroll label={t('read.sampleTable')}>
          <table className="table">
            <caption>{t('read.samples')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('read.sampleType')}</th>
                <th scope="col" className="num">
                  {t('read.mass')}
                </th>
                <th scope="col">{t('read.form')}</th>
                <th scope="col">{t('read.purpose')}</th>
              </tr>
            </thead>
            <tbody>
              {doc.sampleRequests.map((r, i) => {
                const offer = call.sampleOffers.find((o) => o.id === r.offerId);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: positions in the submitted document
                  <tr key={i} data-testid="read-sample-request">
                    <td>{offer ? `${label(offer.sampleType)} · ${offer.collectionName}` : '—'}</td>
                    <td className="num">{r.massMg != null ? mg(r.massMg) : '—'}</td>
                    <td>{r.form ? label(r.form) : '—'}</td>
                    <td>{orDash(r.purpose)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {doc.payloadRequests.length > 0 ? (
        <TableScroll label={t('read.payloadTable')}>
          <table className="table">
            <caption>{t('read.payloads')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('read.payload')}</th>
                <th scope="col">{t('read.hostModule')}</th>
                <th scope="col" className="num">
                  {t('read.mass')}
                </th>
                <th scope="col" className="num">
                  {t('read.power')}
                </th>
                <th scope="col" className="num">
                  {t('read.data')}
                </th>
                <th scope="col">{t('read.envelope')}</th>
                <th scope="col">{t('read.temperature')}</th>
                <th scope="col">{t('read.mounting')}</th>
              </tr>
            </thead>
            <tbody>
              {doc.payloadRequests.map((r, i) => {
                const offer = call.moduleOffers.find((o) => o.id === r.offerId);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: positions in the submitted document
                  <tr key={i} data-testid="read-payload-request">
                    <td>{orDash(r.name)}</td>
                    <td>{offer?.hostModuleName ?? '—'}</td>
                    <td className="num">{r.massG != null ? mass(r.massG) : '—'}</td>
                    <td className="num">
                      {power(r.avgPowerMw ?? null)} / {power(r.peakPowerMw ?? null)}
                    </td>
                    <td className="num">
                      {r.dataMbPerDay != null ? t('read.dataPerDay', { n: formatNumber(r.dataMbPerDay) }) : '—'}
                    </td>
                    <td>
                      {r.lengthMm != null && r.widthMm != null && r.heightMm != null
                        ? envelope({ itemMaxLengthMm: r.lengthMm, itemMaxWidthMm: r.widthMm, itemMaxHeightMm: r.heightMm })
                        : '—'}
                    </td>
                    <td>
                      {r.minTempC != null && r.maxTempC != null ? t('read.tempRange', { min: r.minTempC, max: r.maxTempC }) : '—'}
                    </td>
                    <td>{r.mounting ? mountingText(r.mounting) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}

const SYMBOL = { pass: '✓', warn: '!', fail: '✕' } as const;

/** The accommodation check recorded when the version was submitted. */
export function CheckRead({ check }: { check: CheckReport }) {
  const { t } = useT('applications');
  return (
    <section aria-labelledby="check-heading" className="panel" data-testid="read-check">
      <div className="section-head section-head--tight">
        <h2 id="check-heading">{t('check.heading')}</h2>
        {check.items.length > 0 ? (
          <span className={`verdict verdict--${check.result}`} data-testid="read-check-result">
            {SYMBOL[check.result]} {label(check.result)}
          </span>
        ) : null}
      </div>
      <p className="muted">{t('read.recorded')}</p>
      {check.items.length === 0 ? (
        <p className="muted">{t('read.nothing')}</p>
      ) : (
        <ul className="check-items">
          {check.items.map((item) => (
            <li key={`${item.field}-${item.offerId}`} className={`check-item check-item--${item.result}`}>
              <span className={`verdict verdict--${item.result}`}>
                {SYMBOL[item.result]} {label(item.result)}
              </span>{' '}
              {item.field}
              {item.reasons.length > 0 ? (
                <ul className="check-reasons">
                  {item.reasons.map((r) => (
                    <li key={r.code + r.message}>{r.message}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function AttachmentsRead({ app, call }: { app: SubmittedApplication; call: CallDetail }) {
  const { t } = useT('applications');
  const zone = viewerTimeZone();
  return (
    <section aria-labelledby="attachments-heading" data-testid="read-attachments">
      <h2 id="attachments-heading">{t('read.attachments')}</h2>
      {app.attachments.length === 0 ? (
        <p className="muted">{t('read.none')}</p>
      ) : (
        <ul>
          {app.attachments.map((a) => (
            <li key={a.id} data-testid="read-attachment">
              {call.requiredDocuments.find((d) => d.key === a.documentKey)?.name ?? a.documentKey}:{' '}
              <a href={applicationsApi.attachmentUrl(app.id, a.id)}>{a.filename}</a>{' '}
              {t('read.attachmentMeta', { size: bytes(a.sizeBytes), at: formatInZone(a.uploadedAt, zone) })}
              <p className="cell-note">SHA-256 {a.sha256}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
