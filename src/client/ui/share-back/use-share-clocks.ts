import { useEffect, useState } from 'preact/hooks';
import type { RoundShareClock } from '../../../shared/answers/share-back';
import { schoolClocks } from '../../data/share-back';

/**
 * The share-back clocks of the closed rounds of these schools, by round id; empty
 * until read, and left empty offline (the rounds list works without them).
 */
export function useShareClocks(schoolIds: readonly string[], version = 0) {
  const [clocks, setClocks] = useState<ReadonlyMap<string, RoundShareClock>>(new Map());
  const key = schoolIds.join(',');
  useEffect(() => {
    let live = true;
    void Promise.all(schoolIds.map(schoolClocks)).then((results) => {
      if (!live) return;
      const all = results.flatMap((r) => (r.ok ? r.value.rounds : []));
      setClocks(new Map(all.map((c) => [c.roundId, c])));
    });
    return () => {
      live = false;
    };
  }, [key, version]);
  return clocks;
}
