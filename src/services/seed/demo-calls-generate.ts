import type { ApplicationStage, Hazard, SampleForm } from '../../domain/calls/vocabulary.js';
import {
  HANDLING_NOTES,
  LUNAR_TOPICS,
  MARS_TOPICS,
  type PayloadTopic,
  PEOPLE,
  SAMPLE_HERITAGE,
  SAMPLE_PURPOSES,
  SAMPLE_TOPICS,
  SAMPLE_TYPE_NAMES,
  type SampleTypeKey,
} from './demo-calls-text.js';

// The demo applications, generated deterministically (a seeded PRNG) from the anchors below: the
// real applicants where they are public (the 7 approved Chang'e-5 borrowers, the 10 Chang'e-8
// projects), invented ones elsewhere. References are slugs and offer keys; the loader resolves them.

export interface DemoTeamMember {
  institution: string;
  role: 'lead' | 'partner';
}

export interface DemoPerson {
  name: string;
  email: string;
  institution: string;
  role: 'principal_investigator' | 'co_investigator';
}

/** `collection/sampleType` or `mission/module name`, as in demo-calls-data.ts. */
export type OfferKey = string;

export interface DemoSampleRequest {
  offer: OfferKey;
  massMg: number;
  form: SampleForm;
  purpose: string;
}

export interface DemoPayloadRequest {
  offer: OfferKey;
  name: string;
  massG: number;
  avgPowerMw: number;
  peakPowerMw: number;
  dataMbPerDay: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  minTempC: number;
  maxTempC: number;
  mounting: 'inside' | 'outside';
  hazards: Hazard[];
}

export interface DemoApplication {
  /** Stable name, e.g. "change-5-international-2025/07". */
  key: string;
  call: string;
  stage: ApplicationStage;
  /** `draft`: a full proposal whose submission was refused (over a limit); never stored as submitted. */
  status: 'submitted' | 'shortlisted' | 'not_shortlisted' | 'draft';
  title: string;
  abstract: string;
  team: DemoTeamMember[];
  people: DemoPerson[];
  scheme: { objectives: string; methods: string; expectedResults: string; heritage: string };
  sampleRequests: DemoSampleRequest[];
  payloadRequests: DemoPayloadRequest[];
  /** Document keys of the PDFs attached (full proposals). */
  attachments: string[];
  /** When it was submitted (or, for a refused draft, last edited): UTC ISO. */
  at: string;
  synthetic: string;
}

/** mulberry32 over a 32-bit FNV-1a hash of the seed. */
export function prng(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();
const roundTo = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);

/** An instant in [from, to), weighted towards the deadline as submissions are; whole minutes. */
function instant(rng: Rng, from: string, to: string): string {
  const a = Date.parse(from);
  const b = Date.parse(to) - 3 * 3600_000;
  const t = a + (b - a) * Math.sqrt(rng());
  return new Date(Math.floor(t / 60_000) * 60_000).toISOString();
}

function slugLocal(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

/** A principal investigator and 0–2 co-investigators from the team's countries (invented names). */
function peopleFor(rng: Rng, team: DemoTeamMember[], countryOf: (slug: string) => string): DemoPerson[] {
  const used = new Set<string>();
  const person = (institution: string, role: DemoPerson['role']): DemoPerson => {
    const pool = PEOPLE[countryOf(institution)] ?? PEOPLE.GB!;
    let name = pick(rng, pool);
    for (let i = 0; used.has(name) && i < pool.length; i++) name = pool[(pool.indexOf(name) + 1) % pool.length]!;
    used.add(name);
    return { name, email: `${slugLocal(name)}@${institution}.applicants.orbitshare.demo`, institution, role };
  };
  const lead = team.find((m) => m.role === 'lead')!;
  const out = [person(lead.institution, 'principal_investigator')];
  const coIs = Math.floor(rng() * 3);
  for (let i = 0; i < coIs; i++) out.push(person(pick(rng, team).institution, 'co_investigator'));
  return out;
}

const SYNTHETIC_CONTENT = 'Synthetic content: the title, scheme, people and requests are invented for the demo.';

// ---- Chang'e-5, 2025 round -----------------------------------------------------------------

const CE5_CALL = 'change-5-international-2025';

/** The 24 applicants: the 7 approved institutions first, then 17 invented applications. */
const CE5_TEAMS: { lead: string; partners?: string[] }[] = [
  { lead: 'ipgp' },
  { lead: 'university-of-cologne' },
  { lead: 'osaka-university' },
  { lead: 'suparco', partners: ['ist-pakistan'] },
  { lead: 'open-university' },
  { lead: 'brown-university' },
  { lead: 'stony-brook-university' },
  { lead: 'university-of-bern' },
  { lead: 'crpg' },
  { lead: 'eth-zurich' },
  { lead: 'geokhi-ras' },
  { lead: 'university-of-padua', partners: ['inaf-iaps'] },
  { lead: 'university-of-new-mexico' },
  { lead: 'university-of-munster' },
  { lead: 'prl-india' },
  { lead: 'iki-ras', partners: ['geokhi-ras'] },
  { lead: 'inaf-iaps' },
  { lead: 'university-of-manchester' },
  { lead: 'washington-university-st-louis' },
  { lead: 'university-of-tokyo' },
  { lead: 'iit' },
  { lead: 'chiang-mai-university', partners: ['narit'] },
  { lead: 'narit' },
  { lead: 'ist-pakistan' },
];

export const CE5_APPROVED = [
  'ipgp',
  'university-of-cologne',
  'osaka-university',
  'suparco',
  'open-university',
  'brown-university',
  'stony-brook-university',
];

/** Offer limits the generator keeps to (mirrors demo-calls-data.ts). */
const CE5_MAX_MG: Record<SampleTypeKey, number> = { regolith: 800, basalt: 500, breccia: 300, glass: 50 };
const FORMS: Record<SampleTypeKey, SampleForm[]> = {
  regolith: ['powder_portion'],
  basalt: ['rock_fragment', 'thin_section'],
  breccia: ['rock_fragment', 'thin_section'],
  glass: ['rock_fragment'],
};

function ce5Applications(countryOf: (slug: string) => string): DemoApplication[] {
  const rng = prng(`orbitshare/demo-calls/v1/${CE5_CALL}`);
  return CE5_TEAMS.map((t, i) => {
    const topic = SAMPLE_TOPICS[i]!;
    const team: DemoTeamMember[] = [
      { institution: t.lead, role: 'lead' },
      ...(t.partners ?? []).map((p) => ({ institution: p, role: 'partner' as const })),
    ];
    const sampleRequests = topic.types.map((type) => ({
      offer: `change-5-samples/${SAMPLE_TYPE_NAMES[type]}`,
      massMg: roundTo(CE5_MAX_MG[type] * between(rng, 0.4, 1), type === 'glass' ? 5 : 10),
      form: pick(rng, FORMS[type]),
      purpose: pick(rng, SAMPLE_PURPOSES),
    }));
    const approved = CE5_APPROVED.includes(t.lead);
    return {
      key: `${CE5_CALL}/${String(i + 1).padStart(2, '0')}`,
      call: CE5_CALL,
      stage: 'full_proposal',
      status: 'submitted',
      title: topic.title,
      abstract: `${topic.objectives} ${topic.expected}`,
      team,
      people: peopleFor(rng, team, countryOf),
      scheme: {
        objectives: topic.objectives,
        methods: `${topic.methods} ${pick(rng, HANDLING_NOTES)}`,
        expectedResults: topic.expected,
        heritage: pick(rng, SAMPLE_HERITAGE),
      },
      sampleRequests,
      payloadRequests: [],
      attachments: rng() < 0.5 ? ['experimental_scheme', 'letter_of_support'] : ['experimental_scheme'],
      at: instant(rng, '2024-09-02T00:00:00+08:00', '2024-12-31T23:59:00+08:00'),
      synthetic: approved
        ? `The applicant is real (approved 24 Apr 2025); ${SYNTHETIC_CONTENT.charAt(0).toLowerCase()}${SYNTHETIC_CONTENT.slice(1)}`
        : `Synthetic application: the 17 applications not approved in the round are not public. ${SYNTHETIC_CONTENT}`,
    } satisfies DemoApplication;
  });
}

// ---- Payload calls -------------------------------------------------------------------------

interface PayloadAnchor {
  team: DemoTeamMember[];
  title: string;
  abstract?: string;
  level?: string;
  /** Fixed figures (real projects); otherwise drawn from the topic. */
  items: { topic?: PayloadTopic; name?: string; kg?: number; watts?: number; module?: string; dims?: [number, number, number] }[];
  objectives: string;
  methods: string;
  real?: boolean;
  /** Invented full proposal whose submission was refused; left as a draft. */
  refused?: string;
  /** A letter of intent that was not shortlisted (no full proposal). */
  notShortlisted?: boolean;
}

const lead = (institution: string, ...partners: string[]): DemoTeamMember[] => [
  { institution, role: 'lead' },
  ...partners.map((p) => ({ institution: p, role: 'partner' as const })),
];

const CE8_CALL = 'change-8-international-2023';

/** The 10 projects selected (registry projects of change-8-cooperation); figures invented except the rover. */
const CE8_SELECTED: PayloadAnchor[] = [
  {
    team: lead('hkust', 'polyu'),
    title: 'Lunar surface multi-functional robot and mobile charging station',
    items: [
      { name: 'Multi-functional surface robot', kg: 32, watts: 60, dims: [900, 700, 600] },
      { name: 'Mobile charging station', kg: 14, watts: 20, dims: [600, 500, 400] },
    ],
    objectives: 'Assist lander operations with a robot that moves payloads and tools, and recharge it from a mobile station.',
    methods: 'A wheeled robot with a manipulator arm and a deployable solar charging station docked to it.',
    real: true,
  },
  {
    team: lead('suparco', 'istvs'),
    title: 'Pakistani lunar rover',
    items: [{ name: 'Lunar rover', kg: 35, watts: 45, dims: [1000, 800, 600] }],
    objectives: 'Map the terrain around the landing site and analyse the regolith along a rover traverse.',
    methods: 'A six-wheeled rover with stereo cameras, a terrain-mechanics package and a regolith analyser.',
    real: true,
  },
  {
    team: lead('metu'),
    title: 'Intelligent exploration robot for challenging environments',
    items: [{ name: 'Exploration robot with two micro-rovers', kg: 26, watts: 40, dims: [800, 600, 500] }],
    objectives: 'Explore terrain the lander cannot see with a mother robot and two micro-rovers.',
    methods: 'Autonomous navigation, micro-rover release and relay of images and measurements through the lander.',
    real: true,
  },
  {
    team: lead('sarao', 'conida'),
    title: 'Lunar radio astronomy array',
    items: [{ name: 'Low-frequency radio array', kg: 14, watts: 25, dims: [700, 500, 300] }],
    objectives: 'Observe the low-frequency radio sky from the Moon, free of the Earth’s ionosphere.',
    methods: 'Deployable antenna elements with a digital correlator on the lander.',
    real: true,
  },
  {
    team: lead('infn-lnf'),
    title: 'Laser retroreflector array',
    items: [{ name: 'Laser retroreflector array', kg: 1.2, watts: 0, dims: [250, 250, 90] }],
    objectives: 'Provide a passive target for lunar laser ranging and tests of general relativity.',
    methods: 'An array of solid corner-cube retroreflectors on the lander deck; no power or data.',
    real: true,
  },
  {
    team: lead('iki-ras', 'roscosmos'),
    title: 'Lunar plasma-dust exosphere sensor',
    items: [{ name: 'Plasma-dust exosphere sensor', kg: 3.6, watts: 8, dims: [300, 200, 180] }],
    objectives: 'Measure levitating dust and plasma near the surface of the south polar region.',
    methods: 'Impact sensors, an electric-field probe and optical dust detection.',
    real: true,
  },
  {
    team: lead('iki-ras', 'roscosmos'),
    title: 'Lunar ion and energetic-neutral analyser',
    items: [{ name: 'Ion and energetic-neutral analyser', kg: 2.9, watts: 7, dims: [280, 200, 160] }],
    objectives: 'Measure solar-wind ions reflected from the surface and sputtered energetic neutral atoms.',
    methods: 'An electrostatic analyser with a time-of-flight section.',
    real: true,
  },
  {
    team: lead('mhesi', 'narit'),
    title: 'Lunar neutron analyser',
    items: [{ name: 'Neutron analyser', kg: 4.5, watts: 9, dims: [300, 250, 200] }],
    objectives: 'Measure neutron fluxes from the surface to estimate hydrogen in the regolith.',
    methods: 'Helium-3 and scintillator detectors for thermal, epithermal and fast neutrons.',
    real: true,
  },
  {
    team: lead('nssa', 'egsa'),
    title: 'Visible and infrared lunar surface imager',
    items: [{ name: 'Visible and infrared imager', kg: 3.2, watts: 10, dims: [300, 200, 200] }],
    objectives: 'Image the landing site in visible and infrared bands for geology and temperature.',
    methods: 'A multispectral camera and a thermal imager on a pan-tilt unit.',
    real: true,
  },
  {
    team: lead('iranian-space-agency'),
    title: 'Lunar electric-potential monitor',
    items: [{ name: 'Electric-potential monitor', kg: 2.1, watts: 5, dims: [250, 200, 150] }],
    objectives: 'Monitor the electric potential of the lunar surface through the day and night.',
    methods: 'Electric-field mills and a Langmuir probe on a short boom.',
    real: true,
  },
];

/** [lead, partners, topic index] of the 31 invented Chang'e-8 proposals, then 9 letters not shortlisted. */
const CE8_SYNTHETIC: [string, string[], number][] = [
  ['institute-of-physics-belgrade', [], 8],
  ['azercosmos', [], 7],
  ['nas-belarus', [], 16],
  ['abae', [], 18],
  ['al-farabi-knu', [], 2],
  ['ucad', ['cairo-university'], 14],
  ['essgi', [], 0],
  ['abe-bolivia', [], 10],
  ['cairo-university', [], 3],
  ['bauman-mstu', [], 11],
  ['istanbul-technical-university', [], 13],
  ['mbrsc', [], 12],
  ['nasrda', [], 6],
  ['mexican-space-agency', [], 15],
  ['university-of-cape-town', ['sarao'], 4],
  ['university-of-bern', [], 17],
  ['eth-zurich', [], 1],
  ['kacst', [], 19],
  ['ist-pakistan', [], 9],
  ['irf', [], 17],
  ['ncbj', [], 8],
  ['iia', [], 15],
  ['inaf-iaps', [], 2],
  ['mahidol-university', ['chiang-mai-university'], 6],
  ['ulb', [], 5],
  ['machakos-university', [], 14],
  ['iloa', [], 15],
  ['kacst', [], 4],
  ['university-of-geneva', [], 9],
  ['irap', ['cnes'], 0],
  ['conida', [], 18],
  // letters of intent not shortlisted
  ['nasrda', [], 16],
  ['essgi', [], 10],
  ['abae', [], 13],
  ['ucad', [], 8],
  ['al-farabi-knu', [], 11],
  ['mexican-space-agency', [], 2],
  ['nas-belarus', [], 7],
  ['istanbul-technical-university', [], 5],
  ['university-of-cape-town', [], 18],
];
const CE8_FULL_SYNTHETIC = 31;

const TW3_CALL = 'tianwen-3-partner-payloads-2025';

const TW3_ANCHORS: (Omit<PayloadAnchor, 'items' | 'objectives' | 'methods' | 'title'> & {
  topic: number;
  title?: string;
  override?: {
    name: string;
    kg: number;
    watts: number;
    module: string;
    dims: [number, number, number];
    objectives: string;
    methods: string;
  };
})[] = [
  { team: lead('irf'), topic: 0 },
  { team: lead('iki-ras'), topic: 7 },
  { team: lead('university-of-bern'), topic: 3 },
  { team: lead('narit', 'mahidol-university'), topic: 1 },
  { team: lead('mbrsc'), topic: 2 },
  { team: lead('infn-lnf'), topic: 4 },
  { team: lead('ist-pakistan'), topic: 5 },
  { team: lead('egsa', 'cairo-university'), topic: 6 },
  { team: lead('istanbul-technical-university'), topic: 8 },
  { team: lead('irap', 'cnes'), topic: 9 },
  {
    team: lead('nssa'),
    topic: -1,
    title: 'Mars hyperspectral imager',
    refused: 'the imager (340 x 180 x 160 mm) does not fit the 300 x 200 x 200 mm envelope',
    override: {
      name: 'MHSI',
      kg: 4.2,
      watts: 12,
      module: 'Orbiter',
      dims: [340, 180, 160],
      objectives: 'Map surface mineralogy of candidate sample sites in the visible and near infrared.',
      methods: 'A push-broom hyperspectral imager from 0.4 to 2.5 µm with 10 nm sampling.',
    },
  },
  {
    team: lead('pmod-wrc'),
    topic: -1,
    title: 'Total and spectral solar irradiance radiometer for Mars orbit',
    refused: 'the radiometer (5.8 kg) weighs more than the 5 kg the service module offers',
    override: {
      name: 'MSIR',
      kg: 5.8,
      watts: 6,
      module: 'Service module',
      dims: [290, 190, 180],
      objectives: 'Measure the total solar irradiance at Mars and its variability for climate studies.',
      methods: 'Redundant absolute cavity radiometers and a filter radiometer with a shutter.',
    },
  },
  // letters of intent not shortlisted
  { team: lead('cairo-university'), topic: 7, notShortlisted: true, title: 'Martian dust storm infrared sounder' },
  { team: lead('nasrda'), topic: 1, notShortlisted: true, title: 'Radiation dosimeter for the Mars transfer' },
];

function payloadRequest(
  rng: Rng,
  offer: OfferKey,
  item: { topic?: PayloadTopic; name?: string; kg?: number; watts?: number; dims?: [number, number, number] },
  mounting: 'inside' | 'outside',
  temps: [number, number],
): DemoPayloadRequest {
  const topic = item.topic;
  const massG = Math.round(((item.kg ?? between(rng, topic!.kg[0], topic!.kg[1])) * 1000) / 10) * 10;
  const watts = item.watts ?? between(rng, topic!.watts[0], topic!.watts[1]);
  const avgPowerMw = Math.round((watts * 1000) / 100) * 100;
  const dataMb = topic
    ? Math.round(between(rng, topic.dataMb[0], topic.dataMb[1]))
    : avgPowerMw === 0
      ? 0
      : Math.round(between(rng, 5, 80));
  let dims = item.dims;
  if (!dims) {
    // A box of plausible density (about 1 g/cm³ for instruments), rounded to 10 mm.
    const side = Math.cbrt(massG) * 10;
    dims = [
      roundTo(side * between(rng, 1.1, 1.5), 10),
      roundTo(side * between(rng, 0.8, 1.1), 10),
      roundTo(side * between(rng, 0.6, 0.9), 10),
    ];
  }
  return {
    offer,
    name: item.name ?? topic!.name,
    massG,
    avgPowerMw,
    peakPowerMw: Math.round((avgPowerMw * between(rng, 1.2, 2)) / 100) * 100,
    dataMbPerDay: dataMb,
    lengthMm: dims[0],
    widthMm: dims[1],
    heightMm: dims[2],
    minTempC: temps[0],
    maxTempC: temps[1],
    mounting,
    hazards: [...(topic?.hazards ?? [])],
  };
}

function payloadApplication(
  rng: Rng,
  call: string,
  index: number,
  stage: ApplicationStage,
  status: DemoApplication['status'],
  anchor: PayloadAnchor,
  requests: DemoPayloadRequest[],
  at: string,
  countryOf: (slug: string) => string,
  synthetic: string,
): DemoApplication {
  const lo = stage === 'letter_of_intent' ? 'L' : 'P';
  return {
    key: `${call}/${lo}${String(index + 1).padStart(2, '0')}`,
    call,
    stage,
    status,
    title: anchor.title,
    abstract: anchor.abstract ?? `${anchor.objectives} ${anchor.methods}`,
    team: anchor.team,
    people: peopleFor(rng, anchor.team, countryOf),
    scheme: {
      objectives: anchor.objectives,
      methods: anchor.methods,
      expectedResults:
        stage === 'full_proposal'
          ? pick(rng, [
              'Calibrated data delivered to the partners and archived with the mission data within six months.',
              'A flight model delivered for integration, and science data shared with CNSA and the partner teams.',
              'Peer-reviewed results and a public data set after the proprietary period.',
            ])
          : '',
      heritage: pick(rng, [
        'Heritage from earlier lunar and planetary missions; engineering model tested in thermal vacuum.',
        'Laboratory prototype at TRL 4; flight heritage of the detector on a cubesat.',
        'Builds on the team’s instrument for an earlier Chang’e mission.',
        'New development; the team has flown instruments on Earth-orbit satellites.',
      ]),
    },
    sampleRequests: [],
    payloadRequests: requests,
    attachments: stage === 'full_proposal' ? (rng() < 0.4 ? ['proposal', 'interface_description'] : ['proposal']) : [],
    at,
    synthetic,
  };
}

function ce8Applications(countryOf: (slug: string) => string): DemoApplication[] {
  const rng = prng(`orbitshare/demo-calls/v1/${CE8_CALL}`);
  const offer = 'change-8/Lander';
  const anchors: PayloadAnchor[] = [
    ...CE8_SELECTED,
    ...CE8_SYNTHETIC.map(([leadSlug, partners, t], i): PayloadAnchor => {
      const topic = LUNAR_TOPICS[t]!;
      return {
        team: lead(leadSlug, ...partners),
        title: topic.title,
        items: [{ topic }],
        objectives: topic.objectives,
        methods: topic.methods,
        notShortlisted: i >= CE8_FULL_SYNTHETIC,
      };
    }),
  ];
  const out: DemoApplication[] = [];
  anchors.forEach((anchor, i) => {
    const requests = anchor.items.map((item) => payloadRequest(rng, offer, item, 'outside', [-40, 60]));
    const real = anchor.real === true;
    const loiNote = real
      ? `A selected project (announced 24 Apr 2025); its letter of intent is reconstructed. ${SYNTHETIC_CONTENT}`
      : `Synthetic letter of intent. ${SYNTHETIC_CONTENT}`;
    const loiAt = instant(rng, '2023-10-09T00:00:00+08:00', '2023-12-31T23:59:00+08:00');
    out.push(
      payloadApplication(
        rng,
        CE8_CALL,
        i,
        'letter_of_intent',
        anchor.notShortlisted ? 'not_shortlisted' : 'shortlisted',
        anchor,
        requests.map((r) => ({ ...r })),
        loiAt,
        countryOf,
        loiNote,
      ),
    );
    if (anchor.notShortlisted) return;
    out.push(
      payloadApplication(
        rng,
        CE8_CALL,
        i,
        'full_proposal',
        'submitted',
        anchor,
        requests,
        instant(rng, '2024-03-01T00:00:00+08:00', '2024-06-30T23:59:00+08:00'),
        countryOf,
        real
          ? `A selected project (announced 24 Apr 2025): the team and the title are real; masses (except the rover's ~35 kg) and texts are invented. ${SYNTHETIC_CONTENT}`
          : `Synthetic proposal: the 31 proposals merged away or not selected are not public. ${SYNTHETIC_CONTENT}`,
      ),
    );
  });
  return out;
}

function tw3Applications(countryOf: (slug: string) => string): DemoApplication[] {
  const rng = prng(`orbitshare/demo-calls/v1/${TW3_CALL}`);
  const out: DemoApplication[] = [];
  TW3_ANCHORS.forEach((a, i) => {
    const topic = a.topic >= 0 ? MARS_TOPICS[a.topic]! : undefined;
    const o = a.override;
    const module = o?.module ?? topic!.module;
    const anchor: PayloadAnchor = {
      team: a.team,
      title: a.title ?? topic!.title,
      items: [],
      objectives: o?.objectives ?? topic!.objectives,
      methods: o?.methods ?? topic!.methods,
    };
    const request = payloadRequest(
      rng,
      `tianwen-3/${module}`,
      o ? { name: o.name, kg: o.kg, watts: o.watts, dims: o.dims } : { topic: topic! },
      'inside',
      [-40, 60],
    );
    out.push(
      payloadApplication(
        rng,
        TW3_CALL,
        i,
        'letter_of_intent',
        a.notShortlisted ? 'not_shortlisted' : 'shortlisted',
        anchor,
        // A refused proposal's device grew after its letter of intent, which still fitted.
        [
          a.refused
            ? { ...request, lengthMm: Math.min(request.lengthMm, 290), massG: Math.min(request.massG, 4_600) }
            : { ...request },
        ],
        instant(rng, '2025-04-07T00:00:00+08:00', '2025-06-30T23:59:00+08:00'),
        countryOf,
        `Synthetic letter of intent. ${SYNTHETIC_CONTENT}`,
      ),
    );
    if (a.notShortlisted) return;
    out.push(
      payloadApplication(
        rng,
        TW3_CALL,
        i,
        'full_proposal',
        a.refused ? 'draft' : 'submitted',
        anchor,
        [request],
        instant(rng, '2025-08-25T00:00:00+08:00', '2025-09-30T23:59:00+08:00'),
        countryOf,
        a.refused
          ? `Synthetic proposal, refused at submission and left as a draft: ${a.refused}. ${SYNTHETIC_CONTENT}`
          : `Synthetic proposal. ${SYNTHETIC_CONTENT}`,
      ),
    );
  });
  return out;
}

/**
 * Every demo application, in the order they are loaded (by call, then by the time they were
 * submitted, so each check sees what was asked before it). `countryOf` gives an institution's
 * country code (for the invented names of people).
 */
export function generateDemoApplications(countryOf: (slug: string) => string): DemoApplication[] {
  const all = [...ce5Applications(countryOf), ...ce8Applications(countryOf), ...tw3Applications(countryOf)];
  return all.sort((a, b) => a.call.localeCompare(b.call) || a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
}
