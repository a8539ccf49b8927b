import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.js';
import { currentLocale, i18n } from '../../i18n/index.js';
import { type ReviewInput, reviewApi } from '../../review-api.js';

// The review draft saves itself as the application draft does (use-autosave.ts): a debounced PUT
// with the revision it was based on. A 409 means another tab saved first (or the round closed): the
// form stops saving and says so, instead of overwriting the other copy.

export type ReviewDraft = Omit<ReviewInput, 'revision'>;
export type ReviewSaveStatus =
  | { kind: 'saved'; at: number | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'retrying'; message: string }
  | { kind: 'stale'; message: string };

const DEBOUNCE_MS = 800;

export function useReviewAutosave(assignmentId: string, initial: ReviewDraft, initialRevision: number) {
  const [draft, setDraft] = useState(initial);
  const [status, setStatus] = useState<ReviewSaveStatus>({ kind: 'saved', at: null });
  const current = useRef(initial);
  const saved = useRef(initial);
  const revision = useRef(initialRevision);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flight = useRef<Promise<void> | null>(null);
  const stopped = useRef(false);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (flight.current) {
      await flight.current;
      if (current.current !== saved.current && !stopped.current) return flush();
      return;
    }
    if (current.current === saved.current || stopped.current) return;
    const sending = current.current;
    setStatus({ kind: 'saving' });
    flight.current = (async () => {
      try {
        const answer = await reviewApi.saveDraft(assignmentId, { ...sending, revision: revision.current });
        revision.current = answer.revision;
        saved.current = sending;
        if (current.current === sending) setStatus({ kind: 'saved', at: Date.now() });
        else {
          setStatus({ kind: 'pending' });
          timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
        }
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          stopped.current = true;
          setStatus({ kind: 'stale', message: error.message });
          return;
        }
        const message = error instanceof Error ? error.message : String(error);
        setStatus({ kind: 'retrying', message });
        timer.current = setTimeout(() => void flush(), 5000);
      } finally {
        flight.current = null;
      }
    })();
    await flight.current;
  }, [assignmentId]);

  const update = useCallback(
    (change: (d: ReviewDraft) => ReviewDraft) => {
      current.current = change(current.current);
      setDraft(current.current);
      if (stopped.current) return;
      setStatus({ kind: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (current.current !== saved.current && !stopped.current) void flush();
    },
    [flush],
  );

  return { draft, update, status, flush, revision: () => revision.current, stopped: () => stopped.current };
}

export function statusText(status: ReviewSaveStatus): string {
  const t = (key: string, values: Record<string, string> = {}) => i18n.t(`save.${key}`, { ns: 'review', ...values });
  switch (status.kind) {
    case 'saved':
      return status.at ? t('savedAt', { time: new Date(status.at).toLocaleTimeString(currentLocale()) }) : t('saved');
    case 'pending':
      return t('pending');
    case 'saving':
      return t('saving');
    case 'retrying':
      return t('retrying', { message: status.message });
    case 'stale':
      return t('stale', { message: status.message });
  }
}
