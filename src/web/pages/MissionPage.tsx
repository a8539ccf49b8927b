import type { MissionPage as MissionPageData, PortalHostModule } from '../../contracts/portal.js';
import { portalApi } from '../api.js';
import { Chip } from '../components/Chip.js';
import { Meta } from '../components/Meta.js';
import { Name } from '../components/Name.js';
import { Loaded } from '../components/PageState.js';
import { InstitutionLink } from '../components/PartnerLinks.js';
import { ProgramCards } from '../components/ProgramCards.js';
import { Unconfirmed } from '../components/Unconfirmed.js';
import { bodyLabel, formatGrams, formatMilligrams, formatMilliwatts, formatTempRange, label, plural } from '../format.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';

export function MissionPage({ slug }: { slug: string }) {
  const load = useLoad((signal) => portalApi.mission(slug, signal), slug);
  useTitle(load.state === 'ready' ? load.data.mission.name : undefined);
  return (
    <Loaded load={load} what="mission">
      {(data) => <Mission data={data} />}
    </Loaded>
  );
}

function Mission({ data }: { data: MissionPageData }) {
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
            <Chip value={m.targetBody} tone="body" text={bodyLabel(m.targetBody)} /> <Chip value={m.status} />
          </>,
          (m.launchDate ?? m.launchYear) && `Launch ${m.launchDate ?? m.launchYear}`,
          m.agency && <InstitutionLink institution={m.agency} />,
        ]}
      />
      {m.summary ? <p className="lead">{m.summary}</p> : null}

      {data.hostModules.length > 0 ? (
        <section aria-labelledby="modules-heading">
          <h2 id="modules-heading">Room for partner payloads</h2>
          <ul className="cards" data-testid="host-modules">
            {data.hostModules.map((h) => (
              <HostModuleCard key={h.id} module={h} />
            ))}
          </ul>
        </section>
      ) : null}

      {data.sampleCollections.length > 0 ? (
        <section aria-labelledby="samples-heading">
          <h2 id="samples-heading">Samples returned</h2>
          <ul className="cards" data-testid="sample-collections">
            {data.sampleCollections.map((s) => (
              <li key={s.id} className="card">
                <span className="card__title">{s.name}</span> <Unconfirmed fact={s} />
                <p className="big-figure">{formatMilligrams(s.returnedMassMg)}</p>
                <p className="card__meta">{s.returnedOn ? `Returned ${s.returnedOn}` : null}</p>
                {s.sampleTypes.length > 0 ? <p className="card__text">{s.sampleTypes.join(', ')}</p> : null}
                {s.note ? <p className="card__text muted">{s.note}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="programs-heading">
        <h2 id="programs-heading">Programs</h2>
        <ProgramCards programs={data.programs} detail={(p) => plural(projectCount.get(p.id) ?? 0, 'project', 'projects')} />
      </section>
    </article>
  );
}

function HostModuleCard({ module: h }: { module: PortalHostModule }) {
  const size =
    h.itemMaxLengthMm != null && h.itemMaxWidthMm != null && h.itemMaxHeightMm != null
      ? `${h.itemMaxLengthMm} × ${h.itemMaxWidthMm} × ${h.itemMaxHeightMm} mm`
      : null;
  const temp = h.itemMinTempC != null && h.itemMaxTempC != null ? formatTempRange(h.itemMinTempC, h.itemMaxTempC) : null;
  const pool: [string, string | null][] = [
    ['Mass', formatGrams(h.poolMassG)],
    ['Power', formatMilliwatts(h.poolPowerMw)],
    ['Data', h.poolDataMbPerDay != null ? `${h.poolDataMbPerDay} MB/day` : null],
  ];
  const item: [string, string | null][] = [
    ['Mass', formatGrams(h.itemMaxMassG)],
    ['Average power', formatMilliwatts(h.itemMaxAvgPowerMw)],
    ['Peak power', formatMilliwatts(h.itemMaxPeakPowerMw)],
    ['Size', size],
    ['Temperature', temp],
  ];
  return (
    <li className="card" data-testid="host-module">
      <span className="card__title">{h.name}</span> {label(h.kind) !== h.name ? <Chip value={h.kind} tone="level" /> : null}{' '}
      <Unconfirmed fact={h} />
      <Facts title="Offered to partners" facts={pool} />
      <Facts title="Per item, at most" facts={item} />
      {h.mounting !== 'either' ? <p className="card__meta">Mounted {label(h.mounting).toLowerCase()}</p> : null}
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
