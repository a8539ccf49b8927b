import { useState } from 'react';
import { applicationsApi, type CallDetail, type OfficerRow } from '../../calls-api.js';
import { countryName, mass, mg } from '../../calls-format.js';
import { formatInZone, viewerTimeZone } from '../../clock.js';
import { Chip } from '../../components/Chip.js';
import { FormError } from '../../components/Form.js';
import { TableScroll } from '../../components/TableScroll.js';
import { label } from '../../format.js';
import { Link } from '../../router.js';

// The officer's table of the applications a call received: each row opens the read view of its
// submitted version; letters of intent show the shortlist decision, or its buttons where they work.

export function ApplicationsTable({
  rows,
  call,
  onDecided,
}: {
  rows: OfficerRow[];
  call: CallDetail;
  onDecided: (id: string, status: OfficerRow['status']) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const zone = viewerTimeZone();
  const decide = async (row: OfficerRow, decision: 'shortlisted' | 'not_shortlisted') => {
    setBusy(row.id);
    setError(null);
    try {
      await applicationsApi.shortlist(row.id, decision);
      onDecided(row.id, decision);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  if (rows.length === 0)
    return (
      <p className="muted" data-testid="no-rows">
        No application matches.
      </p>
    );
  return (
    <>
      <FormError message={error} />
      <TableScroll label="Applications table">
        <table className="table table--cards" data-testid="officer-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Lead</th>
              <th scope="col">Status</th>
              <th scope="col">Check</th>
              <th scope="col" className="num">
                Requested
              </th>
              <th scope="col">Submitted ({zone})</th>
              {call.stages === 2 ? <th scope="col">Shortlist</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="officer-row">
                <td>
                  <Link to={`/staff/applications/${r.id}`} data-testid="officer-row-link">
                    <strong>{r.title || 'Untitled'}</strong>
                  </Link>
                  <p className="cell-note">
                    {label(r.stage)}
                    {r.submittedVersion != null ? ` · version ${r.submittedVersion}` : ''}
                  </p>
                </td>
                <td data-label="Lead">
                  {r.leadInstitution?.name ?? '—'}
                  {r.leadCountry ? <p className="cell-note">{countryName(r.leadCountry)}</p> : null}
                </td>
                <td data-label="Status">
                  <Chip value={r.status} />
                </td>
                <td data-label="Check">
                  {r.checkResult ? <Chip value={`check-${r.checkResult}`} text={label(r.checkResult)} /> : '—'}
                </td>
                <td data-label="Requested" className="num">
                  {[r.requestedMassMg ? mg(r.requestedMassMg) : null, r.requestedMassG ? mass(r.requestedMassG) : null]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                  <p className="cell-note">
                    {r.requests} {r.requests === 1 ? 'request' : 'requests'}
                  </p>
                </td>
                <td data-label={`Submitted (${zone})`}>{r.submittedAt ? formatInZone(r.submittedAt, zone) : '—'}</td>
                {call.stages === 2 ? (
                  <td data-label="Shortlist">
                    <ShortlistCell row={r} busy={busy === r.id} onDecide={(decision) => void decide(r, decision)} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

/**
 * The shortlist decision of a letter of intent: the buttons only where the server says this viewer may
 * decide this row now (an undecided letter, an officer of the call's program); elsewhere the decision.
 */
function ShortlistCell({
  row,
  busy,
  onDecide,
}: {
  row: OfficerRow;
  busy: boolean;
  onDecide: (decision: 'shortlisted' | 'not_shortlisted') => void;
}) {
  if (row.stage !== 'letter_of_intent') return <>—</>;
  if (row.status === 'shortlisted' || row.status === 'not_shortlisted')
    return (
      <span data-testid="shortlist-decision">
        <Chip value={row.status} />
      </span>
    );
  if (!row.can.shortlist)
    return (
      <span className="muted" data-testid="shortlist-pending">
        {row.status === 'submitted' ? 'Awaiting decision' : '—'}
      </span>
    );
  return (
    <span className="shortlist">
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        onClick={() => onDecide('shortlisted')}
        data-testid="shortlist"
      >
        Shortlist<span className="visually-hidden"> “{row.title || 'Untitled'}”</span>
      </button>
      <button
        type="button"
        className="button button--quiet button--small"
        disabled={busy}
        onClick={() => onDecide('not_shortlisted')}
        data-testid="not-shortlist"
      >
        Not shortlisted<span className="visually-hidden"> “{row.title || 'Untitled'}”</span>
      </button>
    </span>
  );
}
