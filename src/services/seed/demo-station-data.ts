import type { DemoCall, DemoCriterion } from './demo-calls-data.js';
import type { DemoExpert } from './demo-review-data.js';

// The China Space Station's first cycle (call 28 May 2018, with UNOOSA): 42 applications from 27
// countries, about 60 evaluators, 18 shortlisted, 9 selected (6 + 3 conditionally) on 12 Jun 2019.
// The 9 selected projects are real (registry projects of css-first-cycle); everything else here —
// the 33 other applications, masses, powers, texts, experts and their scores — is invented and marked.

export const CSS_CALL_SLUG = 'css-first-cycle-2018';
export const CSS_SHORTLIST = 18;

const shanghai = (date: string, time = '23:59') => new Date(`${date}T${time}:00+08:00`).toISOString();

/** A 1–10 scale: two stages of evaluators' marks, finer than the default 1–5. */
const CSS_CRITERIA: (DemoCriterion & { scaleMin: number; scaleMax: number })[] = [
  {
    key: 'science',
    name: 'Scientific merit',
    description: 'Originality and value of the experiment.',
    weight: 40,
    scaleMin: 1,
    scaleMax: 10,
  },
  {
    key: 'feasibility',
    name: 'Technical feasibility',
    description: 'Maturity, team and plan.',
    weight: 25,
    scaleMin: 1,
    scaleMax: 10,
  },
  {
    key: 'utilisation',
    name: 'Use of the station',
    description: 'Need for microgravity or exposure in orbit.',
    weight: 15,
    scaleMin: 1,
    scaleMax: 10,
  },
  {
    key: 'capacity',
    name: 'Capacity building',
    description: 'Benefit to developing countries and to cooperation.',
    weight: 20,
    scaleMin: 1,
    scaleMax: 10,
  },
];

export const CSS_CALL: DemoCall = {
  slug: CSS_CALL_SLUG,
  program: 'css-first-cycle',
  title: 'China Space Station: opportunities for international experiments, first cycle (with UNOOSA)',
  summary:
    'Call of CMSA and UNOOSA (28 May 2018, deadline 30 Sep 2018) for experiments inside the station, outside it or on Chinese facilities, open to all UN member states. 42 applications from 27 countries; about 60 evaluators; 18 shortlisted; 9 projects (6 selected, 3 conditionally) from 23 entities in 17 countries, announced 12 Jun 2019.',
  status: 'closed',
  stages: 2,
  timeZone: 'Asia/Shanghai',
  opensAt: shanghai('2018-05-28', '00:00'),
  loiClosesAt: shanghai('2018-09-30'),
  closesAt: shanghai('2019-03-31'),
  eligibility: {},
  requiredDocuments: [
    {
      key: 'proposal',
      name: 'Full proposal (PDF)',
      required: true,
      description: 'Science case, experiment design, accommodation needs.',
    },
  ],
  criteria: CSS_CRITERIA,
  sampleOffers: [],
  moduleOffers: [
    // Pools invented for the demo: the real call offered racks and external adapters, not totals.
    { mission: 'china-space-station', module: 'Experiment rack', poolMassG: 400_000, poolPowerMw: 2_000_000 },
    { mission: 'china-space-station', module: 'External payload adapter', poolMassG: 260_000, poolPowerMw: 400_000 },
  ],
  synthetic:
    'The call, its dates, the counts (42 applications, 27 countries, about 60 evaluators, 18 shortlisted) and the 9 projects selected are real; the rack and adapter pools, the second-stage deadline, the 33 applications not selected and the contents of all applications are invented for the demo.',
};

export type Tier = 'selected' | 'strong' | 'weak';

export interface StationAnchor {
  lead: string;
  partners?: string[];
  title: string;
  objectives: string;
  methods: string;
  mounting: 'inside' | 'outside';
  /** Mass in kg and average power in W (invented for every application). */
  kg: number;
  watts: number;
  tier: Tier;
  /** Selected on conditions, with the conditions the decision states. */
  conditions?: string;
}

/** Which three of the nine were conditional is not in our sources: the demo's choice, marked. */
export const CONDITIONS_NOTE =
  'Synthetic: which three projects were conditionally selected, and on what conditions, is not public.';

/** The 9 selected projects (registry titles; masses and powers invented). */
const SELECTED: StationAnchor[] = [
  {
    lead: 'university-of-geneva',
    partners: ['ncbj', 'mpe', 'ihep'],
    title: 'POLAR-2 gamma-ray burst polarimeter',
    objectives: 'Measure the polarisation of gamma-ray bursts to reveal the magnetic fields of their jets.',
    methods: 'A large Compton polarimeter of plastic scintillator bars on an external adapter, gamma-ray bursts polarimetry.',
    mounting: 'outside',
    kg: 150,
    watts: 180,
    tier: 'selected',
  },
  {
    lead: 'iia',
    partners: ['inasan'],
    title: 'SING ultraviolet spectrograph',
    objectives: 'Survey diffuse ultraviolet emission of nebular gas in the Milky Way.',
    methods: 'A long-slit ultraviolet spectrograph for astronomy spectroscopy, pointed from an external adapter.',
    mounting: 'outside',
    kg: 70,
    watts: 90,
    tier: 'selected',
  },
  {
    lead: 'iit',
    partners: ['ulb'],
    title: 'Behaviour of partially miscible fluids in microgravity',
    objectives: 'Observe phase separation and interface dynamics of partially miscible fluids without buoyancy.',
    methods:
      'Fluid physics cells with optical diagnostics in a microgravity rack; phase separation under controlled temperature.',
    mounting: 'inside',
    kg: 80,
    watts: 300,
    tier: 'selected',
  },
  {
    lead: 'tsinghua-university',
    partners: ['university-of-tokyo'],
    title: 'Flame instabilities in microgravity',
    objectives: 'Study flames affected by vortices and acoustic waves in the absence of gravity.',
    methods: 'Combustion chamber with acoustic forcing and high-speed imaging of flames in the combustion rack.',
    mounting: 'inside',
    kg: 120,
    watts: 900,
    tier: 'selected',
  },
  {
    lead: 'ntnu',
    partners: ['isu'],
    title: 'Tumours in Space',
    objectives: 'Compare the growth of tumour organoids in microgravity with ground controls, for cancer research.',
    methods: 'Cell biology culture units with tissue culture of cancer organoids, fixed in orbit and returned.',
    mounting: 'inside',
    kg: 60,
    watts: 150,
    tier: 'selected',
  },
  {
    lead: 'machakos-university',
    title: 'BARIDISANA two-phase cooling',
    objectives: 'Demonstrate a two-phase flow cooling loop for electronics in microgravity.',
    methods: 'A pumped two-phase flow thermal control loop with heat pipes and flow visualisation.',
    mounting: 'inside',
    kg: 50,
    watts: 250,
    tier: 'selected',
    conditions: 'Complete a safety review of the working fluid and its pressure vessel, and confirm the flight-model schedule.',
  },
  {
    lead: 'kacst',
    title: 'Solar cells under cosmic rays',
    objectives: 'Measure the degradation of new solar cells under the radiation of low Earth orbit.',
    methods: 'Photovoltaics samples on an external adapter with current-voltage sweeps; radiation damage of solar cells.',
    mounting: 'outside',
    kg: 30,
    watts: 40,
    tier: 'selected',
  },
  {
    lead: 'mexican-space-agency',
    title: 'Experiment from Mexico (name not recorded)',
    objectives: 'A microgravity experiment from Mexico; its subject is not in our sources.',
    methods: 'Placeholder methods for the demo: a technology demonstration with electronics in a rack drawer.',
    mounting: 'inside',
    kg: 40,
    watts: 100,
    tier: 'selected',
    conditions: 'Name the responsible institution and the experiment team, and deliver the interface description.',
  },
  {
    lead: 'conida',
    title: 'Experiment from Peru (name not recorded)',
    objectives: 'A microgravity experiment from Peru; its subject is not in our sources.',
    methods: 'Placeholder methods for the demo: a microbiology and plant biology culture in a rack drawer.',
    mounting: 'inside',
    kg: 45,
    watts: 120,
    tier: 'selected',
    conditions: 'Confirm the biological samples and their containment, and deliver the interface description.',
  },
];

type Topic = [title: string, objectives: string, methods: string];

/** Invented experiments for the 33 applications not selected (themes of the real call). */
const TOPICS: Topic[] = [
  [
    'Protein crystal growth facility',
    'Grow large protein crystals for structure determination.',
    'Crystal growth cells with counter-diffusion in a rack.',
  ],
  [
    'Bone loss countermeasures in rodents',
    'Test a drug against bone loss in space medicine.',
    'Habitat for rodents; physiology and bone density scans.',
  ],
  [
    'Plant growth chamber for rice',
    'Complete a rice life cycle in orbit.',
    'Plant biology chamber with LED lighting and life support.',
  ],
  [
    'Liquid metal alloy solidification',
    'Study dendrite growth in alloys without convection.',
    'Materials science furnace with X-ray imaging of alloys.',
  ],
  [
    'Wide-field X-ray monitor',
    'Monitor X-ray transients across the sky.',
    'Lobster-eye optics on an external adapter for high-energy astrophysics.',
  ],
  [
    'Atmospheric lightning imager',
    'Image transient luminous events above thunderstorms.',
    'Earth observation cameras and photometers, remote sensing.',
  ],
  [
    'Microbial biofilms on spacecraft materials',
    'Measure biofilm growth on hull materials.',
    'Microbiology coupons in culture units, returned for analysis.',
  ],
  [
    'Granular matter in microgravity',
    'Observe clustering of granular gases.',
    'Vibrated cells with high-speed cameras in a fluid physics rack.',
  ],
  [
    'Cosmic dust collector',
    'Capture interplanetary dust particles.',
    'Aerogel panels on an external adapter, returned to Earth.',
  ],
  [
    'Human cardiovascular adaptation study',
    'Follow heart and vessel changes of crew.',
    'Ultrasound and blood pressure protocols, space medicine physiology.',
  ],
  [
    'Colloidal self-assembly',
    'Form colloidal crystals for photonic materials.',
    'Colloid cells with confocal microscopy, microgravity materials science.',
  ],
  [
    'Space radiation dosimetry telescope',
    'Map the radiation environment inside the station.',
    'Silicon detector telescopes for radiation measurement.',
  ],
  [
    'Hyperspectral Earth imager',
    'Monitor crops and coasts from orbit.',
    'Hyperspectral imaging from an external adapter, remote sensing.',
  ],
  [
    'Electrostatic levitation of melts',
    'Measure properties of undercooled melts.',
    'Electrostatic levitator with laser heating; alloys and materials science.',
  ],
  [
    'Stem cell differentiation in microgravity',
    'Study differentiation of stem cells.',
    'Cell biology bioreactor with tissue culture and imaging.',
  ],
  [
    'Boiling heat transfer experiment',
    'Measure boiling without buoyancy for thermal control.',
    'Two-phase flow boiling cell with heaters and cameras.',
  ],
  [
    'Quantum key distribution terminal',
    'Demonstrate quantum communication from orbit.',
    'Optical terminal on an external adapter; technology demonstration.',
  ],
  [
    'Soft robotics arm demonstration',
    'Test a soft manipulator for crew assistance.',
    'Robotics testbed inside a rack with electronics and cameras.',
  ],
  [
    'Ionospheric plasma probe',
    'Measure ionospheric plasma density at station altitude.',
    'Langmuir probes on an external adapter.',
  ],
  [
    'Foam stability in microgravity',
    'Study drainage and coarsening of foams.',
    'Fluid physics foam cells with optical diagnostics.',
  ],
  [
    'Algae photobioreactor for life support',
    'Produce oxygen with microalgae.',
    'Photobioreactor with plant biology and life support monitoring.',
  ],
  [
    'Gamma-ray spectrometer for terrestrial flashes',
    'Detect terrestrial gamma-ray flashes.',
    'Scintillator spectrometer on an external adapter, high-energy astrophysics.',
  ],
  [
    'Additive manufacturing in orbit',
    'Print polymer parts in microgravity.',
    'Printer in a rack; materials science and technology demonstration.',
  ],
  ['Muscle atrophy in nematodes', 'Follow muscle loss in C. elegans.', 'Culture units, cell biology and physiology imaging.'],
  [
    'Atomic clock comparison',
    'Compare optical clocks in orbit and on the ground.',
    'Cold-atom clock in a rack with a laser link.',
  ],
  [
    'Droplet combustion of biofuels',
    'Measure burning rates of biofuel droplets.',
    'Combustion chamber with suspended droplets and flames imaging.',
  ],
  [
    'Spacesuit textile ageing',
    'Measure ageing of textiles exposed to space.',
    'Sample trays on an external adapter; radiation damage tests.',
  ],
  [
    'Seed mutation under cosmic rays',
    'Breed crops from seeds exposed in orbit.',
    'Seed packs exposed outside; plant biology and radiation.',
  ],
  [
    'Capillary flow in fuel tanks',
    'Validate capillary flow models for propellant management.',
    'Transparent tanks with fluid physics diagnostics.',
  ],
  [
    'Microgravity sleep and circadian rhythm',
    'Study sleep of crew members.',
    'Wearable sensors and light exposure logs; space medicine.',
  ],
  [
    'Thin-film perovskite solar cells',
    'Test perovskite photovoltaics in orbit.',
    'Solar cells on an external adapter with radiation damage monitoring.',
  ],
  [
    'Vibration isolation platform',
    'Demonstrate active isolation for sensitive experiments.',
    'Magnetic levitation platform in a rack; technology demonstration and electronics.',
  ],
  [
    'Nanosatellite deployer demonstration',
    'Deploy student nanosatellites from the station.',
    'A deployer with robotics and electronics on an external adapter.',
  ],
];

/** Lead (and partner) institutions of the 33 others: 9 strong (shortlisted), then 24 not shortlisted. */
const OTHER_TEAMS: { lead: string; partners?: string[] }[] = [
  { lead: 'cnes' },
  { lead: 'university-of-cologne' },
  { lead: 'osaka-university' },
  { lead: 'metu' },
  { lead: 'infn-lnf' },
  { lead: 'iki-ras' },
  { lead: 'narit', partners: ['mahidol-university'] },
  { lead: 'irf' },
  { lead: 'sarao' },
  { lead: 'suparco' },
  { lead: 'ist-pakistan' },
  { lead: 'open-university' },
  { lead: 'university-of-manchester' },
  { lead: 'brown-university' },
  { lead: 'stony-brook-university' },
  { lead: 'egsa' },
  { lead: 'cairo-university' },
  { lead: 'ncbj' },
  { lead: 'ulb' },
  { lead: 'nasrda' },
  { lead: 'essgi' },
  { lead: 'al-farabi-knu' },
  { lead: 'mbrsc' },
  { lead: 'mahidol-university' },
  { lead: 'istanbul-technical-university' },
  { lead: 'university-of-padua' },
  { lead: 'bauman-mstu' },
  { lead: 'university-of-munster' },
  { lead: 'irap' },
  { lead: 'university-of-cape-town' },
  { lead: 'university-of-tokyo' },
  { lead: 'pmod-wrc' },
  { lead: 'mpe' },
];

/**
 * The 42 applications. The 33 invented ones are large facilities (every one heavier than the pool
 * left free beside the 9 selected plus the heaviest of them), so the optimiser's choice is decided
 * by merit and resources as an officer would read it. Masses are multiples of 10 kg, deterministic.
 */
export function stationAnchors(): StationAnchor[] {
  const others = OTHER_TEAMS.map((team, i): StationAnchor => {
    const [title, objectives, methods] = TOPICS[i]!;
    const outside = /external adapter|outside/.test(methods);
    return {
      ...team,
      title,
      objectives,
      methods,
      mounting: outside ? 'outside' : 'inside',
      // Outside: 170–240 kg (the adapters' pool leaves 10 kg beside the selected, the heaviest 150 kg);
      // inside: 130–250 kg (the racks leave 5 kg, the heaviest selected is 120 kg).
      kg: outside ? 170 + ((i * 3) % 8) * 10 : 130 + ((i * 7) % 13) * 10,
      watts: outside ? 60 + ((i * 5) % 8) * 20 : 100 + ((i * 5) % 11) * 50,
      tier: i < 9 ? 'strong' : 'weak',
    };
  });
  return [...SELECTED, ...others];
}

// ---- the evaluators ------------------------------------------------------------------------

const AREAS: string[][] = [
  ['gamma-ray bursts', 'polarimetry', 'high-energy astrophysics'],
  ['ultraviolet', 'spectroscopy', 'astronomy'],
  ['fluid physics', 'microgravity', 'phase separation'],
  ['combustion', 'flames', 'acoustics'],
  ['cell biology', 'cancer', 'tissue culture'],
  ['thermal control', 'two-phase flow', 'heat pipes'],
  ['photovoltaics', 'radiation damage', 'solar cells'],
  ['materials science', 'crystal growth', 'alloys'],
  ['space medicine', 'physiology', 'radiation'],
  ['plant biology', 'microbiology', 'life support'],
  ['Earth observation', 'remote sensing', 'imaging'],
  ['technology demonstration', 'electronics', 'robotics'],
];

/** 60 invented evaluators, two at each of 30 registry institutions (several are applicants'). */
const EVALUATORS: [name: string, institution: string, country: string][] = [
  ['Aline Dubois', 'cnes', 'FR'],
  ['Marc Olivier', 'irap', 'FR'],
  ['Sabine Kraus', 'mpe', 'DE'],
  ['Tobias Lang', 'university-of-cologne', 'DE'],
  ['Mei Arakawa', 'osaka-university', 'JP'],
  ['Shun Morita', 'university-of-tokyo', 'JP'],
  ['Bilal Qureshi', 'suparco', 'PK'],
  ['Hina Aslam', 'ist-pakistan', 'PK'],
  ['Fiona Hartley', 'open-university', 'GB'],
  ['Owen Pritchard', 'university-of-manchester', 'GB'],
  ['Dana Whitfield', 'brown-university', 'US'],
  ['Curtis Bell', 'stony-brook-university', 'US'],
  ['Emre Kaya', 'metu', 'TR'],
  ['Zeynep Arslan', 'istanbul-technical-university', 'TR'],
  ['Lindiwe Dube', 'sarao', 'ZA'],
  ['Pieter Botha', 'university-of-cape-town', 'ZA'],
  ['Chiara Russo', 'infn-lnf', 'IT'],
  ['Matteo Greco', 'university-of-padua', 'IT'],
  ['Irina Volkova', 'iki-ras', 'RU'],
  ['Pavel Orlov', 'inasan', 'RU'],
  ['Kanya Chaiyaporn', 'narit', 'TH'],
  ['Somchai Rattana', 'mahidol-university', 'TH'],
  ['Yasmin Farouk', 'egsa', 'EG'],
  ['Omar Abdelrahman', 'cairo-university', 'EG'],
  ['Erik Nyström', 'irf', 'SE'],
  ['Katarzyna Nowak', 'ncbj', 'PL'],
  ['Luc Peeters', 'ulb', 'BE'],
  ['Chinedu Okeke', 'nasrda', 'NG'],
  ['Selam Bekele', 'essgi', 'ET'],
  ['Dauren Seitkali', 'al-farabi-knu', 'KZ'],
  ['Reem Al Mansoori', 'mbrsc', 'AE'],
  ['Beat Zürcher', 'pmod-wrc', 'CH'],
  ['Noémie Favre', 'university-of-geneva', 'CH'],
  ['Arjun Iyer', 'iia', 'IN'],
  ['Kavya Menon', 'iit', 'IN'],
  ['Wang Lei', 'tsinghua-university', 'CN'],
  ['Li Na', 'ihep', 'CN'],
  ['Zhou Min', 'naoc', 'CN'],
  ['Sigrid Haugen', 'ntnu', 'NO'],
  ['Wanjiru Kamau', 'machakos-university', 'KE'],
  ['Faisal Al Harbi', 'kacst', 'SA'],
  ['Valeria Ortiz', 'mexican-space-agency', 'MX'],
  ['Diego Huamán', 'conida', 'PE'],
  ['Aurélie Marchal', 'isu', 'FR'],
  ['Javier Castillo', 'abae', 'VE'],
  ['Nikola Petrović', 'institute-of-physics-belgrade', 'RS'],
  ['Aliya Nurlanova', 'al-farabi-knu', 'KZ'],
  ['Mamadou Diallo', 'ucad', 'SN'],
  ['Carla Mendoza', 'abe-bolivia', 'BO'],
  ['Rashad Aliyev', 'azercosmos', 'AZ'],
  ['Hanna Kavaliova', 'nas-belarus', 'BY'],
  ['Ali Rezaei', 'iranian-space-agency', 'IR'],
  ['Fatima Al Khalifa', 'nssa', 'BH'],
  ['Kwok Wing-yan', 'hkust', 'HK'],
  ['Chan Ho-yin', 'polyu', 'HK'],
  ['Anders Berg', 'irf', 'SE'],
  ['Gabriel Roux', 'ipgp', 'FR'],
  ['Helga Brandt', 'university-of-munster', 'DE'],
  ['Ruslan Tikhonov', 'bauman-mstu', 'RU'],
  ['Sun Qiang', 'cnsa', 'CN'],
];

export const CSS_EXPERTS: DemoExpert[] = EVALUATORS.map(([name, institution, country], i) => ({
  name,
  institution,
  country,
  keywords: [...AREAS[i % AREAS.length]!, ...AREAS[(i * 5 + 3) % AREAS.length]!.slice(0, 1)],
  maxLoad: 4,
}));

/** The evaluator whose publications share a paper with the PI of a proposal (a co-authorship conflict). */
export const CSS_COAUTHOR_EXPERT = 'Marc Olivier';
/** Lead of the proposal whose PI co-authored with that evaluator. */
export const CSS_COAUTHOR_LEAD = 'tsinghua-university';
/** The evaluator who declares a conflict himself (the proposal's PI was his doctoral student). */
export const CSS_DECLARING_EXPERT = 'Erik Nyström';
export const CSS_DECLARED_LEAD = 'ntnu';
