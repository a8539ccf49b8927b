import type { SampleUse } from '../../domain/samples/vocabulary.js';

// The custody demo's data. The borrowers, their agreements and the gifts are real (REFERENCE.md §2);
// sample numbers, masses, couriers, tracking numbers and shipment routes are not public and are
// invented here (marked synthetic wherever they are shown). Editable data, never logic.

export const SYNTHETIC_CUSTODY = 'Synthetic demo custody record';
export const CURATION = 'Lunar Sample Laboratory, NAOC (Beijing)';
const STORE = 'Lunar Sample Laboratory, NAOC, Beijing';

export interface DemoParent {
  number: string;
  sampleType: string;
  massUg: number;
  toleranceUg: number;
  container: string;
  storageLocation: string;
  characterisation: string;
  /** Working portions split from it; a loan names one as `${number}/${index}`. */
  portions: { massUg: number; use: SampleUse; container: string; storageLocation: string }[];
}

export const CUSTODY_PARENTS: DemoParent[] = [
  {
    number: 'CE5C0400',
    sampleType: 'regolith (powder)',
    massUg: 3_000_000,
    toleranceUg: 50,
    container: 'Sealed stainless jar under N2',
    storageLocation: `${STORE}, main store cabinet A3`,
    characterisation: 'Scooped surface regolith, sieved below 1 mm.',
    portions: [
      { massUg: 1_000_000, use: 'research', container: 'Glass vial under N2', storageLocation: `${STORE}, clean room 2` },
      { massUg: 200_000, use: 'display', container: 'Sealed display capsule', storageLocation: `${STORE}, display reserve` },
    ],
  },
  {
    number: 'CE5Z0100',
    sampleType: 'regolith (powder)',
    massUg: 4_000_000,
    toleranceUg: 50,
    container: 'Sealed stainless jar under N2',
    storageLocation: `${STORE}, main store cabinet B1`,
    characterisation: 'Drilled core material, homogenised powder.',
    portions: [
      { massUg: 3_200_000, use: 'research', container: 'Glass vial under N2', storageLocation: `${STORE}, clean room 1` },
    ],
  },
];

export interface DemoRoute {
  courier: string;
  tracking: string;
  from: string;
  via: { toHolder: string; place: string }[];
  to: string;
}

export interface DemoCustodyLoan {
  /** The agreement's reference (seeded by demo-agreements.ts). */
  agreement: string;
  gift?: boolean;
  portion: string;
  /** Whole µg of each subsample split for the loan. */
  subsamplesUg: number[];
  openedOn: string;
  dueOn?: string;
  shipment: DemoRoute;
  location: string;
  reportTitle: string;
  consumedUg?: number;
  analysis?: string;
  partialReturnUg?: number;
  returnShipment?: DemoRoute;
  /** This borrower files no annual inventory: it is overdue and blocks new allocations. */
  inventoryOverdue?: boolean;
}

const outbound = (n: number, courier: string, via: DemoRoute['via'], to: string): DemoRoute => ({
  courier,
  tracking: `DEMO-CE5-2025-${String(n).padStart(3, '0')}`,
  from: STORE,
  via,
  to,
});

/** The seven loans of 2025: agreements in force on 24 April (on site) or early May (remote). */
export const CUSTODY_LOANS: DemoCustodyLoan[] = [
  {
    agreement: 'CE5-LOAN-2025-001',
    portion: 'CE5C0400/0',
    subsamplesUg: [60_000, 40_000],
    openedOn: '2025-05-14',
    shipment: outbound(
      1,
      'Air China Cargo (hand-carried)',
      [{ toHolder: 'Customs broker, Paris-Charles de Gaulle', place: 'Roissy' }],
      'IPGP, Paris',
    ),
    location: 'IPGP, Paris: clean-room cabinet N2-1',
    reportTitle: 'Isotopic constraints on the Chang’e-5 mantle source',
    consumedUg: 12_000,
    analysis: 'Dissolved for Ti and Cr isotope analysis',
  },
  {
    agreement: 'CE5-LOAN-2025-002',
    portion: 'CE5C0400/0',
    subsamplesUg: [60_000, 40_000],
    openedOn: '2025-05-14',
    shipment: outbound(2, 'DHL Express', [{ toHolder: 'DHL hub, Leipzig', place: 'Leipzig' }], 'University of Cologne'),
    location: 'University of Cologne: isotope laboratory safe 2',
    reportTitle: 'Hf-W chronology of young lunar basalts',
    consumedUg: 8_000,
    analysis: 'Acid digestion for Hf-W isotope chronology',
  },
  {
    agreement: 'CE5-LOAN-2025-003',
    portion: 'CE5C0400/0',
    subsamplesUg: [60_000, 40_000],
    openedOn: '2025-05-16',
    shipment: outbound(3, 'SF Express', [{ toHolder: 'Customs broker, Kansai airport', place: 'Osaka' }], 'Osaka University'),
    location: 'Osaka University: sample cabinet 4',
    reportTitle: 'Space weathering of regolith grains by electron microscopy',
    inventoryOverdue: true,
  },
  {
    agreement: 'CE5-LOAN-2025-004',
    portion: 'CE5C0400/0',
    subsamplesUg: [60_000, 40_000],
    openedOn: '2025-05-20',
    shipment: outbound(
      4,
      'China Post EMS',
      [{ toHolder: 'Customs broker, Islamabad airport', place: 'Islamabad' }],
      'SUPARCO, Karachi',
    ),
    location: 'SUPARCO, Karachi: planetary science laboratory',
    reportTitle: 'Mineralogy of Chang’e-5 regolith by Raman spectroscopy',
  },
  {
    agreement: 'CE5-LOAN-2025-005',
    portion: 'CE5C0400/0',
    subsamplesUg: [60_000, 40_000],
    openedOn: '2025-05-20',
    shipment: outbound(
      5,
      'DHL Express',
      [{ toHolder: 'DHL hub, East Midlands', place: 'East Midlands' }],
      'The Open University, Milton Keynes',
    ),
    location: 'The Open University: N2 cabinet, planetary sciences',
    reportTitle: 'Water and volatiles in Chang’e-5 glass and apatite',
    // One of its two subsamples comes back whole (a subsample has one custodian); the loan stays open.
    partialReturnUg: 40_000,
    returnShipment: {
      courier: 'DHL Express',
      tracking: 'DEMO-CE5-2025-R05',
      from: 'The Open University, Milton Keynes',
      via: [{ toHolder: 'Beijing Capital Airport customs', place: 'Beijing' }],
      to: STORE,
    },
  },
  {
    agreement: 'CE5-LOAN-2025-006',
    portion: 'CE5C0400/0',
    subsamplesUg: [60_000, 40_000],
    openedOn: '2025-05-27',
    shipment: outbound(
      6,
      'FedEx International Priority',
      [{ toHolder: 'FedEx hub, Memphis', place: 'Memphis' }],
      'Brown University, Providence',
    ),
    location: 'Brown University: RELAB sample vault',
    reportTitle: 'Reflectance spectra of Chang’e-5 soils for remote sensing',
    consumedUg: 5_000,
    analysis: 'Prepared as a polished mount for microprobe analysis',
  },
  {
    agreement: 'CE5-LOAN-2025-007',
    portion: 'CE5C0400/0',
    subsamplesUg: [60_000, 40_000],
    openedOn: '2025-05-27',
    shipment: outbound(
      7,
      'FedEx International Priority',
      [{ toHolder: 'Customs broker, JFK airport', place: 'New York' }],
      'Stony Brook University',
    ),
    location: 'Stony Brook University: geosciences clean laboratory',
    reportTitle: 'Shock history of Chang’e-5 regolith fragments',
  },
];

/** The gifts of 1.5 g (2022, 2023): never returned; the due date closes their accounting after ten years. */
export const CUSTODY_GIFTS: DemoCustodyLoan[] = [
  {
    agreement: 'CE5-GIFT-2022',
    gift: true,
    portion: 'CE5Z0100/0',
    subsamplesUg: [1_500_000],
    openedOn: '2022-06-01',
    dueOn: '2032-06-01',
    shipment: outbound(
      901,
      'Diplomatic courier',
      [{ toHolder: 'Roscosmos representative, Moscow', place: 'Moscow' }],
      'Roscosmos, Moscow',
    ),
    location: 'Vernadsky Institute, Moscow: lunar sample store',
    reportTitle: 'Studies of the Chang’e-5 gift sample',
  },
  {
    agreement: 'CE5-GIFT-2023',
    gift: true,
    portion: 'CE5Z0100/0',
    subsamplesUg: [1_500_000],
    openedOn: '2023-05-06',
    dueOn: '2033-05-06',
    shipment: outbound(902, 'Diplomatic courier', [{ toHolder: 'CNES representative, Paris', place: 'Paris' }], 'CNES, Paris'),
    location: 'CNES and partner laboratories, France: sample store',
    reportTitle: 'Studies of the Chang’e-5 gift sample',
  },
];
