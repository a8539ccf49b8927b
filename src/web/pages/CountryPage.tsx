import type { CountryPage as CountryPageData } from '../../contracts/portal.js';
import { portalApi } from '../api.js';
import { Chip } from '../components/Chip.js';
import { Meta } from '../components/Meta.js';
import { Name } from '../components/Name.js';
import { Loaded } from '../components/PageState.js';
import { CountryLink, InstitutionLink } from '../components/PartnerLinks.js';
import { PartnershipsTable } from '../components/PartnershipsTable.js';
import { ProgramCards } from '../components/ProgramCards.js';
import { ProjectsTable } from '../components/ProjectsTable.js';
import { label, plural } from '../format.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';

export function CountryPage({ code }: { code: string }) {
  const load = useLoad((signal) => portalApi.country(code, signal), code);
  useTitle(load.state === 'ready' ? load.data.country.name : undefined);
  return (
    <Loaded load={load} what="country or region">
      {(data) => <Country data={data} />}
    </Loaded>
  );
}

function Country({ data }: { data: CountryPageData }) {
  const { country: c } = data;
  return (
    <article data-testid="country-page">
      <h1 data-testid="country-name">
        <span className="code code--big" aria-hidden="true">
          {c.code}
        </span>
        <Name name={c.name} nativeName={c.nativeName} />
      </h1>
      <Meta
        items={[
          <Chip key="kind" value={c.kind} tone="level" text={label(c.kind)} />,
          c.sovereign && (
            <>
              Part of <CountryLink country={c.sovereign} />
            </>
          ),
        ]}
      />
      <section aria-labelledby="institutions-heading">
        <h2 id="institutions-heading">Institutions</h2>
        {data.institutions.length === 0 ? (
          <p className="muted">No institutions registered.</p>
        ) : (
          <ul className="partner-grid" data-testid="country-institutions">
            {data.institutions.map((i) => (
              <li key={i.id} className="partner">
                <InstitutionLink institution={i} />
                <span className="partner__counts">{plural(i.projects, 'project', 'projects')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading">Projects</h2>
        <ProjectsTable projects={data.projects} showProgram />
      </section>
      {data.partnerships.length > 0 ? (
        <section aria-labelledby="partnerships-heading">
          <h2 id="partnerships-heading">Partnerships</h2>
          <PartnershipsTable partnerships={data.partnerships} showProgram />
        </section>
      ) : null}
      <section aria-labelledby="programs-heading">
        <h2 id="programs-heading">Programs</h2>
        <ProgramCards programs={data.programs} />
      </section>
    </article>
  );
}
