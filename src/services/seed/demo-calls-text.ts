// Text material for the synthetic demo applications (demo-calls-generate.ts picks from it with a
// seeded PRNG). Short, varied, domain-flavoured; invented, never quoted from a real proposal.

export type SampleTypeKey = 'regolith' | 'basalt' | 'breccia' | 'glass';

export const SAMPLE_TYPE_NAMES: Record<SampleTypeKey, string> = {
  regolith: 'regolith (powder)',
  basalt: 'basalt fragment',
  breccia: 'breccia',
  glass: 'glass bead',
};

export interface SampleTopic {
  title: string;
  /** The sample types it asks for, most wanted first. */
  types: SampleTypeKey[];
  objectives: string;
  methods: string;
  expected: string;
}

/** One per Chang'e-5 application, in the order of the applicants (demo-calls-generate.ts). */
export const SAMPLE_TOPICS: SampleTopic[] = [
  {
    title: 'Paleomagnetic record of the youngest mare basalts from Chang’e-5',
    types: ['basalt', 'regolith', 'breccia'],
    objectives:
      'Test whether a lunar dynamo was still active about 2.0 Ga ago by measuring the natural remanence of CE-5 basalt fragments.',
    methods:
      'Alternating-field and thermal demagnetisation in a shielded room; SQUID rock magnetometry; quantum diamond microscope maps of single grains.',
    expected:
      'A palaeointensity estimate or an upper bound for the late lunar field, tying the dynamo history to the age of the basalts.',
  },
  {
    title: 'Hf–W and Sm–Nd chronology of CE-5 basalt fragments',
    types: ['basalt', 'regolith', 'glass', 'breccia'],
    objectives: 'Date the crystallisation of CE-5 basalts and constrain the evolution of their mantle source.',
    methods:
      'Mineral separation, isotope dilution and MC-ICP-MS measurement of W, Hf, Sm and Nd isotopes; cosmic-ray exposure corrections from Sm isotopes.',
    expected: 'Internal isochrons and ε182W values that place the CE-5 source in the lunar differentiation sequence.',
  },
  {
    title: 'Space weathering rims on CE-5 regolith grains by TEM',
    types: ['regolith', 'glass', 'breccia'],
    objectives:
      'Characterise the amorphous rims and nanophase iron that solar wind and micrometeorites produce on grain surfaces.',
    methods: 'Focused-ion-beam sections, aberration-corrected STEM imaging and EELS mapping of Fe valence across rims.',
    expected: 'Rim thickness and npFe0 size distributions to calibrate space-weathering models and remote-sensing spectra.',
  },
  {
    title: 'Regolith grain-size, shape and mineralogy for Pakistani lunar exploration studies',
    types: ['regolith', 'basalt', 'breccia'],
    objectives: 'Build reference data on CE-5 regolith for the design of national rover wheels and sampling tools.',
    methods:
      'Laser diffraction and dynamic image analysis of grain size and shape; XRD and SEM-EDS mineralogy; shear tests on simulant blends.',
    expected: 'A characterised reference set and improved lunar regolith simulants for engineering tests.',
  },
  {
    title: 'Water and hydroxyl in CE-5 impact glass beads by NanoSIMS',
    types: ['glass', 'regolith', 'basalt'],
    objectives: 'Measure the abundance and hydrogen isotopes of water in impact glass beads as a reservoir of surface water.',
    methods: 'NanoSIMS depth profiles of H, D and OH across polished beads; diffusion modelling of the profiles.',
    expected: 'Water content and D/H of bead interiors and rims, and an estimate of the glass-hosted water inventory.',
  },
  {
    title: 'VNIR and mid-infrared spectra of CE-5 soils as ground truth for orbital data',
    types: ['regolith', 'basalt', 'breccia', 'glass'],
    objectives: 'Provide laboratory spectra of returned soils at the landing site for calibrating orbital spectrometers.',
    methods:
      'Bidirectional reflectance spectroscopy from 0.3 to 25 µm under ambient and simulated lunar conditions; particle-size separates.',
    expected: 'Calibrated spectra linking CE-5 mineralogy to Moon Mineralogy Mapper and Diviner observations of the site.',
  },
  {
    title: 'Chlorine and zinc isotopes of CE-5 volcanic and impact glass',
    types: ['glass', 'basalt', 'regolith'],
    objectives: 'Trace volatile loss during late mare volcanism using moderately volatile element isotopes.',
    methods: 'Micro-drilling of glass beads, anion-exchange chemistry, MC-ICP-MS (Zn) and gas-source mass spectrometry (Cl).',
    expected: 'δ37Cl and δ66Zn of CE-5 glasses, compared with Apollo volcanic glasses, to assess degassing of young magmas.',
  },
  {
    title: 'Noble gas exposure ages of CE-5 basalt fragments',
    types: ['basalt', 'regolith', 'breccia'],
    objectives:
      'Determine cosmic-ray exposure and trapped solar-wind components to reconstruct the regolith history at the site.',
    methods: 'Stepwise laser heating and static noble gas mass spectrometry of He, Ne, Ar, Kr and Xe on single fragments.',
    expected: 'Exposure ages and regolith residence times that date local impact gardening.',
  },
  {
    title: 'Oxygen isotopes of CE-5 minerals by laser fluorination',
    types: ['basalt', 'regolith', 'breccia'],
    objectives: 'Test the Earth–Moon oxygen isotope identity with young mare basalt minerals.',
    methods: 'Laser fluorination of pyroxene and plagioclase separates; high-precision Δ17O by dual-inlet mass spectrometry.',
    expected: 'Δ17O values with a precision of a few ppm for the youngest lunar basalts.',
  },
  {
    title: 'Solar-wind-implanted hydrogen and helium in CE-5 regolith grains',
    types: ['regolith', 'glass', 'breccia'],
    objectives: 'Quantify implanted H and He in ilmenite and glass grains as a resource and as a record of solar activity.',
    methods: 'Thermal desorption mass spectrometry and elastic recoil detection on sieved size fractions.',
    expected: 'Implanted volatile inventories per mineral and grain size.',
  },
  {
    title: 'Shock metamorphism in CE-5 breccia clasts',
    types: ['breccia', 'regolith', 'basalt'],
    objectives: 'Reconstruct the impact history recorded by shocked minerals and melt veins in breccia clasts.',
    methods: 'Electron backscatter diffraction, Raman mapping of high-pressure polymorphs and petrography of thin sections.',
    expected: 'Shock pressure estimates and a timeline of impacts that reworked the site.',
  },
  {
    title: 'Micro-CT and geotechnical behaviour of CE-5 regolith',
    types: ['regolith', 'breccia'],
    objectives: 'Measure particle shape, porosity and packing of returned regolith for lunar surface engineering.',
    methods: 'X-ray micro-tomography at 1 µm voxel size; 3-D shape descriptors; miniature shear and compression cells.',
    expected: 'Shape statistics and mechanical parameters to validate discrete-element models of lunar soil.',
  },
  {
    title: 'Micrometeorite and exogenous fragments in CE-5 regolith',
    types: ['regolith', 'breccia', 'glass'],
    objectives: 'Find and classify projectile remnants to learn what bombarded the Moon in the last 2 Ga.',
    methods: 'SEM-EDS survey of polished grain mounts; siderophile element analysis by LA-ICP-MS of candidate fragments.',
    expected: 'The fraction and types of exogenous material in the soil.',
  },
  {
    title: 'Sr–Nd–Pb isotopes of CE-5 basalts and the source of late volcanism',
    types: ['basalt', 'regolith', 'breccia'],
    objectives:
      'Constrain the mantle source of the youngest mare basalts and whether KREEP or heat-producing elements drove melting.',
    methods: 'Clean-lab dissolution and column chemistry; TIMS for Sr and Nd, MC-ICP-MS for Pb.',
    expected: 'Initial isotope ratios that test models of late lunar volcanism.',
  },
  {
    title: 'Titanium and iron isotope fractionation in CE-5 ilmenite-rich soils',
    types: ['regolith', 'basalt', 'glass'],
    objectives: 'Measure isotope fractionation of Ti and Fe during magmatic differentiation and space weathering.',
    methods: 'Double-spike MC-ICP-MS on bulk soil and mineral separates.',
    expected: 'δ49Ti and δ56Fe of CE-5 materials compared with Apollo high-Ti basalts.',
  },
  {
    title: 'Mössbauer spectroscopy of nanophase iron in CE-5 soils',
    types: ['regolith', 'glass', 'breccia'],
    objectives: 'Quantify metallic and ferric iron phases produced by space weathering.',
    methods: 'Room-temperature and cryogenic Mössbauer spectroscopy; magnetic susceptibility versus frequency.',
    expected: 'Is/FeO maturity indices and iron phase budgets of CE-5 soils.',
  },
  {
    title: 'Electrostatic charging and adhesion of CE-5 lunar dust',
    types: ['regolith', 'glass'],
    objectives: 'Measure the charging and adhesion of real lunar dust for dust-mitigation technologies.',
    methods: 'UV and electron-beam charging in a vacuum chamber; atomic force microscopy of adhesion on coated surfaces.',
    expected: 'Charging and adhesion parameters of real dust, compared with simulants.',
  },
  {
    title: 'Oxygen extraction from CE-5 regolith by molten-salt electrolysis',
    types: ['regolith', 'basalt'],
    objectives: 'Test how much oxygen and metal can be extracted from real lunar regolith for in-situ resource use.',
    methods: 'Milligram-scale FFC-Cambridge electrolysis in a glovebox; TGA and XRD of the products.',
    expected: 'Oxygen yield and product mineralogy from real regolith, against simulant baselines.',
  },
  {
    title: '40Ar/39Ar ages of CE-5 impact glass beads',
    types: ['glass', 'regolith', 'breccia'],
    objectives: 'Build the impact flux over the last 2 Ga from the ages of single impact glass beads.',
    methods: 'Neutron irradiation and single-bead laser step heating; noble gas mass spectrometry.',
    expected: 'An age distribution of impact beads to compare with Apollo and Chang’e-6 records.',
  },
  {
    title: 'Apatite and volatile-bearing phases in CE-5 basalts',
    types: ['basalt', 'breccia', 'regolith'],
    objectives: 'Measure F, Cl and H in apatite to estimate the volatile content of the late mare magmas.',
    methods: 'Electron microprobe and SIMS analysis of apatite and melt inclusions in thin sections.',
    expected: 'Volatile abundances of the parental magmas of the youngest basalts.',
  },
  {
    title: 'Cosmogenic 10Be, 26Al and 53Mn in a CE-5 regolith profile',
    types: ['regolith', 'basalt', 'breccia'],
    objectives: 'Measure radionuclides to date the mixing and exposure of the regolith at the site.',
    methods: 'Chemical separation and accelerator mass spectrometry of 10Be, 26Al and 53Mn.',
    expected: 'Exposure histories and regolith gardening rates.',
  },
  {
    title: 'Cathodoluminescence and trace elements of CE-5 plagioclase',
    types: ['basalt', 'breccia', 'regolith'],
    objectives: 'Trace crystallisation and shock history of plagioclase with luminescence and trace elements.',
    methods: 'Hyperspectral cathodoluminescence, LA-ICP-MS trace elements and Raman spectroscopy.',
    expected: 'Crystallisation conditions and shock states of CE-5 plagioclase.',
  },
  {
    title: 'Thermal conductivity and heat capacity of CE-5 regolith',
    types: ['regolith', 'basalt', 'breccia'],
    objectives: 'Measure the thermophysical properties of returned soil for lunar heat-flow and thermal-model studies.',
    methods: 'Line-heat-source conductivity in vacuum from 100 to 400 K; differential scanning calorimetry.',
    expected: 'Temperature-dependent conductivity and heat capacity of CE-5 soil.',
  },
  {
    title: 'Radiation damage tracks in CE-5 glass and feldspar grains',
    types: ['glass', 'regolith', 'breccia'],
    objectives: 'Count solar-flare tracks to measure surface exposure times of individual grains.',
    methods: 'Chemical etching and track counting by SEM; TEM of amorphous rims.',
    expected: 'Surface exposure ages and the fraction of mature grains in the soil.',
  },
];

export const HANDLING_NOTES = [
  'Samples are opened only in a class-100 clean bench under dry nitrogen.',
  'All sub-sampling is done in a dedicated glovebox; splits and residues are weighed and logged.',
  'Unused material and every split are returned with a completed inventory form.',
  'The methods are largely non-destructive; consumed mass is stated per technique.',
  'Sample containers stay sealed until the measurement session; handling is logged with photographs.',
];

export const SAMPLE_HERITAGE = [
  'The team has analysed Apollo and Luna samples and lunar meteorites for more than 15 years.',
  'The laboratory holds NASA lunar sample loans and follows their curation rules.',
  'The group has worked on Hayabusa2 Ryugu samples in the JAXA international rounds.',
  'The instruments were used on meteorite falls and on returned asteroid material.',
  'The team has published on lunar meteorites and terrestrial analogue basalts.',
];

export const SAMPLE_PURPOSES = [
  'bulk analysis',
  'mineral separation',
  'polished mount',
  'destructive step heating',
  'reference aliquot',
];

export interface PayloadTopic {
  title: string;
  name: string;
  /** Mass range in kg. */
  kg: [number, number];
  /** Average power range in W. */
  watts: [number, number];
  dataMb: [number, number];
  hazards?: ('laser' | 'radioactive_source' | 'pressure_vessel' | 'high_voltage' | 'magnetic_field')[];
  objectives: string;
  methods: string;
}

/** Chang'e-8 synthetic proposals (instrument and system level on the lander). */
export const LUNAR_TOPICS: PayloadTopic[] = [
  {
    title: 'Broadband lunar seismometer',
    name: 'LSEIS',
    kg: [4, 9],
    watts: [3, 8],
    dataMb: [20, 60],
    objectives: 'Record moonquakes and meteoroid impacts to probe the crust and upper mantle under the south polar region.',
    methods: 'A three-axis broadband seismometer deployed on the regolith by the lander arm, with a thermal blanket.',
  },
  {
    title: 'Heat-flow probe for the lunar south polar region',
    name: 'HFP',
    kg: [5, 12],
    watts: [5, 15],
    dataMb: [1, 5],
    objectives: 'Measure the heat flow and regolith thermal properties near the landing site.',
    methods: 'A self-penetrating mole carrying temperature sensors and heaters to 2 m depth.',
  },
  {
    title: 'Lunar dust and electrostatic environment monitor',
    name: 'LDEM',
    kg: [1, 3],
    watts: [2, 6],
    dataMb: [5, 20],
    objectives: 'Measure dust deposition and surface charging through the lunar day and night.',
    methods: 'Quartz-crystal microbalances, a Faraday cup and a Langmuir probe on the lander deck.',
  },
  {
    title: 'Ground-penetrating radar for shallow ice detection',
    name: 'GPR-ICE',
    kg: [6, 14],
    watts: [15, 40],
    dataMb: [200, 800],
    hazards: ['high_voltage'],
    objectives: 'Map subsurface layering and possible ice-bearing regolith to tens of metres.',
    methods: 'A dual-frequency radar with antennas under the lander and, in a second phase, on a rover.',
  },
  {
    title: 'Fluxgate magnetometer for lunar crustal fields',
    name: 'LMAG',
    kg: [1, 3],
    watts: [1, 4],
    dataMb: [5, 30],
    hazards: ['magnetic_field'],
    objectives: 'Measure local crustal magnetic fields and their interaction with the solar wind.',
    methods: 'A three-axis fluxgate on a 1.5 m boom, calibrated against the lander field.',
  },
  {
    title: 'Regolith sintering and 3-D printing demonstrator',
    name: 'REGOPRINT',
    kg: [15, 30],
    watts: [60, 120],
    dataMb: [50, 200],
    hazards: ['laser'],
    objectives: 'Demonstrate building bricks from local regolith by laser sintering.',
    methods: 'A scoop, a sieving stage and a fibre laser sintering head; camera and thermal monitoring.',
  },
  {
    title: 'Closed ecological micro-biosphere experiment',
    name: 'LUNAR-BIO',
    kg: [3, 8],
    watts: [10, 25],
    dataMb: [20, 100],
    hazards: ['pressure_vessel'],
    objectives: 'Grow seeds and micro-organisms under lunar gravity and radiation in a sealed canister.',
    methods: 'A pressurised canister with LED lighting, water supply, cameras and environmental sensors.',
  },
  {
    title: 'Lunar VLBI and navigation beacon',
    name: 'LNB',
    kg: [2, 6],
    watts: [8, 20],
    dataMb: [1, 5],
    objectives: 'Provide a radio beacon for VLBI tracking and lunar geodesy.',
    methods: 'An X-band beacon with an ultra-stable oscillator, tracked by ground VLBI networks.',
  },
  {
    title: 'Cosmic-ray and neutron dosimetry package',
    name: 'LDOSE',
    kg: [1, 4],
    watts: [2, 6],
    dataMb: [5, 20],
    objectives: 'Measure the radiation dose on the lunar surface for crew safety of future missions.',
    methods: 'Silicon telescopes and a neutron spectrometer with time-resolved dose rates.',
  },
  {
    title: 'Water extraction from polar regolith demonstrator',
    name: 'ICE-X',
    kg: [20, 45],
    watts: [80, 150],
    dataMb: [20, 80],
    hazards: ['pressure_vessel'],
    objectives: 'Demonstrate heating of regolith and capture of released water and volatiles.',
    methods: 'A drill-fed heating oven, a cold trap and a mass spectrometer for the released gases.',
  },
  {
    title: 'Thermal infrared multispectral imager',
    name: 'TIRI',
    kg: [2, 5],
    watts: [5, 12],
    dataMb: [100, 400],
    objectives: 'Map surface temperatures and thermophysical properties around the lander.',
    methods: 'An uncooled microbolometer camera with six spectral bands on a pan-tilt mount.',
  },
  {
    title: 'Hopping micro-robot for crater rim exploration',
    name: 'HOPPER',
    kg: [8, 18],
    watts: [10, 30],
    dataMb: [50, 300],
    objectives: 'Reach crater rims beyond the lander with short hops and return images and spectra.',
    methods: 'A spring-and-thruster hopping robot released from the lander, relaying through the lander.',
  },
  {
    title: 'Lunar surface optical communication terminal',
    name: 'LOCT',
    kg: [5, 10],
    watts: [20, 50],
    dataMb: [1, 10],
    hazards: ['laser'],
    objectives: 'Demonstrate a laser downlink from the lunar surface to a ground station.',
    methods: 'A 10 cm telescope with a fine-pointing mechanism and a 1550 nm laser source.',
  },
  {
    title: 'Micro-rover for regolith mechanics',
    name: 'MICROROVER',
    kg: [6, 15],
    watts: [10, 25],
    dataMb: [50, 200],
    objectives: 'Measure wheel–soil interaction and trafficability of the polar regolith.',
    methods: 'A four-wheeled micro-rover with instrumented wheels and a stereo camera.',
  },
  {
    title: 'Solar cell and coating degradation experiment',
    name: 'SCDE',
    kg: [1, 3],
    watts: [1, 3],
    dataMb: [1, 5],
    objectives: 'Measure how dust and radiation degrade solar cells and coatings on the Moon.',
    methods: 'An array of test cells and coupons with I–V curve tracing and a dust sensor.',
  },
  {
    title: 'Low-frequency radio spectrometer',
    name: 'LFRS',
    kg: [3, 8],
    watts: [5, 15],
    dataMb: [50, 200],
    objectives: 'Measure the low-frequency radio sky and the lunar plasma environment.',
    methods: 'Three orthogonal monopole antennas and a digital spectrometer from 0.1 to 40 MHz.',
  },
  {
    title: 'Regolith penetrometer and sampling arm tool',
    name: 'PENETRO',
    kg: [4, 10],
    watts: [10, 30],
    dataMb: [5, 20],
    objectives: 'Measure regolith strength with depth near the lander.',
    methods: 'A cone penetrometer mounted on the lander arm with force and depth sensors.',
  },
  {
    title: 'Lunar exosphere neutral mass spectrometer',
    name: 'LENMS',
    kg: [3, 7],
    watts: [8, 18],
    dataMb: [10, 40],
    hazards: ['high_voltage'],
    objectives: 'Measure the composition and daily variation of the tenuous lunar exosphere.',
    methods: 'A time-of-flight neutral mass spectrometer with an open ion source.',
  },
  {
    title: 'Panoramic stereo and context camera',
    name: 'PANCAM',
    kg: [1, 3],
    watts: [3, 8],
    dataMb: [200, 600],
    objectives: 'Image the landing site in stereo for geology and for the other payloads.',
    methods: 'Two cameras on a mast with filter wheels and a calibration target.',
  },
  {
    title: 'Large-scale ISRU pilot plant module',
    name: 'ISRU-PP',
    kg: [45, 60],
    watts: [150, 300],
    dataMb: [20, 100],
    hazards: ['pressure_vessel', 'high_voltage'],
    objectives: 'Demonstrate oxygen production from regolith at pilot scale over several lunar days.',
    methods: 'A hydrogen-reduction reactor with regolith feed, water electrolysis and oxygen storage.',
  },
];

/** Tianwen-3 synthetic proposals: devices inside the orbiter or the service module. */
export const MARS_TOPICS: (PayloadTopic & { module: 'Orbiter' | 'Service module' })[] = [
  {
    title: 'Mars energetic neutral atom imager',
    name: 'MENA',
    module: 'Orbiter',
    kg: [2.5, 4],
    watts: [6, 10],
    dataMb: [50, 150],
    hazards: ['high_voltage'],
    objectives: 'Image the escape of planetary ions as energetic neutral atoms around Mars.',
    methods: 'A pinhole ENA camera with microchannel plates and time-of-flight energy analysis.',
  },
  {
    title: 'Martian radiation environment monitor',
    name: 'MREM',
    module: 'Service module',
    kg: [1, 2],
    watts: [2, 4],
    dataMb: [5, 20],
    objectives: 'Measure the radiation dose in Mars orbit and during cruise for crew-safety models.',
    methods: 'Silicon detector stack with dose, LET spectra and particle identification.',
  },
  {
    title: 'Ultraviolet spectrograph for the Martian upper atmosphere',
    name: 'MUVS',
    module: 'Orbiter',
    kg: [3, 5],
    watts: [8, 12],
    dataMb: [100, 300],
    objectives: 'Measure hydrogen and oxygen coronae and dayglow to study atmospheric escape.',
    methods: 'A far- and mid-UV imaging spectrograph with a scan mirror.',
  },
  {
    title: 'Solar wind ion analyser for Mars orbit',
    name: 'SWIA-M',
    module: 'Service module',
    kg: [1.5, 2.5],
    watts: [3, 6],
    dataMb: [20, 60],
    hazards: ['high_voltage'],
    objectives: 'Measure the upstream solar wind along the elliptical orbit.',
    methods: 'A top-hat electrostatic analyser with an electrostatic deflector.',
  },
  {
    title: 'Laser altimeter calibration retroreflector',
    name: 'MRR',
    module: 'Service module',
    kg: [0.3, 0.8],
    watts: [0, 0],
    dataMb: [0, 0],
    objectives: 'Provide a passive target for laser ranging and orbit determination.',
    methods: 'A cluster of corner-cube retroreflectors with no power or data.',
  },
  {
    title: 'Dust and micrometeoroid detector for Mars orbit',
    name: 'MDD',
    module: 'Orbiter',
    kg: [1.5, 3],
    watts: [3, 6],
    dataMb: [5, 15],
    objectives: 'Measure dust fluxes near Mars, including possible dust from Phobos and Deimos.',
    methods: 'An impact-ionisation detector with a charge-sensitive grid.',
  },
  {
    title: 'Magnetometer for the Martian induced magnetosphere',
    name: 'MAGM',
    module: 'Orbiter',
    kg: [1, 2],
    watts: [1.5, 3],
    dataMb: [10, 30],
    hazards: ['magnetic_field'],
    objectives: 'Measure the induced magnetosphere and crustal fields from low orbit.',
    methods: 'A fluxgate magnetometer with an inboard gradiometer sensor.',
  },
  {
    title: 'Infrared spectrometer for Martian water vapour',
    name: 'MIRS',
    module: 'Orbiter',
    kg: [3, 5],
    watts: [8, 14],
    dataMb: [80, 200],
    objectives: 'Map water vapour and ice clouds from orbit through the seasons.',
    methods: 'A compact grating spectrometer from 1.2 to 3.8 µm with a cooled detector.',
  },
  {
    title: 'Plasma wave receiver for Mars',
    name: 'MPWR',
    module: 'Service module',
    kg: [1, 2],
    watts: [2, 5],
    dataMb: [20, 80],
    objectives: 'Measure plasma waves and electron densities along the elliptical orbit.',
    methods: 'A digital receiver connected to two short dipole antennas.',
  },
  {
    title: 'Radio occultation experiment for the Martian ionosphere',
    name: 'MROX',
    module: 'Orbiter',
    kg: [1.5, 3],
    watts: [5, 9],
    dataMb: [10, 40],
    objectives: 'Profile the Martian ionosphere and neutral atmosphere by radio occultation.',
    methods: 'An ultra-stable oscillator feeding the spacecraft transponder; ground and inter-spacecraft links.',
  },
];

/** Names of invented investigators, by country (synthetic; any likeness is chance). */
export const PEOPLE: Record<string, string[]> = {
  FR: ['Camille Laurent', 'Julien Moreau', 'Élodie Garnier', 'Thomas Lefebvre'],
  DE: ['Anna Schneider', 'Jonas Becker', 'Lena Hoffmann', 'Felix Wagner'],
  JP: ['Haruka Sato', 'Kenji Takahashi', 'Yui Nakamura', 'Daichi Kobayashi'],
  PK: ['Ayesha Khan', 'Usman Qureshi', 'Sana Malik', 'Bilal Ahmed'],
  GB: ['Eleanor Hughes', 'James Whitfield', 'Priya Shah', 'Oliver Grant'],
  US: ['Rachel Kim', 'Michael Torres', 'Sarah Goldberg', 'David Okafor'],
  IT: ['Giulia Romano', 'Marco Ferri', 'Chiara Esposito', 'Luca Bianchi'],
  CH: ['Nadine Keller', 'Lukas Meier', 'Sophie Favre', 'Reto Brunner'],
  RU: ['Anastasia Volkova', 'Dmitry Sokolov', 'Irina Kuznetsova', 'Pavel Morozov'],
  IN: ['Ananya Iyer', 'Rohan Mehta', 'Kavya Nair', 'Arjun Rao'],
  TH: ['Siriporn Chaiyaphum', 'Nattapong Srisuk', 'Kanya Wongsa', 'Anan Boonmee'],
  HK: ['Wing Yan Chan', 'Ka Ho Lee', 'Hoi Ying Wong', 'Chun Kit Lau'],
  TR: ['Elif Yılmaz', 'Mehmet Demir', 'Zeynep Kaya', 'Emre Aydın'],
  ZA: ['Thandi Nkosi', 'Pieter van der Merwe', 'Lerato Mokoena', 'Sipho Dlamini'],
  PE: ['Lucía Quispe', 'Diego Huamán', 'Valeria Rojas', 'Jorge Mendoza'],
  BH: ['Fatima Al-Khalifa', 'Ahmed Al-Mahmood', 'Noor Hasan', 'Yusuf Al-Sayed'],
  EG: ['Mariam Farouk', 'Omar Hassan', 'Nour El-Din', 'Heba Mostafa'],
  IR: ['Maryam Ahmadi', 'Reza Karimi', 'Leila Hosseini', 'Ali Rezaei'],
  AZ: ['Aysel Mammadova', 'Rashad Aliyev', 'Leyla Huseynova', 'Elvin Guliyev'],
  BY: ['Alena Kavalenka', 'Siarhei Novik', 'Volha Lis', 'Andrei Zhuk'],
  VE: ['Andrea Pérez', 'Carlos Rodríguez', 'Mariana Gómez', 'Luis Hernández'],
  RS: ['Jelena Petrović', 'Nikola Jovanović', 'Milica Ilić', 'Stefan Marković'],
  KZ: ['Aigerim Nurlanovna', 'Yerlan Sadykov', 'Dana Abenova', 'Timur Zhaksybekov'],
  SN: ['Aminata Diallo', 'Moussa Ndiaye', 'Fatou Sow', 'Cheikh Fall'],
  ET: ['Hana Tesfaye', 'Dawit Bekele', 'Selam Girma', 'Yonas Alemu'],
  BO: ['Sofía Mamani', 'Javier Choque', 'Paola Vargas', 'Marcelo Flores'],
  AE: ['Mariam Al-Mansoori', 'Khalid Al-Marri', 'Aisha Al-Hammadi', 'Saeed Al-Suwaidi'],
  NG: ['Ngozi Okeke', 'Tunde Adebayo', 'Amina Bello', 'Chinedu Eze'],
  MX: ['Daniela Ortiz', 'Alejandro Ruiz', 'Fernanda Castillo', 'Ricardo Núñez'],
  SE: ['Ingrid Lindqvist', 'Erik Johansson', 'Maja Berg', 'Anders Nilsson'],
  PL: ['Katarzyna Nowak', 'Piotr Wiśniewski', 'Agnieszka Wójcik', 'Tomasz Lewandowski'],
  NO: ['Ingrid Hansen', 'Lars Johansen', 'Silje Berg', 'Henrik Dahl'],
  BE: ['Charlotte Peeters', 'Maxime Dubois', 'Lotte Janssens', 'Pieter De Smet'],
  KE: ['Wanjiru Kamau', 'Otieno Odhiambo', 'Achieng Atieno', 'Kiprono Kiptoo'],
  SA: ['Reem Al-Qahtani', 'Faisal Al-Otaibi', 'Lama Al-Harbi', 'Saud Al-Dosari'],
  CN: ['Wang Fang', 'Li Wei', 'Zhang Min', 'Chen Jie'],
};
