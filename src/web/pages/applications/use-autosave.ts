import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.js';
import { type ApplicationDocument, applicationsApi } from '../../calls-api.js';

// Autosave: every change goes to the server about a second after the last keystroke, with the
// revision it was based on. The unsaved document lives in memory and in localStorage until the server
// has it, so a failed save, a closed tab or a crash never loses typed text; failures retry with backoff.

export type SaveStatus =
  | { kind: 'saved'; at: number | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'retrying'; message: string }
  | { kind: 'conflict'; refused: string | null };

interface LocalCopy {
  doc: ApplicationDocument;
  baseRevision: number;
  at: number;
}

const DEBOUNCE_MS = 1000;
const storageKey = (id: string) => `orbitshare:application-draft:${id}`;

export function readLocalCopy(id: string): LocalCopy | null {
  try {
    const text = localStorage.getItem(storageKey(id));
    return text ? (JSON.parse(text) as LocalCopy) : null;
  } catch {
    return null;
  }
}

function writeLocalCopy(id: string, copy: LocalCopy) {
  try {
    localStorage.setItem(storageKey(id), JSON.stringify(copy));
  } catch {
    // Storage full or refused: the copy in memory still retries.
  }
}

export function dropLocalCopy(id: string) {
  try {
    localStorage.removeItem(storageKey(id));
  } catch {
    // nothing to do
  }
}

export function useAutosave(
  id: string,
  initial: ApplicationDocument,
  initialRevision: number,
  { onSaved }: { onSaved?: (revision: number) => void } = {},
) {
  const [doc, setDoc] = useState(initial);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: null });
  const current = useRef(initial);
  const saved = useRef(initial);
  const revision = useRef(initialRevision);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flight = useRef<Promise<void> | null>(null);
  const attempts = useRef(0);
  const stopped = useRef(false);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const schedule = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), ms);
  }, []);

  const flush = async (): Promise<void> => {
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
        const answer = await applicationsApi.saveDraft(id, sending, revision.current);
        revision.current = answer.draftRevision;
        saved.current = sending;
        attempts.current = 0;
        if (current.current === sending) {
          dropLocalCopy(id);
          setStatus({ kind: 'saved', at: Date.now() });
        } else {
          writeLocalCopy(id, { doc: current.current, baseRevision: revision.current, at: Date.now() });
          setStatus({ kind: 'pending' });
          schedule(DEBOUNCE_MS);
        }
        onSavedRef.current?.(answer.draftRevision);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          // Another tab saved first (or the window closed): stop, keep the typed text in this browser, ask to reload.
          stopped.current = true;
          const elsewhere = error.issues.some((i) => i.field === 'baseRevision');
          setStatus({ kind: 'conflict', refused: elsewhere ? null : error.message });
          return;
        }
        attempts.current += 1;
        const message = error instanceof Error ? error.message : String(error);
        setStatus({ kind: 'retrying', message });
        schedule(Math.min(30_000, 1000 * 2 ** attempts.current));
      } finally {
        flight.current = null;
      }
    })();
    await flight.current;
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;

  /** Applies a change and saves it soon. */
  const update = useCallback(
    (change: (doc: ApplicationDocument) => ApplicationDocument) => {
      const next = change(current.current);
      if (next === current.current) return;
      current.current = next;
      setDoc(next);
      writeLocalCopy(id, { doc: next, baseRevision: revision.current, at: Date.now() });
      if (!stopped.current) {
        setStatus((s) => (s.kind === 'retrying' ? s : { kind: 'pending' }));
        schedule(DEBOUNCE_MS);
      }
    },
    [id, schedule],
  );

  /** Saves now (before a submit); resolves true when the server has the document as shown. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    await flushRef.current();
    return current.current === saved.current && !stopped.current;
  }, []);

  // Leaving with unsaved text: the browser asks first (the local copy is kept either way).
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (current.current !== saved.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (timer.current) clearTimeout(timer.current);
      // Navigating away inside the app: send what is pending rather than drop it.
      if (current.current !== saved.current && !stopped.current) void flushRef.current();
    };
  }, []);

  return { doc, update, status, saveNow, revision: () => revision.current };
}
