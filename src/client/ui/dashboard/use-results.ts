import { useEffect, useState } from 'preact/hooks';
import { readResults, type ResultsAnswer } from '../../data/dashboard';
import { useServices } from '../app-context';

/** One results view, re-read whenever its path changes; null path means "not yet". */
export function useResults<T>(path: string | null): ResultsAnswer<T> | null {
  const { store } = useServices();
  const [answer, setAnswer] = useState<ResultsAnswer<T> | null>(null);
  useEffect(() => {
    setAnswer(null);
    if (!path) return;
    let live = true;
    // Read from the dashboard chunk, so none of it weighs on the first screen.
    void readResults<T>(store.db, path, store.now()).then((a) => {
      if (live) setAnswer(a);
    });
    return () => {
      live = false;
    };
  }, [path]);
  return answer;
}
