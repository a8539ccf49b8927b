import { Trans } from 'react-i18next';
import type { ProgramPage as ProgramPageData } from '../../contracts/portal.js';
import { portalApi } from '../api.js';
import { Meta } from '../components/Meta.js';
import { Name } from '../components/Name.js';
import { Loaded } from '../components/PageState.js';
import { CountryLink, InstitutionLink, OrganisationLabel } from '../components/PartnerLinks.js';
import { PartnershipsTable } from '../components/PartnershipsTable.js';
import { ProjectsTable } from '../components/ProjectsTable.js';
import { Stats } from '../components/Stats.js';
import { Unconfirmed } from '../components/Unconfirmed.js';
import { counted, formatDay, plainName, reportedCounts, usePortalT, ValueChip } from '../portal/localise.js';
import { ProgramCallsSection } from '../results/ProgramCallsSection.js';
import { Link } from '../router.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';

export function ProgramPage({ slug }: { slug: string }) {
  const { t } = usePortalT();
  const load = useLoad((signal) => portalApi.program(slug, signal), slug);
  useTitle(load.state === 'ready' ? plainName(load.data.program) : undefined);
  return (
    <Loaded load={load} what={t('notFound.program')}>
      {(data) => <Program data={data} />}
    </Loaded>
  );
}

function Program({ data }: { data: ProgramPageData }) {
  const { program: p, counts, partnershipCounts: pc } = data;
  const { t } = usePortalT();
  const initiators = data.partnerships.filter((x) => x.kind === 'initiator').length;
  return (
    <article data-testid="program-page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/programs">{t('common.programs')}</Link> /
      </nav>
      <h1 data-testid="program-name">
        <Name name={p.name} nativeName={p.nativeName} /> <Unconfirmed fact={p} />
      </h1>
      <Meta
        items={[
          <>
            <ValueChip value={p.kind} tone="level" /> <ValueChip value={p.status} />
          </>,
          p.mission && (
            <Trans t={t} i18nKey="program.mission" values={{ name: plainName(p.mission) }}>
              Mission <Link to={`/missions/${p.mission.slug}`}>{plainName(p.mission)}</Link>
            </Trans>
          ),
          p.agency && (
            <>
              {t('program.runBy')} <InstitutionLink institution={p.agency} />
            </>
          ),
          p.startedOn && t('program.since', { date: formatDay(p.startedOn) }),
        ]}
      />
      {p.summary ? <p className="lead">{p.summary}</p> : null}
      <ProgramCallsSection programSlug={p.slug} />
      {p.budgetSummary ? (
        <p className="callout">
          <strong>{t('program.whatPartnersGet')}</strong> {p.budgetSummary}
        </p>
      ) : null}

      <ReportedFigures data={data} />

      {counts.projects > 0 ? (
        <section aria-labelledby="projects-heading">
          <h2 id="projects-heading">{t('program.selected')}</h2>
          <p className="reported" data-testid="program-counts">
            {reportedCounts(t, counts)}
          </p>
          <Stats
            label={t('program.counted')}
            stats={[
              { label: t('common.projects'), value: counts.projects, testId: 'count-projects' },
              { label: t('common.countriesAndRegions'), value: counts.countriesAndRegions, testId: 'count-countries' },
              { label: t('common.organisations'), value: counts.organisations, testId: 'count-organisations' },
              { label: t('common.institutions'), value: counts.institutions, testId: 'count-institutions' },
            ]}
          />
          <ul className="inline-list" aria-label={t('program.takingPart')} data-testid="program-countries">
            {data.countries.map((c) => (
              <li key={c.code}>
                <CountryLink country={c} />
              </li>
            ))}
            {data.organisations.map((o) => (
              <li key={o.id}>
                <OrganisationLabel organisation={o} />
              </li>
            ))}
          </ul>
          <ProjectsTable projects={data.projects} />
        </section>
      ) : null}

      {pc.total > 0 || counts.projects === 0 ? (
        <section aria-labelledby="partners-heading">
          <h2 id="partners-heading">{t('program.partners')}</h2>
          {pc.total > 0 ? (
            <p className="reported" data-testid="partnership-counts">
              {counted(t, 'partner', pc.total)}
              {initiators > 0 ? t('program.initiators', { initiators, joined: pc.total - initiators }) : ''} ·{' '}
              {counted(t, 'countryOrRegion', pc.countriesAndRegions)}
              {pc.organisations > 0 ? ` · ${counted(t, 'organisation', pc.organisations)}` : ''}
              {pc.institutions > 0 ? ` · ${counted(t, 'institution', pc.institutions)}` : ''}
            </p>
          ) : null}
          <PartnershipsTable partnerships={data.partnerships} />
        </section>
      ) : null}
    </article>
  );
}

/**
 * The figures the agency reports are the headline; each says how it is counted. What the registry
 * records is shown below them, since a record can be incomplete (participants not yet known).
 */
function ReportedFigures({ data }: { data: ProgramPageData }) {
  const { t } = usePortalT();
  const figures = data.program.reportedFigures;
  if (figures.length === 0) return null;
  return (
    <section aria-labelledby="reported-heading" data-testid="reported-figures">
      <h2 id="reported-heading">{t('program.reported')}</h2>
      <Stats
        label={t('program.reportedLabel')}
        stats={figures.map((f, i) => ({ label: f.noun, value: f.value, testId: `reported-${i}` }))}
      />
      <ul className="reported-how" data-testid="reported-how">
        {figures.map((f) => (
          <li key={f.noun}>
            <strong>
              {f.value} {f.noun}:
            </strong>{' '}
            {f.countedAs}
          </li>
        ))}
      </ul>
      <p className="muted" data-testid="registry-note">
        {t('program.registryNote', { counts: data.counts.projects > 0 ? ` (${reportedCounts(t, data.counts)})` : '' })}
      </p>
    </section>
  );
}
