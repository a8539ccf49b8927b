import type { TFunction } from 'i18next';
import type { PortalSummary } from '../../contracts/portal.js';
import { portalApi } from '../api.js';
import { CatalogueLink } from '../catalogue/CataloguePage.js';
import { Chip } from '../components/Chip.js';
import { Name } from '../components/Name.js';
import { Loaded } from '../components/PageState.js';
import { CountryLink } from '../components/PartnerLinks.js';
import { Stats } from '../components/Stats.js';
import { Unconfirmed } from '../components/Unconfirmed.js';
import { counted, usePortalT, ValueChip } from '../portal/localise.js';
import { Link } from '../router.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';
import { OpenCallsSection } from './calls/CallsPage.js';

export function HomePage() {
  useTitle(undefined);
  const { t } = usePortalT();
  const load = useLoad((signal) => portalApi.summary(signal), 'summary');
  return (
    <Loaded load={load} what={t('notFound.page')}>
      {(s) => <Home summary={s} />}
    </Loaded>
  );
}

/** "2 institutions · 3 projects", or "1 program" for a partner with partnerships only. */
function involvement(t: TFunction, p: { institutions: number; projects: number; programs: number }): string {
  const parts: string[] = [];
  if (p.institutions > 0) parts.push(counted(t, 'institution', p.institutions));
  if (p.projects > 0) parts.push(counted(t, 'project', p.projects));
  else parts.push(counted(t, 'program', p.programs));
  return parts.join(' · ');
}

function Home({ summary: s }: { summary: PortalSummary }) {
  const { t } = usePortalT();
  return (
    <>
      <section className="hero" data-testid="home">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <Stats
          label={t('home.headline')}
          stats={[
            { label: t('common.missions'), value: s.totals.missions, testId: 'total-missions' },
            { label: t('common.programs'), value: s.totals.programs, testId: 'total-programs' },
            { label: t('common.projects'), value: s.totals.projects, testId: 'total-projects' },
            { label: t('common.countriesAndRegions'), value: s.totals.countriesAndRegions, testId: 'total-countries' },
            { label: t('common.organisations'), value: s.totals.organisations, testId: 'total-organisations' },
            { label: t('common.institutions'), value: s.totals.institutions, testId: 'total-institutions' },
          ]}
        />
      </section>

      <section aria-labelledby="open-heading" data-testid="open-opportunities">
        <h2 id="open-heading">{t('home.open')}</h2>
        {s.openOpportunities.length === 0 ? (
          <p className="muted">{t('home.noOpen')}</p>
        ) : (
          <ul className="cards">
            {s.openOpportunities.map((p) => (
              <li key={p.id} className="card card--open" data-testid="opportunity">
                <Chip value="open" text={t('home.openChip')} />
                <Link to={`/programs/${p.slug}`} className="card__title">
                  <Name name={p.name} nativeName={p.nativeName} />
                </Link>{' '}
                <Unconfirmed fact={p} />
                {p.mission ? (
                  <p className="card__meta">
                    <Name name={p.mission.name} nativeName={p.mission.nativeName} />
                  </p>
                ) : null}
                {p.budgetSummary ? <p className="card__text">{p.budgetSummary}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <OpenCallsSection />

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('home.timeline')}</h2>
        <ol className="timeline" data-testid="timeline">
          {s.timeline.map((group) => (
            <li key={group.year ?? 'tbd'} className="timeline__year">
              <span className="timeline__label">{group.year ?? t('home.tbd')}</span>
              <ul className="timeline__missions">
                {group.missions.map((m) => (
                  <li key={m.id} className="timeline__mission" data-testid="timeline-mission">
                    <Link to={`/missions/${m.slug}`} className="timeline__name">
                      <Name name={m.name} nativeName={m.nativeName} />
                    </Link>{' '}
                    <Unconfirmed fact={m} />
                    <span className="timeline__meta">
                      <ValueChip value={m.targetBody} tone="body" /> <ValueChip value={m.status} />
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="partners-heading">
        <h2 id="partners-heading">{t('home.partners')}</h2>
        <ul className="partner-grid" data-testid="partner-countries">
          {s.countries.map((c) => (
            <li key={c.code} className="partner" data-testid="partner-country">
              <CountryLink country={c} />
              <span className="partner__counts">{involvement(t, c)}</span>
            </li>
          ))}
        </ul>
        {s.organisations.length > 0 ? (
          <>
            <h3>{t('home.organisations')}</h3>
            <ul className="partner-grid" data-testid="partner-organisations">
              {s.organisations.map((o) => (
                <li key={o.id} className="partner">
                  <span>
                    <strong>{o.acronym}</strong> <Name name={o.name} nativeName={o.nativeName} />
                  </span>
                  <span className="partner__counts">{involvement(t, o)}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <Link to="/countries">{t('home.allPartners')}</Link>
        </p>
      </section>

      <nav aria-labelledby="explore-heading" data-testid="explore">
        <h2 id="explore-heading">{t('home.explore')}</h2>
        <ul className="inline-list">
          <li>
            <Link to="/search">{t('home.searchLink')}</Link>
          </li>
          <li>
            <Link to="/statistics">{t('home.mapLink')}</Link>
          </li>
          <li>
            <Link to="/missions">{t('home.missionsLink')}</Link>
          </li>
          <li>
            <CatalogueLink />
          </li>
          <li>
            <Link to="/institutions">{t('home.institutionsLink')}</Link>
          </li>
          <li>
            <Link to="/programs">{t('common.programs')}</Link>
          </li>
          <li>
            <Link to="/countries">{t('home.partners')}</Link>
          </li>
        </ul>
      </nav>
    </>
  );
}
