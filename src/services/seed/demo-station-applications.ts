import type { ApplicationStage } from '../../domain/calls/vocabulary.js';
import type { DemoApplication, DemoPerson } from './demo-calls-generate.js';
import { prng } from './demo-calls-generate.js';
import { PEOPLE } from './demo-calls-text.js';
import { CSS_CALL, type StationAnchor } from './demo-station-data.js';

// The China Space Station demo's applications, built deterministically from the anchors: a letter
// of intent per anchor (the first stage, 42), and a full proposal for each shortlisted one.

const SYNTHETIC_CONTENT = 'Synthetic content: the scheme, people, masses and powers are invented for the demo.';

const local = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');

/** A principal investigator at the lead and a co-investigator at the first partner (invented names). */
export function stationPeople(anchor: StationAnchor, index: number, countryOf: (slug: string) => string): DemoPerson[] {
  const rng = prng(`orbitshare/demo-css/v1/people/${index}`);
  const person = (institution: string, role: DemoPerson['role'], avoid?: string): DemoPerson => {
    const pool = (PEOPLE[countryOf(institution)] ?? PEOPLE.GB!).filter((n) => n !== avoid);
    const name = pool[Math.floor(rng() * pool.length)]!;
    return { name, email: `${local(name)}@${institution}.applicants.orbitshare.demo`, institution, role };
  };
  const pi = person(anchor.lead, 'principal_investigator');
  const partner = anchor.partners?.[0];
  return partner ? [pi, person(partner, 'co_investigator', pi.name)] : [pi];
}

function note(anchor: StationAnchor, stage: ApplicationStage): string {
  if (anchor.tier === 'selected')
    return `A selected project (announced 12 Jun 2019): the title and the team are real where our sources name them; its ${
      stage === 'letter_of_intent' ? 'first-stage application is reconstructed' : 'full proposal is reconstructed'
    }. ${SYNTHETIC_CONTENT}`;
  return `Synthetic application: the 33 applications not selected are not public. ${SYNTHETIC_CONTENT}`;
}

/** One application of the anchor at a stage; `at` is its submission instant. */
export function stationApplication(
  anchor: StationAnchor,
  index: number,
  stage: ApplicationStage,
  people: DemoPerson[],
): DemoApplication {
  const full = stage === 'full_proposal';
  const rng = prng(`orbitshare/demo-css/v1/${stage}/${index}`);
  // Submissions spread over the stage's window: Jun–Sep 2018, then Jan–Mar 2019.
  const from = Date.parse(full ? '2019-01-07T00:00:00Z' : '2018-06-11T00:00:00Z');
  const to = Date.parse(full ? '2019-03-29T00:00:00Z' : '2018-09-29T00:00:00Z');
  const at = new Date(Math.floor((from + (to - from) * Math.sqrt(rng())) / 60_000) * 60_000).toISOString();
  const massG = anchor.kg * 1000;
  const side = Math.cbrt(massG) * 10;
  const mm = (f: number) => Math.max(10, Math.round((side * f) / 10) * 10);
  const outside = anchor.mounting === 'outside';
  return {
    key: `${CSS_CALL.slug}/${full ? 'P' : 'L'}${String(index + 1).padStart(2, '0')}`,
    call: CSS_CALL.slug,
    stage,
    status: 'submitted',
    title: anchor.title,
    abstract: `${anchor.objectives} ${anchor.methods}`,
    team: [
      { institution: anchor.lead, role: 'lead' },
      ...(anchor.partners ?? []).map((institution) => ({ institution, role: 'partner' as const })),
    ],
    people,
    scheme: {
      objectives: anchor.objectives,
      methods: anchor.methods,
      expectedResults: full ? 'Data shared with CMSA, UNOOSA and the partner teams; peer-reviewed results.' : '',
      heritage: 'Ground prototype tested; parabolic-flight or drop-tower heritage.',
    },
    sampleRequests: [],
    payloadRequests: [
      {
        offer: `china-space-station/${outside ? 'External payload adapter' : 'Experiment rack'}`,
        name: anchor.title.split(/[ (]/)[0]!,
        massG,
        avgPowerMw: anchor.watts * 1000,
        peakPowerMw: anchor.watts * 1500,
        dataMbPerDay: 50 + (index % 5) * 100,
        lengthMm: mm(1.4),
        widthMm: mm(1),
        heightMm: mm(0.8),
        minTempC: outside ? -40 : 15,
        maxTempC: outside ? 60 : 30,
        mounting: anchor.mounting,
        hazards: [],
      },
    ],
    attachments: full ? ['proposal'] : [],
    at,
    synthetic: note(anchor, stage),
  };
}
