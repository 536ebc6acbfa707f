import { useEffect, useState } from 'preact/hooks';
import type { RoundShareClock } from '../../../shared/answers/share-back';
import { schoolClocks } from '../../data/share-back';

/**
 * The share-back clocks of the closed rounds of these schools, by round id; null
 * until read. Offline the read fails and the map stays empty (the rounds list works
 * without them).
 */
export function useShareClocks(
  schoolIds: readonly string[],
  version = 0,
): ReadonlyMap<string, RoundShareClock> | null {
  const [clocks, setClocks] = useState<ReadonlyMap<string, RoundShareClock> | null>(null);
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

/** Holds a clock's place while it loads, so nothing below it moves when it arrives. */
export const placeholderClock = (roundId: string): RoundShareClock => ({
  roundId,
  roundName: '',
  schoolId: '',
  schoolName: '',
  closedOn: '',
  shareBy: '',
  sharedOn: null,
  clock: { state: 'due', schoolDaysLeft: 2, shareBy: '' },
});
