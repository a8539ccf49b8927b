import type { TFunction } from 'i18next';
import type { MissionPage as MissionPageData, PortalHostModule } from '../../contracts/portal.js';
import { portalApi } from '../api.js';
import { CatalogueLink } from '../catalogue/CataloguePage.js';
import { Meta } from '../components/Meta.js';
import { Name } from '../components/Name.js';
import { Loaded } from '../components/PageState.js';
import { InstitutionLink } from '../components/PartnerLinks.js';
import { ProgramCards } from '../components/ProgramCards.js';
import { Unconfirmed } from '../components/Unconfirmed.js';
import { formatTempRange } from '../format.js';
import {
  counted,
  formatDay,
  formatNumber,
  grams,
  milligrams,
  milliwatts,
  plainName,
  usePortalT,
  ValueChip,
  valueLabel,
} from '../portal/localise.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';

export function MissionPage({ slug }: { slug: string }) {
  const { t } = usePortalT();
  const load = useLoad((signal) => portalApi.mission(slug, signal), slug);
  useTitle(load.state === 'ready' ? plainName(load.data.mission) : undefined);
  return (
    <Loaded load={load} what={t('notFound.mission')}>
      {(data) => <Mission data={data} />}
    </Loaded>
  );
}

function Mission({ data }: { data: MissionPageData }) {
  const { t } = usePortalT();
  const { mission: m } = data;
  const projectCount = new Map(data.programs.map((p) => [p.id, p.projects]));
  return (
    <article data-testid="mission-page">
      <h1 data-testid="mission-name">
        <Name name={m.name} nativeName={m.nativeName} /> <Unconfirmed fact={m} />
      </h1>
      <Meta
        items={[
          <>
            <ValueChip value={m.targetBody} tone="body" /> <ValueChip value={m.status} />
          </>,
          (m.launchDate ?? m.launchYear) && t('mission.launch', { when: formatDay(m.launchDate ?? m.launchYear) }),
          m.agency && <InstitutionLink institution={m.agency} />,
        ]}
      />
      {m.summary ? <p className="lead">{m.summary}</p> : null}

      {data.hostModules.length > 0 ? (
        <section aria-labelledby="modules-heading">
          <h2 id="modules-heading">{t('mission.room')}</h2>
          <ul className="cards" data-testid="host-modules">
            {data.hostModules.map((h) => (
              <HostModuleCard key={h.id} module={h} />
            ))}
          </ul>
        </section>
      ) : null}

      {data.sampleCollections.length > 0 ? (
        <section aria-labelledby="samples-heading">
          <h2 id="samples-heading">{t('mission.samples')}</h2>
          <ul className="cards" data-testid="sample-collections">
            {data.sampleCollections.map((s) => (
              <li key={s.id} className="card">
                <span className="card__title">{s.name}</span> <Unconfirmed fact={s} />
                <p className="big-figure">{milligrams(t, s.returnedMassMg)}</p>
                <p className="card__meta">{s.returnedOn ? t('mission.returned', { date: formatDay(s.returnedOn) }) : null}</p>
                {s.sampleTypes.length > 0 ? <p className="card__text">{s.sampleTypes.join(', ')}</p> : null}
                {s.note ? <p className="card__text muted">{s.note}</p> : null}
                <p className="card__text">
                  <CatalogueLink slug={s.slug} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="programs-heading">
        <h2 id="programs-heading">{t('common.programs')}</h2>
        <ProgramCards programs={data.programs} detail={(p) => counted(t, 'project', projectCount.get(p.id) ?? 0)} />
      </section>
    </article>
  );
}

function HostModuleCard({ module: h }: { module: PortalHostModule }) {
  const { t } = usePortalT();
  const size =
    h.itemMaxLengthMm != null && h.itemMaxWidthMm != null && h.itemMaxHeightMm != null
      ? t('unit.mm', {
          l: formatNumber(h.itemMaxLengthMm),
          w: formatNumber(h.itemMaxWidthMm),
          h: formatNumber(h.itemMaxHeightMm),
        })
      : null;
  const temp = h.itemMinTempC != null && h.itemMaxTempC != null ? formatTempRange(h.itemMinTempC, h.itemMaxTempC) : null;
  const pool: [string, string | null][] = [
    [t('mission.mass'), grams(t, h.poolMassG)],
    [t('mission.power'), milliwatts(t, h.poolPowerMw)],
    [t('mission.data'), h.poolDataMbPerDay != null ? t('unit.mbPerDay', { value: formatNumber(h.poolDataMbPerDay) }) : null],
  ];
  const item: [string, string | null][] = [
    [t('mission.mass'), grams(t, h.itemMaxMassG)],
    [t('mission.avgPower'), milliwatts(t, h.itemMaxAvgPowerMw)],
    [t('mission.peakPower'), milliwatts(t, h.itemMaxPeakPowerMw)],
    [t('mission.size'), size],
    [t('mission.temperature'), temp],
  ];
  return (
    <li className="card" data-testid="host-module">
      <span className="card__title">{h.name}</span>{' '}
      {!sameWords(t, h.kind, h.name) ? <ValueChip value={h.kind} tone="level" /> : null} <Unconfirmed fact={h} />
      <Facts title={t('mission.offered')} facts={pool} />
      <Facts title={t('mission.perItem')} facts={item} />
      {h.mounting !== 'either' ? (
        <p className="card__meta">{t('mission.mounted', { where: valueLabel(t, h.mounting).toLowerCase() })}</p>
      ) : null}
      {h.note ? <p className="card__text muted">{h.note}</p> : null}
    </li>
  );
}

function Facts({ title, facts }: { title: string; facts: [string, string | null][] }) {
  const known = facts.filter((f): f is [string, string] => f[1] != null);
  if (known.length === 0) return null;
  return (
    <>
      <h3 className="facts-title">{title}</h3>
      <dl className="facts">
        {known.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** Whether a module's name already says its kind ("Orbiter"), in English or in the reader's language. */
function sameWords(t: TFunction, kind: string, name: string): boolean {
  return name.toLowerCase() === kind.replaceAll('_', ' ') || name === valueLabel(t, kind);
}
