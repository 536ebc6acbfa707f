import { useEffect, useRef, useState } from 'preact/hooks';
import type * as z from 'zod/mini';
import { readResults, type ResultsAnswer } from '../../data/dashboard';
import { useServices } from '../app-context';

/**
 * One results view, re-read whenever its path or `version` changes; null path means
 * "not yet". A re-read of the same path (after a change) keeps the old answer on
 * screen until the new one arrives.
 */
export function useResults<T>(
  schema: z.ZodMiniType<T>,
  path: string | null,
  version = 0,
): ResultsAnswer<T> | null {
  const { store } = useServices();
  const [answer, setAnswer] = useState<ResultsAnswer<T> | null>(null);
  const lastPath = useRef<string | null>(null);
  useEffect(() => {
    if (lastPath.current !== path) setAnswer(null);
    lastPath.current = path;
    if (!path) return;
    let live = true;
    // Read from the dashboard chunk, so none of it weighs on the first screen.
    void readResults(store.db, path, schema, store.now()).then((a) => {
      if (live) setAnswer(a);
    });
    return () => {
      live = false;
    };
  }, [path, version]);
  return answer;
}
