import type { CountryRef, InstitutionRef, OrganisationRef } from '../../contracts/portal.js';
import { countryName, usePortalT } from '../portal/localise.js';
import { Link } from '../router.js';
import { Name } from './Name.js';

export function CountryLink({ country }: { country: CountryRef }) {
  const { t } = usePortalT();
  const shown = countryName(country);
  return (
    <Link to={`/countries/${country.code}`} className="country-link" data-testid="country-link">
      <span className="code" aria-hidden="true">
        {country.code}
      </span>
      <Name name={shown.name} nativeName={shown.nativeName} />
      {country.kind === 'region' ? <span className="muted"> {t('common.region')}</span> : null}
    </Link>
  );
}

export function OrganisationLabel({ organisation }: { organisation: OrganisationRef }) {
  const { t } = usePortalT();
  return (
    <span className="org-label" title={organisation.name}>
      <span className="code code--org" aria-hidden="true">
        {t('common.orgTag')}
      </span>
      {organisation.acronym}
      <span className="visually-hidden"> {t('common.orgHidden', { name: organisation.name })}</span>
    </span>
  );
}

/** Where an institution belongs: its country or region, or its international organisation. */
export function Home({ institution }: { institution: InstitutionRef }) {
  if (institution.country) return <CountryLink country={institution.country} />;
  if (institution.organisation) return <OrganisationLabel organisation={institution.organisation} />;
  return null;
}

export function InstitutionLink({ institution }: { institution: InstitutionRef }) {
  return (
    <Link to={`/institutions/${institution.slug}`} data-testid="institution-link">
      <Name name={institution.name} nativeName={institution.nativeName} />
    </Link>
  );
}
