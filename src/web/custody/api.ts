import { request } from '../api.js';

// The custody API as the curator's and borrower's pages call it (shapes follow src/services/custody).

export interface LoanItem {
  id: string;
  sampleId: string;
  number: string;
  sampleType: string;
  storeUg: number;
  allocatedUg: number;
  outUg: number;
  shippedUg: number;
  returnedUg: number;
  sampleStatus: string;
}
export interface ShipmentView {
  id: string;
  reference: string;
  direction: 'outbound' | 'return';
  courier: string;
  trackingNumber: string;
  sealedContainerIds: string[];
  status: string;
  items: {
    id: string;
    loanItemId: string;
    number: string;
    packedMassUg: number;
    measuredMassUg: number | null;
    containerId: string;
  }[];
  handovers: { position: number; fromHolder: string; toHolder: string; place: string; at: string }[];
}
export interface LoanDetail {
  id: string;
  reference: string;
  status: 'open' | 'closed';
  dueOn: string;
  borrowerName: string;
  borrowerCountry: string | null;
  viewer: { curator: boolean; borrower: boolean };
  items: LoanItem[];
  shipments: ShipmentView[];
  discrepancies: {
    id: string;
    number: string;
    direction: string;
    expectedUg: number;
    measuredUg: number;
    toleranceUg: number;
    status: string;
    resolution: string | null;
  }[];
  duties: { id: string; kind: string; period: number; dueOn: string; status: string; overdue: boolean }[];
  outputs: { id: string; kind: string; title: string; doi: string | null; samples: string[] }[];
  inventories: { id: string; filedAt: string; lines: number }[];
}
export interface LoanSummary {
  id: string;
  reference: string;
  status: string;
  dueOn: string;
  borrowerName: string;
  borrowerCountry: string | null;
  items: number;
  outUg: number;
  overdueDuties: number;
  inTransit: number;
}

export const custodyApi = {
  curatorLoans: (signal?: AbortSignal) => request<{ loans: LoanSummary[] }>('GET', '/api/custody/loans', undefined, signal),
  borrowerLoans: (signal?: AbortSignal) => request<{ loans: LoanSummary[] }>('GET', '/api/borrower/loans', undefined, signal),
  loan: (id: string, signal?: AbortSignal) => request<LoanDetail>('GET', `/api/loans/${id}`, undefined, signal),
  overdue: (signal?: AbortSignal) =>
    request<{
      duties: {
        dutyId: string;
        kind: string;
        dueOn: string;
        daysOverdue: number;
        loanId: string;
        loanReference: string;
        institutionName: string;
        countryCode: string | null;
      }[];
    }>('GET', '/api/custody/overdue', undefined, signal),
  where: (signal?: AbortSignal) =>
    request<{
      summary: { custodian: string; country: string; samples: number; massUg: number }[];
      samples: {
        id: string;
        number: string;
        custodian: string;
        holder: string;
        country: string | null;
        loanReference: string | null;
        loanId: string | null;
        storeUg: number;
        outUg: number;
      }[];
    }>('GET', '/api/custody/where', undefined, signal),
  discrepancies: (signal?: AbortSignal) =>
    request<{
      discrepancies: {
        id: string;
        number: string;
        status: string;
        direction: string;
        expectedUg: number;
        measuredUg: number;
        loanId: string;
        loanReference: string;
        shipmentReference: string;
      }[];
    }>('GET', '/api/custody/discrepancies', undefined, signal),
  auditSamples: (signal?: AbortSignal) =>
    request<{
      draws: {
        id: string;
        seed: string;
        size: number;
        population: number;
        drawnAt: string;
        items: { position: number; number: string; holder: string }[];
      }[];
    }>('GET', '/api/custody/audit-samples', undefined, signal),
  drawAuditSample: (size: number, seed?: string) =>
    request<{ id: string }>('POST', '/api/custody/audit-samples', { size, ...(seed ? { seed } : {}) }),
  prepareShipment: (loanId: string, direction: 'outbound' | 'return', body: unknown) =>
    request<{ id: string }>('POST', `/api/loans/${loanId}/${direction === 'outbound' ? 'shipments' : 'returns'}`, body),
  dispatch: (shipmentId: string, place: string) => request('POST', `/api/shipments/${shipmentId}/dispatch`, { place }),
  receive: (shipmentId: string, place: string, items: { shipmentItemId: string; measuredMassUg: number }[]) =>
    request('POST', `/api/shipments/${shipmentId}/receipt`, { place, items }),
  resolve: (discrepancyId: string, body: unknown) => request('POST', `/api/discrepancies/${discrepancyId}/resolution`, body),
  inventory: (loanId: string, body: unknown) => request('POST', `/api/loans/${loanId}/inventories`, body),
  output: (loanId: string, body: unknown) => request('POST', `/api/loans/${loanId}/outputs`, body),
  use: (loanId: string, body: unknown) => request('POST', `/api/loans/${loanId}/uses`, body),
  verify: (number: string, signal?: AbortSignal) =>
    request<{
      number: string;
      genuine: boolean;
      sampleType?: string;
      declaredMassUg?: number;
      status?: string;
      custodian?: string | null;
    }>('GET', `/api/verify/samples/${encodeURIComponent(number)}`, undefined, signal),
};
