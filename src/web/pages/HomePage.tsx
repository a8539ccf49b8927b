import type { PortalSummary } from '../../contracts/portal.js';
import { portalApi } from '../api.js';
import { Chip } from '../components/Chip.js';
import { Name } from '../components/Name.js';
import { Loaded } from '../components/PageState.js';
import { CountryLink } from '../components/PartnerLinks.js';
import { Stats } from '../components/Stats.js';
import { Unconfirmed } from '../components/Unconfirmed.js';
import { bodyLabel, plural } from '../format.js';
import { Link } from '../router.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';
import { OpenCallsSection } from './calls/CallsPage.js';

export function HomePage() {
  useTitle(undefined);
  const load = useLoad((signal) => portalApi.summary(signal), 'summary');
  return (
    <Loaded load={load} what="page">
      {(s) => <Home summary={s} />}
    </Loaded>
  );
}

/** "2 institutions · 3 projects", or "1 program" for a partner with partnerships only. */
function involvement(p: { institutions: number; projects: number; programs: number }): string {
  const parts: string[] = [];
  if (p.institutions > 0) parts.push(plural(p.institutions, 'institution', 'institutions'));
  if (p.projects > 0) parts.push(plural(p.projects, 'project', 'projects'));
  else parts.push(plural(p.programs, 'program', 'programs'));
  return parts.join(' · ');
}

function Home({ summary: s }: { summary: PortalSummary }) {
  return (
    <>
      <section className="hero" data-testid="home">
        <h1>International cooperation in lunar and deep-space exploration</h1>
        <p className="lead">
          Payload rides, lunar sample loans, space station experiments and partnerships — who takes part, on which mission, and
          what is open for proposals now.
        </p>
        <Stats
          label="Headline figures"
          stats={[
            { label: 'Missions', value: s.totals.missions, testId: 'total-missions' },
            { label: 'Programs', value: s.totals.programs, testId: 'total-programs' },
            { label: 'Projects', value: s.totals.projects, testId: 'total-projects' },
            { label: 'Countries & regions', value: s.totals.countriesAndRegions, testId: 'total-countries' },
            { label: 'Int’l organisations', value: s.totals.organisations, testId: 'total-organisations' },
            { label: 'Institutions', value: s.totals.institutions, testId: 'total-institutions' },
          ]}
        />
      </section>

      <section aria-labelledby="open-heading" data-testid="open-opportunities">
        <h2 id="open-heading">Open opportunities</h2>
        {s.openOpportunities.length === 0 ? (
          <p className="muted">No program is taking proposals right now.</p>
        ) : (
          <ul className="cards">
            {s.openOpportunities.map((p) => (
              <li key={p.id} className="card card--open" data-testid="opportunity">
                <Chip value="open" text="Open for proposals" />
                <Link to={`/programs/${p.slug}`} className="card__title">
                  <Name name={p.name} nativeName={p.nativeName} />
                </Link>{' '}
                <Unconfirmed fact={p} />
                {p.mission ? <p className="card__meta">{p.mission.name}</p> : null}
                {p.budgetSummary ? <p className="card__text">{p.budgetSummary}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <OpenCallsSection />

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Missions by launch year</h2>
        <ol className="timeline" data-testid="timeline">
          {s.timeline.map((group) => (
            <li key={group.year ?? 'tbd'} className="timeline__year">
              <span className="timeline__label">{group.year ?? 'TBD'}</span>
              <ul className="timeline__missions">
                {group.missions.map((m) => (
                  <li key={m.id} className="timeline__mission" data-testid="timeline-mission">
                    <Link to={`/missions/${m.slug}`} className="timeline__name">
                      <Name name={m.name} nativeName={m.nativeName} />
                    </Link>{' '}
                    <Unconfirmed fact={m} />
                    <span className="timeline__meta">
                      <Chip value={m.targetBody} tone="body" text={bodyLabel(m.targetBody)} /> <Chip value={m.status} />
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="partners-heading">
        <h2 id="partners-heading">Partner countries and regions</h2>
        <ul className="partner-grid" data-testid="partner-countries">
          {s.countries.map((c) => (
            <li key={c.code} className="partner" data-testid="partner-country">
              <CountryLink country={c} />
              <span className="partner__counts">{involvement(c)}</span>
            </li>
          ))}
        </ul>
        {s.organisations.length > 0 ? (
          <>
            <h3>International organisations</h3>
            <ul className="partner-grid" data-testid="partner-organisations">
              {s.organisations.map((o) => (
                <li key={o.id} className="partner">
                  <span>
                    <strong>{o.acronym}</strong> <Name name={o.name} nativeName={o.nativeName} />
                  </span>
                  <span className="partner__counts">{involvement(o)}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <Link to="/countries">All partners →</Link>
        </p>
      </section>
    </>
  );
}
