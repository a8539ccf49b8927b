import type { PortalPartnership } from '../../contracts/portal.js';
import { formatDay, usePortalT, ValueChip } from '../portal/localise.js';
import { Link } from '../router.js';
import { Name } from './Name.js';
import { CountryLink, Home, InstitutionLink, OrganisationLabel } from './PartnerLinks.js';
import { TableScroll } from './TableScroll.js';
import { Unconfirmed } from './Unconfirmed.js';

function Partner({ p }: { p: PortalPartnership }) {
  if (p.country) return <CountryLink country={p.country} />;
  if (p.organisation)
    return (
      <>
        <Name name={p.organisation.name} nativeName={p.organisation.nativeName} />{' '}
        <OrganisationLabel organisation={p.organisation} />
      </>
    );
  if (p.institution)
    return (
      <>
        <InstitutionLink institution={p.institution} /> <Home institution={p.institution} />
      </>
    );
  return null;
}

/** Partners of programs: countries, international organisations or institutions. */
export function PartnershipsTable({
  partnerships,
  showProgram = false,
}: {
  partnerships: PortalPartnership[];
  showProgram?: boolean;
}) {
  const { t } = usePortalT();
  if (partnerships.length === 0) return <p className="muted">{t('common.noPartnerships')}</p>;
  return (
    <TableScroll label={t('tables.partnerships')}>
      <table className="table table--cards" data-testid="partnerships-table">
        <thead>
          <tr>
            <th scope="col">{t('tables.partner')}</th>
            {showProgram ? <th scope="col">{t('tables.program')}</th> : null}
            <th scope="col">{t('tables.kind')}</th>
            <th scope="col">{t('tables.joined')}</th>
          </tr>
        </thead>
        <tbody>
          {partnerships.map((p) => (
            <tr key={p.id} data-testid="partnership-row">
              <td data-label={t('tables.partner')}>
                <Partner p={p} /> <Unconfirmed fact={p} />
                {p.note ? <p className="cell-note">{p.note}</p> : null}
              </td>
              {showProgram ? (
                <td data-label={t('tables.program')}>
                  <Link to={`/programs/${p.program.slug}`}>
                    <Name name={p.program.name} nativeName={p.program.nativeName} />
                  </Link>
                </td>
              ) : null}
              <td data-label={t('tables.kind')}>
                <ValueChip value={p.kind} tone="level" />
              </td>
              <td data-label={t('tables.joined')}>{formatDay(p.joinedOn) ?? t('common.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
