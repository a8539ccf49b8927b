import type { ApplicationDocument, CallDetail, CheckReport, SubmittedApplication } from '../../calls-api.js';
import { applicationsApi } from '../../calls-api.js';
import { bytes, countryName, mass, mg, mountingText, power } from '../../calls-format.js';
import { formatInZone, viewerTimeZone } from '../../clock.js';
import { TableScroll } from '../../components/TableScroll.js';
import { formatNumber, label } from '../../format.js';

// Read-only sections of a submitted version, for staff: plain text and tables, no form controls.

const orDash = (v: string | number | null | undefined) => (v == null || v === '' ? '—' : String(v));

export function TeamRead({ doc, app }: { doc: ApplicationDocument; app: SubmittedApplication }) {
  const named = new Map(app.institutions.map((i) => [i.id, i]));
  return (
    <section aria-labelledby="team-heading" data-testid="read-team">
      <h2 id="team-heading">Team</h2>
      {doc.team.length === 0 ? (
        <p className="muted">No institution named.</p>
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
          <h3>People</h3>
          <ul data-testid="read-people">
            {doc.people.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: positions in the submitted document
              <li key={i}>
                {p.name} — {label(p.role)}
                {p.email ? ` · ${p.email}` : ''}
                {p.orcid ? ` · ORCID ${p.orcid}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

const SCHEME = [
  ['objectives', 'Objectives'],
  ['methods', 'Methods'],
  ['expectedResults', 'Expected results'],
  ['heritage', 'Heritage'],
] as const;

export function SchemeRead({ doc }: { doc: ApplicationDocument }) {
  return (
    <section aria-labelledby="scheme-heading" data-testid="read-scheme">
      <h2 id="scheme-heading">Experimental scheme</h2>
      {SCHEME.map(([key, name]) => (
        <div key={key}>
          <h3>{name}</h3>
          <p className="prose">{doc.scheme[key] || <span className="muted">Not given.</span>}</p>
        </div>
      ))}
    </section>
  );
}

export function RequestsRead({ doc, call }: { doc: ApplicationDocument; call: CallDetail }) {
  if (doc.sampleRequests.length === 0 && doc.payloadRequests.length === 0) return null;
  return (
    <section aria-labelledby="requests-heading" data-testid="read-requests">
      <h2 id="requests-heading">Requests</h2>
      {doc.sampleRequests.length > 0 ? (
        <TableScroll label="Sample requests table">
          <table className="table">
            <caption>Samples</caption>
            <thead>
              <tr>
                <th scope="col">Sample type</th>
                <th scope="col" className="num">
                  Mass
                </th>
                <th scope="col">Form</th>
                <th scope="col">Purpose</th>
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
        <TableScroll label="Payload requests table">
          <table className="table">
            <caption>Payloads</caption>
            <thead>
              <tr>
                <th scope="col">Payload</th>
                <th scope="col">Host module</th>
                <th scope="col" className="num">
                  Mass
                </th>
                <th scope="col" className="num">
                  Power (avg / peak)
                </th>
                <th scope="col" className="num">
                  Data
                </th>
                <th scope="col">Envelope</th>
                <th scope="col">Temperature</th>
                <th scope="col">Mounting</th>
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
                    <td className="num">{r.dataMbPerDay != null ? `${formatNumber(r.dataMbPerDay)} MB/day` : '—'}</td>
                    <td>
                      {r.lengthMm != null && r.widthMm != null && r.heightMm != null
                        ? `${r.lengthMm} × ${r.widthMm} × ${r.heightMm} mm`
                        : '—'}
                    </td>
                    <td>{r.minTempC != null && r.maxTempC != null ? `${r.minTempC} to ${r.maxTempC} °C` : '—'}</td>
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
  return (
    <section aria-labelledby="check-heading" className="panel" data-testid="read-check">
      <div className="section-head section-head--tight">
        <h2 id="check-heading">Accommodation check</h2>
        {check.items.length > 0 ? (
          <span className={`verdict verdict--${check.result}`} data-testid="read-check-result">
            {SYMBOL[check.result]} {label(check.result)}
          </span>
        ) : null}
      </div>
      <p className="muted">As recorded when this version was submitted.</p>
      {check.items.length === 0 ? (
        <p className="muted">No resource requested, so nothing to check.</p>
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
  const zone = viewerTimeZone();
  return (
    <section aria-labelledby="attachments-heading" data-testid="read-attachments">
      <h2 id="attachments-heading">Attachments</h2>
      {app.attachments.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {app.attachments.map((a) => (
            <li key={a.id} data-testid="read-attachment">
              {call.requiredDocuments.find((d) => d.key === a.documentKey)?.name ?? a.documentKey}:{' '}
              <a href={applicationsApi.attachmentUrl(app.id, a.id)}>{a.filename}</a> ({bytes(a.sizeBytes)}, uploaded{' '}
              {formatInZone(a.uploadedAt, zone)})<p className="cell-note">SHA-256 {a.sha256}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
