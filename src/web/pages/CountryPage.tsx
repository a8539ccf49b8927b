import type { CountryPage as CountryPageData } from '../../contracts/portal.js';
import { portalApi } from '../api.js';
import { Meta } from '../components/Meta.js';
import { Name } from '../components/Name.js';
import { Loaded } from '../components/PageState.js';
import { CountryLink, InstitutionLink } from '../components/PartnerLinks.js';
import { PartnershipsTable } from '../components/PartnershipsTable.js';
import { ProgramCards } from '../components/ProgramCards.js';
import { ProjectsTable } from '../components/ProjectsTable.js';
import { counted, countryName, usePortalT, ValueChip } from '../portal/localise.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';

export function CountryPage({ code }: { code: string }) {
  const { t } = usePortalT();
  const load = useLoad((signal) => portalApi.country(code, signal), code);
  useTitle(load.state === 'ready' ? countryName(load.data.country).name : undefined);
  return (
    <Loaded load={load} what={t('notFound.country')}>
      {(data) => <Country data={data} />}
    </Loaded>
  );
}

function Country({ data }: { data: CountryPageData }) {
  const { t } = usePortalT();
  const { country: c } = data;
  const shown = countryName(c);
  return (
    <article data-testid="country-page">
      <h1 data-testid="country-name">
        <span className="code code--big" aria-hidden="true">
          {c.code}
        </span>
        <Name name={shown.name} nativeName={shown.nativeName} />
      </h1>
      <Meta
        items={[
          <ValueChip key="kind" value={c.kind} tone="level" />,
          c.sovereign && (
            <>
              {t('country.partOf')} <CountryLink country={c.sovereign} />
            </>
          ),
        ]}
      />
      <section aria-labelledby="institutions-heading">
        <h2 id="institutions-heading">{t('common.institutions')}</h2>
        {data.institutions.length === 0 ? (
          <p className="muted">{t('country.noInstitutions')}</p>
        ) : (
          <ul className="partner-grid" data-testid="country-institutions">
            {data.institutions.map((i) => (
              <li key={i.id} className="partner">
                <InstitutionLink institution={i} />
                <span className="partner__counts">{counted(t, 'project', i.projects)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading">{t('common.projects')}</h2>
        <ProjectsTable projects={data.projects} showProgram />
      </section>
      {data.partnerships.length > 0 ? (
        <section aria-labelledby="partnerships-heading">
          <h2 id="partnerships-heading">{t('common.partnerships')}</h2>
          <PartnershipsTable partnerships={data.partnerships} showProgram />
        </section>
      ) : null}
      <section aria-labelledby="programs-heading">
        <h2 id="programs-heading">{t('common.programs')}</h2>
        <ProgramCards programs={data.programs} />
      </section>
    </article>
  );
}
