import type { ApplicationDocument, PayloadRequest, SampleRequest } from '../../calls-api.js';

/** A saved draft may miss any part; the editor always works on a whole document. */
export function normalize(draft: Partial<ApplicationDocument> | null | undefined): ApplicationDocument {
  const d = draft ?? {};
  return {
    title: d.title ?? '',
    abstract: d.abstract ?? '',
    team: d.team ?? [],
    people: d.people ?? [],
    scheme: {
      objectives: d.scheme?.objectives ?? '',
      methods: d.scheme?.methods ?? '',
      expectedResults: d.scheme?.expectedResults ?? '',
      heritage: d.scheme?.heritage ?? '',
    },
    sampleRequests: d.sampleRequests ?? [],
    payloadRequests: (d.payloadRequests ?? []).map((p) => ({ ...p, hazards: p.hazards ?? [] })),
  };
}

export type Update = (change: (doc: ApplicationDocument) => ApplicationDocument) => void;

/** Replaces item `index` of a list with `change(item)`. */
export function patchAt<T>(list: T[], index: number, change: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...change } : item));
}

export const removeAt = <T>(list: T[], index: number): T[] => list.filter((_, i) => i !== index);

export const emptySample = (offerId = ''): SampleRequest => ({ offerId });
export const emptyPayload = (offerId = ''): PayloadRequest => ({ offerId, hazards: [] });

/** Field errors keyed by the API's paths ("payloadRequests.0.massG"). */
export type Errors = Record<string, string>;

export function errorsOf(issues: { field: string; message: string }[]): Errors {
  const errors: Errors = {};
  for (const issue of issues) if (issue.field) errors[issue.field] ??= issue.message;
  return errors;
}

/** Moves focus to the control of an API path, or the nearest enclosing part of the form that has one. */
export function focusField(path: string): boolean {
  let p = path;
  while (p) {
    const holder = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(p)}"]`);
    const target = holder?.matches('input, select, textarea, button')
      ? holder
      : holder?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button');
    if (target) {
      target.focus();
      target.scrollIntoView({ block: 'center' });
      return true;
    }
    p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '';
  }
  return false;
}

/** The value at an API path ("payloadRequests.0.massG") of a document, or undefined. */
export function valueAt(doc: unknown, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value == null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The submit errors still worth showing: a field edited since the submit loses its message. */
export function currentErrors(errors: Errors, at: unknown, doc: unknown, attachedKeys: Set<string>): Errors {
  const shown: Errors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith('attachments.')) {
      if (!attachedKeys.has(path.slice('attachments.'.length))) shown[path] = message;
    } else if (JSON.stringify(valueAt(at, path)) === JSON.stringify(valueAt(doc, path))) shown[path] = message;
  }
  return shown;
}
