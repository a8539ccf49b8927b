import { useEffect, useState } from 'react';
import { ApiError } from './api.js';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'not-found' }
  | { state: 'error'; message: string };

/** Runs `load` whenever `key` changes; a newer request cancels the older one. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Load<T> {
  const [result, setResult] = useState<{ key: string; value: Load<T> }>({ key, value: { state: 'loading' } });
  // `load` is a fresh closure each render; `key` says when it asks for something else.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on purpose
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setResult({ key, value: { state: 'ready', data } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const value: Load<T> =
          error instanceof ApiError && error.status === 404
            ? { state: 'not-found' }
            : { state: 'error', message: error instanceof Error ? error.message : String(error) };
        setResult({ key, value });
      },
    );
    return () => controller.abort();
  }, [key]);
  return result.key === key ? result.value : { state: 'loading' };
}

/**
 * Loads once, like useLoad, and lets the page change the loaded data in place after a write (a revoked
 * session leaves the list without a spinner in between); `reload` fetches again.
 */
export function useLoadedState<T>(load: (signal: AbortSignal) => Promise<T>, key: string) {
  const [round, setRound] = useState(0);
  const loaded = useLoad(load, `${key}#${round}`);
  const [local, setLocal] = useState<{ from: Load<T>; data: T } | null>(null);
  const current: Load<T> = local && local.from === loaded ? { state: 'ready', data: local.data } : loaded;
  const update = (change: (data: T) => T) => {
    if (current.state === 'ready') setLocal({ from: loaded, data: change(current.data) });
  };
  return { load: current, update, reload: () => setRound((r) => r + 1) };
}
