import { useCallback, useEffect, useRef, useState } from 'react';
import { describeFailure } from '../services/api-client.js';

/** A failed load carries a localised message and whether a retry can help (see `describeFailure`). */
export type Load<T> = { state: 'loading' } | { state: 'error'; message: string; retryable: boolean } | { state: 'ready'; data: T };

/**
 * Runs a service call and re-runs it on `reload` or when `deps` change. A reload keeps showing
 * the current data until the new data arrives, so a page does not flash back to its skeleton (and
 * a form's success message survives); changed `deps` show the skeleton, since the data is for
 * something else.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Load<T> & { reload: () => void } {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const loadedFor = useRef<string>(undefined);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  const key = JSON.stringify(deps);
  useEffect(() => {
    let current = true;
    const sameSubject = loadedFor.current === key;
    loadedFor.current = key;
    setResult((previous) => (sameSubject && previous.state === 'ready' ? previous : { state: 'loading' }));
    load().then(
      (data) => current && setResult({ state: 'ready', data }),
      (error: unknown) => current && setResult({ state: 'error', ...describeFailure(error) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round, key]);
  return { ...result, reload };
}
