import type { InstitutionKind } from '../../domain/registry/vocabulary.js';

// The demo calls (versioned like src/db/seed/registry.v1.json): the real rounds of REFERENCE.md §1–2
// with the facts that are public, and what is not public filled in plausibly and marked `synthetic`.
// References are slugs of the demo registry; the loader resolves them. Applications are generated
// from the anchors below by demo-calls-generate.ts (deterministic).

export const DEMO_CALLS_VERSION = 1;

export const SYNTHETIC_INSTITUTION_NOTE =
  'Synthetic: added to the registry for the demo applications; the institution is real, its applications in the demo are invented.';

export interface DemoInstitution {
  slug: string;
  name: string;
  nativeName?: string;
  acronym?: string;
  kind: InstitutionKind;
  country: string;
}

/** Institutions the demo applications need beyond the registry (all marked synthetic in the seed fact). */
export const DEMO_INSTITUTIONS: DemoInstitution[] = [
  {
    slug: 'crpg',
    name: 'Centre for Petrographic and Geochemical Research',
    nativeName: 'Centre de Recherches Pétrographiques et Géochimiques',
    acronym: 'CRPG',
    kind: 'research_institute',
    country: 'FR',
  },
  {
    slug: 'university-of-munster',
    name: 'University of Münster',
    nativeName: 'Universität Münster',
    kind: 'university',
    country: 'DE',
  },
  { slug: 'university-of-manchester', name: 'The University of Manchester', kind: 'university', country: 'GB' },
  {
    slug: 'washington-university-st-louis',
    name: 'Washington University in St. Louis',
    acronym: 'WashU',
    kind: 'university',
    country: 'US',
  },
  { slug: 'university-of-new-mexico', name: 'The University of New Mexico', acronym: 'UNM', kind: 'university', country: 'US' },
  {
    slug: 'inaf-iaps',
    name: 'National Institute for Astrophysics, Institute for Space Astrophysics and Planetology',
    nativeName: 'Istituto Nazionale di Astrofisica, Istituto di Astrofisica e Planetologia Spaziali',
    acronym: 'INAF-IAPS',
    kind: 'research_institute',
    country: 'IT',
  },
  {
    slug: 'university-of-padua',
    name: 'University of Padua',
    nativeName: 'Università degli Studi di Padova',
    kind: 'university',
    country: 'IT',
  },
  { slug: 'university-of-bern', name: 'University of Bern', nativeName: 'Universität Bern', kind: 'university', country: 'CH' },
  {
    slug: 'eth-zurich',
    name: 'ETH Zurich',
    nativeName: 'Eidgenössische Technische Hochschule Zürich',
    acronym: 'ETH',
    kind: 'university',
    country: 'CH',
  },
  {
    slug: 'geokhi-ras',
    name: 'Vernadsky Institute of Geochemistry and Analytical Chemistry of the Russian Academy of Sciences',
    nativeName: 'Институт геохимии и аналитической химии им. В. И. Вернадского РАН',
    acronym: 'GEOKHI RAS',
    kind: 'research_institute',
    country: 'RU',
  },
  { slug: 'prl-india', name: 'Physical Research Laboratory', acronym: 'PRL', kind: 'research_institute', country: 'IN' },
  { slug: 'azercosmos', name: 'Azercosmos', kind: 'company', country: 'AZ' },
  {
    slug: 'nas-belarus',
    name: 'National Academy of Sciences of Belarus',
    nativeName: 'Нацыянальная акадэмія навук Беларусі',
    acronym: 'NASB',
    kind: 'research_institute',
    country: 'BY',
  },
  {
    slug: 'abae',
    name: 'Bolivarian Agency for Space Activities',
    nativeName: 'Agencia Bolivariana para Actividades Espaciales',
    acronym: 'ABAE',
    kind: 'space_agency',
    country: 'VE',
  },
  {
    slug: 'institute-of-physics-belgrade',
    name: 'Institute of Physics Belgrade',
    nativeName: 'Институт за физику у Београду',
    kind: 'research_institute',
    country: 'RS',
  },
  { slug: 'al-farabi-knu', name: 'Al-Farabi Kazakh National University', acronym: 'KazNU', kind: 'university', country: 'KZ' },
  {
    slug: 'ucad',
    name: 'Cheikh Anta Diop University of Dakar',
    nativeName: 'Université Cheikh Anta Diop de Dakar',
    acronym: 'UCAD',
    kind: 'university',
    country: 'SN',
  },
  { slug: 'essgi', name: 'Space Science and Geospatial Institute', acronym: 'SSGI', kind: 'research_institute', country: 'ET' },
  {
    slug: 'abe-bolivia',
    name: 'Bolivian Space Agency',
    nativeName: 'Agencia Boliviana Espacial',
    acronym: 'ABE',
    kind: 'space_agency',
    country: 'BO',
  },
  { slug: 'cairo-university', name: 'Cairo University', nativeName: 'جامعة القاهرة', kind: 'university', country: 'EG' },
  {
    slug: 'bauman-mstu',
    name: 'Bauman Moscow State Technical University',
    nativeName: 'МГТУ им. Н. Э. Баумана',
    kind: 'university',
    country: 'RU',
  },
  {
    slug: 'istanbul-technical-university',
    name: 'Istanbul Technical University',
    nativeName: 'İstanbul Teknik Üniversitesi',
    acronym: 'ITU',
    kind: 'university',
    country: 'TR',
  },
  { slug: 'mbrsc', name: 'Mohammed bin Rashid Space Centre', acronym: 'MBRSC', kind: 'space_agency', country: 'AE' },
  {
    slug: 'nasrda',
    name: 'National Space Research and Development Agency',
    acronym: 'NASRDA',
    kind: 'space_agency',
    country: 'NG',
  },
  {
    slug: 'mexican-space-agency',
    name: 'Mexican Space Agency',
    nativeName: 'Agencia Espacial Mexicana',
    acronym: 'AEM',
    kind: 'space_agency',
    country: 'MX',
  },
  { slug: 'university-of-cape-town', name: 'University of Cape Town', acronym: 'UCT', kind: 'university', country: 'ZA' },
];

export interface DemoCriterion {
  key: string;
  name: string;
  description: string;
  weight: number;
}

export interface DemoSampleOffer {
  /** Slug of the registry sample collection. */
  collection: string;
  sampleType: string;
  availableMg: number;
  reserveMg: number;
  maxPerRequestMg: number;
}

export interface DemoModuleOffer {
  mission: string;
  module: string;
  poolMassG: number;
  poolPowerMw?: number;
  itemMaxMassG?: number;
  itemMaxLengthMm?: number;
  itemMaxWidthMm?: number;
  itemMaxHeightMm?: number;
  itemMinTempC?: number;
  itemMaxTempC?: number;
  mounting?: 'inside' | 'outside' | 'either';
}

export interface DemoCall {
  slug: string;
  program: string;
  title: string;
  summary: string;
  status: 'published' | 'closed';
  stages: 1 | 2;
  timeZone: string;
  opensAt: string;
  loiClosesAt?: string;
  closesAt: string;
  eligibility: Record<string, unknown>;
  requiredDocuments: { key: string; name: string; required: boolean; description?: string }[];
  criteria: DemoCriterion[];
  sampleOffers: DemoSampleOffer[];
  moduleOffers: DemoModuleOffer[];
  synthetic: string | null;
}

const SAMPLE_CRITERIA: DemoCriterion[] = [
  {
    key: 'scientific_merit',
    name: 'Scientific merit',
    description: 'The scientific value of the experimental scheme ("scientificity").',
    weight: 40,
  },
  {
    key: 'advancement',
    name: 'Advancement',
    description: 'How advanced and original the scheme and its methods are.',
    weight: 30,
  },
  {
    key: 'feasibility',
    name: 'Feasibility',
    description: 'Whether the methods, facilities and sample handling can deliver it.',
    weight: 20,
  },
  {
    key: 'team',
    name: 'Team',
    description: 'Experience and track record of the team with extraterrestrial samples.',
    weight: 10,
  },
];

const PAYLOAD_CRITERIA: DemoCriterion[] = [
  { key: 'science', name: 'Scientific value', description: 'Objectives and their value to the mission.', weight: 35 },
  { key: 'maturity', name: 'Technical maturity', description: 'Readiness level, heritage and development plan.', weight: 25 },
  {
    key: 'accommodation',
    name: 'Accommodation',
    description: 'Fit with the mass, power, envelope and environment offered.',
    weight: 20,
  },
  {
    key: 'cooperation',
    name: 'Cooperation',
    description: 'Partnership, data sharing and contribution to international cooperation.',
    weight: 20,
  },
];

const SAMPLE_DOCUMENTS = [
  {
    key: 'experimental_scheme',
    name: 'Experimental scheme (PDF)',
    required: true,
    description: 'Objectives, methods, sample handling and expected results.',
  },
  {
    key: 'letter_of_support',
    name: 'Letter of support',
    required: false,
    description: 'From the institution hosting the laboratory.',
  },
];

const PAYLOAD_DOCUMENTS = [
  {
    key: 'proposal',
    name: 'Full proposal (PDF)',
    required: true,
    description: 'Science case, instrument description, development plan.',
  },
  { key: 'interface_description', name: 'Preliminary interface description', required: false },
];

/** 23:59 in Asia/Shanghai (UTC+8, no daylight saving) of a date, as a UTC instant. */
const shanghai = (date: string, time = '23:59') => new Date(`${date}T${time}:00+08:00`).toISOString();

export const DEMO_CALLS: DemoCall[] = [
  {
    slug: 'change-5-international-2025',
    program: 'change-5-sample-loans',
    title: "Chang'e-5 international lunar sample loans, 2025 round",
    summary:
      "The first round of loans of Chang'e-5 lunar samples to institutions outside China for research. Applications are screened on the scientific merit of the experimental scheme and how advanced it is; approved applicants sign a loan agreement within 10 working days. Results announced 24 Apr 2025: 24 applications from 11 countries asked for 71 sample sets; 7 institutions in 6 countries approved.",
    status: 'closed',
    stages: 1,
    timeZone: 'Asia/Shanghai',
    opensAt: shanghai('2024-09-02', '00:00'),
    closesAt: shanghai('2024-12-31'),
    eligibility: {},
    requiredDocuments: SAMPLE_DOCUMENTS,
    criteria: SAMPLE_CRITERIA,
    sampleOffers: [
      {
        collection: 'change-5-samples',
        sampleType: 'regolith (powder)',
        availableMg: 12_000,
        reserveMg: 3_000,
        maxPerRequestMg: 800,
      },
      { collection: 'change-5-samples', sampleType: 'basalt fragment', availableMg: 3_000, reserveMg: 600, maxPerRequestMg: 500 },
      { collection: 'change-5-samples', sampleType: 'breccia', availableMg: 1_500, reserveMg: 300, maxPerRequestMg: 300 },
      { collection: 'change-5-samples', sampleType: 'glass bead', availableMg: 300, reserveMg: 60, maxPerRequestMg: 50 },
    ],
    moduleOffers: [],
    synthetic:
      'The round and its outcome are real (24 applications, 11 countries, 71 sample sets, 7 institutions approved on 24 Apr 2025); the window dates, the masses offered and the contents of the applications are invented for the demo.',
  },
  {
    slug: 'change-8-international-2023',
    program: 'change-8-cooperation',
    title: "Chang'e-8 international cooperation call",
    summary:
      "Mission-, system- (separable rover, robot) or instrument-level cooperation on Chang'e-8 (launch about 2029, Leibnitz-Beta plateau). Call 2 Oct 2023; letters of intent by 31 Dec 2023. 200 kg on the lander including interfaces, separation hardware and cables; no single item over 100 kg. 41 proposals were merged and selected into 10 projects (announced 24 Apr 2025).",
    status: 'closed',
    stages: 2,
    timeZone: 'Asia/Shanghai',
    opensAt: shanghai('2023-10-02', '00:00'),
    loiClosesAt: shanghai('2023-12-31'),
    closesAt: shanghai('2024-06-30'),
    eligibility: {},
    requiredDocuments: PAYLOAD_DOCUMENTS,
    criteria: PAYLOAD_CRITERIA,
    sampleOffers: [],
    moduleOffers: [{ mission: 'change-8', module: 'Lander', poolMassG: 200_000, itemMaxMassG: 100_000 }],
    synthetic:
      'The call, its letter-of-intent deadline, the lander budget and the 10 selected projects are real; the full-proposal deadline, the 31 proposals not selected and the contents of all proposals are invented for the demo.',
  },
  {
    slug: 'tianwen-3-partner-payloads-2025',
    program: 'tianwen-3-payloads',
    title: 'Tianwen-3 partner payloads call',
    summary:
      'Payloads of international partners on the Tianwen-3 Mars sample return (launch about 2028): up to 15 kg on the orbiter (350 km circular orbit) and 5 kg on the service module (elliptical orbit); per device at most 300 x 200 x 200 mm; -50 to +70 °C inside. Letters of intent by 30 Jun 2025; initial selection Jul-Aug 2025; proposals by 30 Sep 2025.',
    status: 'closed',
    stages: 2,
    timeZone: 'Asia/Shanghai',
    opensAt: shanghai('2025-03-20', '00:00'),
    loiClosesAt: shanghai('2025-06-30'),
    closesAt: shanghai('2025-09-30'),
    eligibility: {},
    requiredDocuments: PAYLOAD_DOCUMENTS,
    criteria: PAYLOAD_CRITERIA,
    sampleOffers: [],
    moduleOffers: [
      {
        mission: 'tianwen-3',
        module: 'Orbiter',
        poolMassG: 15_000,
        poolPowerMw: 40_000,
        itemMaxLengthMm: 300,
        itemMaxWidthMm: 200,
        itemMaxHeightMm: 200,
        itemMinTempC: -50,
        itemMaxTempC: 70,
        mounting: 'inside',
      },
      {
        mission: 'tianwen-3',
        module: 'Service module',
        poolMassG: 5_000,
        itemMaxLengthMm: 300,
        itemMaxWidthMm: 200,
        itemMaxHeightMm: 200,
        itemMinTempC: -50,
        itemMaxTempC: 70,
        mounting: 'inside',
      },
    ],
    synthetic:
      'The call, its deadlines and the resources offered are real (the 40 W power pool is unconfirmed); every application in it is invented for the demo.',
  },
  {
    slug: 'lunar-samples-international-2026-27',
    program: 'change-5-sample-loans',
    title: "Chang'e-5 and Chang'e-6 international lunar sample loans, 2026-27 round",
    summary:
      "Loans of Chang'e-5 (Oceanus Procellarum) and Chang'e-6 (far side, South Pole-Aitken basin) lunar samples to institutions outside China for research. Send the experimental scheme; applications are screened on scientific merit and how advanced the scheme is. Approved applicants sign a loan agreement within 10 working days.",
    status: 'published',
    stages: 1,
    timeZone: 'Asia/Shanghai',
    opensAt: shanghai('2026-10-01', '00:00'),
    closesAt: shanghai('2027-03-31'),
    eligibility: {},
    requiredDocuments: SAMPLE_DOCUMENTS,
    criteria: SAMPLE_CRITERIA,
    sampleOffers: [
      {
        collection: 'change-5-samples',
        sampleType: 'regolith (powder)',
        availableMg: 10_000,
        reserveMg: 2_500,
        maxPerRequestMg: 800,
      },
      { collection: 'change-5-samples', sampleType: 'basalt fragment', availableMg: 2_500, reserveMg: 500, maxPerRequestMg: 500 },
      { collection: 'change-5-samples', sampleType: 'breccia', availableMg: 1_200, reserveMg: 250, maxPerRequestMg: 300 },
      { collection: 'change-5-samples', sampleType: 'glass bead', availableMg: 250, reserveMg: 50, maxPerRequestMg: 50 },
      {
        collection: 'change-6-samples',
        sampleType: 'regolith (powder)',
        availableMg: 8_000,
        reserveMg: 2_000,
        maxPerRequestMg: 500,
      },
      { collection: 'change-6-samples', sampleType: 'basalt fragment', availableMg: 2_000, reserveMg: 500, maxPerRequestMg: 400 },
      { collection: 'change-6-samples', sampleType: 'breccia', availableMg: 1_500, reserveMg: 300, maxPerRequestMg: 300 },
      { collection: 'change-6-samples', sampleType: 'glass bead', availableMg: 200, reserveMg: 50, maxPerRequestMg: 40 },
    ],
    moduleOffers: [],
    synthetic:
      'An invented round: CNSA said it will keep accepting international applications for lunar samples, but this call, its dates and its masses are made up for the demo.',
  },
];
