import type { PortalPartnership } from '../../contracts/portal.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { Chip } from './Chip.js';
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
  const { t } = useT('common');
  if (partnerships.length === 0) return <p className="muted">{t('partnerships.none')}</p>;
  return (
    <TableScroll label={t('partnerships.table')}>
      <table className="table table--cards" data-testid="partnerships-table">
        <thead>
          <tr>
            <th scope="col">{t('partnerships.partner')}</th>
            {showProgram ? <th scope="col">{t('partnerships.program')}</th> : null}
            <th scope="col">{t('partnerships.kind')}</th>
            <th scope="col">{t('partnerships.joined')}</th>
          </tr>
        </thead>
        <tbody>
          {partnerships.map((p) => (
            <tr key={p.id} data-testid="partnership-row">
              <td data-label={t('partnerships.partner')}>
                <Partner p={p} /> <Unconfirmed fact={p} />
                {p.note ? <p className="cell-note">{p.note}</p> : null}
              </td>
              {showProgram ? (
                <td data-label={t('partnerships.program')}>
                  <Link to={`/programs/${p.program.slug}`}>{p.program.name}</Link>
                </td>
              ) : null}
              <td data-label={t('partnerships.kind')}>
                <Chip value={p.kind} tone="level" />
              </td>
              <td data-label={t('partnerships.joined')}>{p.joinedOn ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
