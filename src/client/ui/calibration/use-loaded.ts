import { useEffect, useState } from 'preact/hooks';
import type { Loaded } from '../../data/calibration';

/**
 * A calibration answer read from the server for `key`, null while it loads, and a
 * function that asks again (the Refresh button). An answer for an older key is dropped.
 */
export function useLoaded<T>(
  load: (key: string) => Promise<Loaded<T>>,
  key: string,
): [Loaded<T> | null, () => void] {
  const [result, setResult] = useState<Loaded<T> | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let current = true;
    void load(key).then((r) => current && setResult(r));
    return () => {
      current = false;
    };
  }, [key, asked]);
  return [result, () => setAsked((n) => n + 1)];
}
