import type { ProgramPage as ProgramPageData } from '../../contracts/portal.js';
import { portalApi } from '../api.js';
import { Chip } from '../components/Chip.js';
import { Meta } from '../components/Meta.js';
import { Name } from '../components/Name.js';
import { Loaded } from '../components/PageState.js';
import { CountryLink, InstitutionLink, OrganisationLabel } from '../components/PartnerLinks.js';
import { PartnershipsTable } from '../components/PartnershipsTable.js';
import { ProjectsTable } from '../components/ProjectsTable.js';
import { Stats } from '../components/Stats.js';
import { Unconfirmed } from '../components/Unconfirmed.js';
import { plural, reportedCounts } from '../format.js';
import { ProgramCallsSection } from '../results/ProgramCallsSection.js';
import { Link } from '../router.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';

export function ProgramPage({ slug }: { slug: string }) {
  const load = useLoad((signal) => portalApi.program(slug, signal), slug);
  useTitle(load.state === 'ready' ? load.data.program.name : undefined);
  return (
    <Loaded load={load} what="program">
      {(data) => <Program data={data} />}
    </Loaded>
  );
}

function Program({ data }: { data: ProgramPageData }) {
  const { program: p, counts, partnershipCounts: pc } = data;
  const initiators = data.partnerships.filter((x) => x.kind === 'initiator').length;
  return (
    <article data-testid="program-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/programs">Programs</Link> /
      </nav>
      <h1 data-testid="program-name">
        <Name name={p.name} nativeName={p.nativeName} /> <Unconfirmed fact={p} />
      </h1>
      <Meta
        items={[
          <>
            <Chip value={p.kind} tone="level" /> <Chip value={p.status} />
          </>,
          p.mission && (
            <>
              Mission <Link to={`/missions/${p.mission.slug}`}>{p.mission.name}</Link>
            </>
          ),
          p.agency && (
            <>
              Run by <InstitutionLink institution={p.agency} />
            </>
          ),
          p.startedOn && `Since ${p.startedOn}`,
        ]}
      />
      {p.summary ? <p className="lead">{p.summary}</p> : null}
      <ProgramCallsSection programSlug={p.slug} />
      {p.budgetSummary ? (
        <p className="callout">
          <strong>What partners get:</strong> {p.budgetSummary}
        </p>
      ) : null}

      <ReportedFigures data={data} />

      {counts.projects > 0 ? (
        <section aria-labelledby="projects-heading">
          <h2 id="projects-heading">Selected projects</h2>
          <p className="reported" data-testid="program-counts">
            {reportedCounts(counts)}
          </p>
          <Stats
            label="Counted in the registry"
            stats={[
              { label: 'Projects', value: counts.projects, testId: 'count-projects' },
              { label: 'Countries & regions', value: counts.countriesAndRegions, testId: 'count-countries' },
              { label: 'Int’l organisations', value: counts.organisations, testId: 'count-organisations' },
              { label: 'Institutions', value: counts.institutions, testId: 'count-institutions' },
            ]}
          />
          <ul
            className="inline-list"
            aria-label="Countries, regions and organisations taking part"
            data-testid="program-countries"
          >
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
          <h2 id="partners-heading">Partners</h2>
          {pc.total > 0 ? (
            <p className="reported" data-testid="partnership-counts">
              {plural(pc.total, 'partner', 'partners')}
              {initiators > 0 ? ` (${initiators} the initiator, ${pc.total - initiators} joined)` : ''} ·{' '}
              {plural(pc.countriesAndRegions, 'country or region', 'countries and regions')}
              {pc.organisations > 0
                ? ` · ${plural(pc.organisations, 'international organisation', 'international organisations')}`
                : ''}
              {pc.institutions > 0 ? ` · ${plural(pc.institutions, 'institution', 'institutions')}` : ''}
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
  const figures = data.program.reportedFigures;
  if (figures.length === 0) return null;
  return (
    <section aria-labelledby="reported-heading" data-testid="reported-figures">
      <h2 id="reported-heading">As the agency reports</h2>
      <Stats
        label="Figures the agency reports"
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
        The counts further down are what this registry records
        {data.counts.projects > 0 ? ` (${reportedCounts(data.counts)})` : ''}; they can be lower while some participants are not
        recorded yet.
      </p>
    </section>
  );
}
