import type { InstitutionPage as InstitutionPageData } from '../../contracts/portal.js';
import { portalApi } from '../api.js';
import { Meta } from '../components/Meta.js';
import { Name } from '../components/Name.js';
import { Loaded } from '../components/PageState.js';
import { Home } from '../components/PartnerLinks.js';
import { PartnershipsTable } from '../components/PartnershipsTable.js';
import { ProgramCards } from '../components/ProgramCards.js';
import { ProjectsTable } from '../components/ProjectsTable.js';
import { plainName, usePortalT, ValueChip } from '../portal/localise.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';

export function InstitutionPage({ slug }: { slug: string }) {
  const { t } = usePortalT();
  const load = useLoad((signal) => portalApi.institution(slug, signal), slug);
  useTitle(load.state === 'ready' ? plainName(load.data.institution) : undefined);
  return (
    <Loaded load={load} what={t('notFound.institution')}>
      {(data) => <Institution data={data} />}
    </Loaded>
  );
}

function Institution({ data }: { data: InstitutionPageData }) {
  const { t } = usePortalT();
  const { institution: i } = data;
  return (
    <article data-testid="institution-page">
      <h1 data-testid="institution-name">
        <Name name={i.name} nativeName={i.nativeName} />
        {i.acronym && i.acronym !== i.name ? <span className="muted"> ({i.acronym})</span> : null}
      </h1>
      <Meta
        items={[
          <ValueChip key="kind" value={i.kind} tone="level" />,
          <Home key="home" institution={i} />,
          i.website && <a href={i.website}>{t('institution.website')}</a>,
          i.rorId && <a href={`https://ror.org/${i.rorId}`}>{t('institution.ror', { id: i.rorId })}</a>,
        ]}
      />
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
