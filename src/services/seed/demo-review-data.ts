// The review demo's experts: invented people (marked synthetic) at institutions of the registry.
// Some sit at applicants' institutions, so conflict detection has something real to find.

export const SYNTHETIC_EXPERT_NOTE =
  'Synthetic expert: the name, profile, publications and reviews are invented for the demo; the institution is real.';

/** Invited synthetic experts get addresses under this domain (never delivered: .demo does not resolve). */
export const DEMO_EXPERT_DOMAIN = 'experts.orbitshare.demo';

export interface DemoExpert {
  name: string;
  /** Registry institution slug. */
  institution: string;
  country: string;
  keywords: string[];
  /**
   * The demo account that takes this expert's place at first start (the image holds no account
   * that can sign in, so the round is reviewed under a placeholder and handed over).
   */
  handOverTo?: string;
  maxLoad: number;
}

const ce5 = (name: string, institution: string, country: string, keywords: string[]): DemoExpert => ({
  name,
  institution,
  country,
  keywords,
  maxLoad: 6,
});

/** Chang'e-5 2025 panel: 15 experts, three at applicants' institutions (osaka, münster, open university). */
export const CE5_EXPERTS: DemoExpert[] = [
  {
    name: 'Demo Reviewer',
    institution: 'naoc',
    country: 'CN',
    keywords: ['regolith', 'mineralogy', 'spectroscopy'],
    handOverTo: 'reviewer@orbitshare.demo',
    // Kept light so a manual extra assignment (left as a draft) fits within the limit.
    maxLoad: 3,
  },
  ce5('Margit Halvorsen', 'ntnu', 'NO', ['space weathering', 'nanophase iron', 'regolith']),
  ce5('Rafael Quintero', 'university-of-geneva', 'CH', ['isotopes', 'geochronology', 'basalt']),
  ce5('Hiroshi Fujimoto', 'osaka-university', 'JP', ['volatiles', 'apatite', 'water']),
  ce5('Ingrid Vestergaard', 'irf', 'SE', ['solar wind', 'implantation', 'volatiles']),
  ce5('Zhang Wenjie', 'naoc', 'CN', ['basalt', 'petrology', 'magma']),
  ce5('Amara Okafor', 'university-of-munster', 'DE', ['isotopes', 'chronology', 'impact']),
  ce5('Lucía Ferreyra', 'irap', 'FR', ['spectroscopy', 'space weathering', 'glass']),
  ce5('Dmitri Sokolov', 'inasan', 'RU', ['impact glass', 'breccia', 'shock']),
  ce5('Ana Kovač', 'ulb', 'BE', ['geochemistry', 'trace elements', 'basalt']),
  ce5('Tomasz Wiśniewski', 'ncbj', 'PL', ['magnetism', 'paleointensity', 'iron']),
  ce5('Sunita Rao', 'iia', 'IN', ['volatiles', 'halogens', 'glass beads']),
  ce5('Henrik Lund', 'mpe', 'DE', ['cosmic rays', 'exposure ages', 'regolith']),
  ce5('Grace Whitmore', 'open-university', 'GB', ['water', 'hydrogen isotopes', 'apatite']),
  ce5('Pablo Ibáñez', 'cnes', 'FR', ['regolith', 'mechanics', 'space weathering']),
];

/** The expert whose publication list shares a paper with the PI of a proposal (a co-authorship conflict). */
export const CE5_COAUTHOR_EXPERT = 'Pablo Ibáñez';
/** Lead institution of the proposal whose PI co-authored with that expert. */
export const CE5_COAUTHOR_LEAD = 'brown-university';

const ce8 = (name: string, institution: string, country: string, keywords: string[]): DemoExpert => ({
  name,
  institution,
  country,
  keywords,
  maxLoad: 8,
});

/** Chang'e-8 panel: 20 experts, a few at institutions of the proposals (hkust, metu, infn-lnf, narit). */
export const CE8_EXPERTS: DemoExpert[] = [
  ce8('Lars Eklund', 'irf', 'SE', ['plasma', 'dust', 'exosphere']),
  ce8('Chen Yutong', 'hkust', 'HK', ['robotics', 'rover', 'charging']),
  ce8('Elif Aydın', 'metu', 'TR', ['robotics', 'micro-rovers', 'autonomy']),
  ce8('Giulia Benedetti', 'infn-lnf', 'IT', ['laser ranging', 'retroreflector', 'geodesy']),
  ce8('Nattapong Srisuk', 'narit', 'TH', ['neutron', 'spectrometer', 'hydrogen']),
  ce8('Marta Jankowska', 'ncbj', 'PL', ['neutron', 'detectors', 'radiation']),
  ce8('Olivier Marchand', 'cnes', 'FR', ['payload', 'thermal', 'lander']),
  ce8('Katrin Vogel', 'mpe', 'DE', ['ion', 'energetic neutral', 'analyser']),
  ce8('Rahul Menon', 'iia', 'IN', ['radio astronomy', 'low frequency', 'array']),
  ce8('Sofia Lindqvist', 'irf', 'SE', ['ion', 'plasma', 'solar wind']),
  ce8('Liu Haoran', 'naoc', 'CN', ['radio astronomy', 'imaging', 'lunar far side']),
  ce8('Mateus Araújo', 'university-of-geneva', 'CH', ['imager', 'infrared', 'spectroscopy']),
  ce8('Nadia Haddad', 'egsa', 'EG', ['imager', 'visible', 'mineral mapping']),
  ce8('Víctor Salas', 'conida', 'PE', ['radio array', 'antenna', 'electronics']),
  ce8('Aigerim Bekova', 'tsinghua-university', 'CN', ['electric potential', 'dust', 'charging']),
  ce8('Thabo Mokoena', 'sarao', 'ZA', ['radio astronomy', 'interferometry', 'array']),
  ce8('Ingrid Solberg', 'ntnu', 'NO', ['rover', 'mobility', 'terramechanics']),
  ce8('Yusuf Demir', 'ulb', 'BE', ['thermal', 'power', 'lander interfaces']),
  ce8('Ayako Mori', 'university-of-tokyo', 'JP', ['robotics', 'teleoperation', 'exploration']),
  ce8('Paolo Ricci', 'pmod-wrc', 'CH', ['radiometry', 'calibration', 'instrument']),
];

/**
 * Chang'e-8: 41 proposals → 14 shortlisted → 10 projects. Which proposals were merged is not public:
 * this grouping is synthetic. Four invented proposals, from a country already in the project, are
 * shortlisted on condition of merging into a selected project (by its title), so the 14 shortlisted
 * become 10 projects while the countries stay the 11 countries and regions and 1 organisation.
 */
export const CE8_MERGES: { project: string; leadSlug: string }[] = [
  { project: 'Intelligent exploration robot for challenging environments', leadSlug: 'istanbul-technical-university' },
  { project: 'Lunar radio astronomy array', leadSlug: 'conida' },
  { project: 'Lunar neutron analyser', leadSlug: 'mahidol-university' },
  { project: 'Visible and infrared lunar surface imager', leadSlug: 'cairo-university' },
];
