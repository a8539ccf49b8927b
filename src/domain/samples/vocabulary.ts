/** What a sample is kept for. */
export const SAMPLE_USES = ['research', 'display', 'storage'] as const;
export type SampleUse = (typeof SAMPLE_USES)[number];

export const SAMPLE_STATUSES = ['in_store', 'in_transit', 'on_loan', 'consumed', 'lost'] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];

/**
 * Kinds of ledger entry. Signs: initial, split_in and return add mass; split_out, consume, loss,
 * contamination and ship remove it; receive, return_receipt and adjust are measured weighing
 * differences, either way, within the sample's declared tolerance.
 */
export const LEDGER_KINDS = [
  'initial',
  'split_out',
  'split_in',
  'consume',
  'loss',
  'contamination',
  'ship',
  'receive',
  'return',
  'return_receipt',
  'adjust',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const ADDING_KINDS: readonly LedgerKind[] = ['initial', 'split_in', 'return'];
export const REMOVING_KINDS: readonly LedgerKind[] = ['split_out', 'consume', 'loss', 'contamination', 'ship'];
export const WEIGHING_KINDS: readonly LedgerKind[] = ['receive', 'return_receipt', 'adjust'];
