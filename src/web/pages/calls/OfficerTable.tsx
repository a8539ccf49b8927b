import { useState } from 'react';
import { applicationsApi, type CallDetail, type OfficerRow } from '../../calls-api.js';
import { countryName, mass, mg } from '../../calls-format.js';
import { formatInZone, viewerTimeZone } from '../../clock.js';
import { Chip } from '../../components/Chip.js';
import { FormError } from '../../components/Form.js';
import { TableScroll } from '../../components/TableScroll.js';
import { counted, label } from '../../format.js';
import { useT } from '../../i18n/index.js';
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
  const { t } = useT('calls');
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
        {t('table.none')}
      </p>
    );
  return (
    <>
      <FormError message={error} />
      <TableScroll label={t('table.label')}>
        <table className="table table--cards" data-testid="officer-table">
          <thead>
            <tr>
              <th scope="col">{t('table.title')}</th>
              <th scope="col">{t('table.lead')}</th>
              <th scope="col">{t('officer.status')}</th>
              <th scope="col">{t('officer.check')}</th>
              <th scope="col" className="num">
                {t('table.requested')}
              </th>
              <th scope="col">{t('table.submitted', { zone })}</th>
              {call.stages === 2 ? <th scope="col">{t('table.shortlist')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="officer-row">
                <td>
                  <Link to={`/staff/applications/${r.id}`} data-testid="officer-row-link">
                    <strong>{r.title || t('table.untitled')}</strong>
                  </Link>
                  <p className="cell-note">
                    {label(r.stage)}
                    {r.submittedVersion != null ? ` · ${t('table.version', { version: r.submittedVersion })}` : ''}
                  </p>
                </td>
                <td data-label={t('table.lead')}>
                  {r.leadInstitution?.name ?? '—'}
                  {r.leadCountry ? <p className="cell-note">{countryName(r.leadCountry)}</p> : null}
                </td>
                <td data-label={t('officer.status')}>
                  <Chip value={r.status} />
                </td>
                <td data-label={t('officer.check')}>
                  {r.checkResult ? <Chip value={`check-${r.checkResult}`} text={label(r.checkResult)} /> : '—'}
                </td>
                <td data-label={t('table.requested')} className="num">
                  {[r.requestedMassMg ? mg(r.requestedMassMg) : null, r.requestedMassG ? mass(r.requestedMassG) : null]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                  <p className="cell-note">{counted(r.requests, 'request')}</p>
                </td>
                <td data-label={t('table.submitted', { zone })}>{r.submittedAt ? formatInZone(r.submittedAt, zone) : '—'}</td>
                {call.stages === 2 ? (
                  <td data-label={t('table.shortlist')}>
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
  const { t } = useT('calls');
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
        {row.status === 'submitted' ? t('table.awaiting') : '—'}
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
        {t('table.shortlist')}
        <span className="visually-hidden"> “{row.title || t('table.untitled')}”</span>
      </button>
      <button
        type="button"
        className="button button--quiet button--small"
        disabled={busy}
        onClick={() => onDecide('not_shortlisted')}
        data-testid="not-shortlist"
      >
        {t('table.notShortlisted')}
        <span className="visually-hidden"> “{row.title || t('table.untitled')}”</span>
      </button>
    </span>
  );
}
