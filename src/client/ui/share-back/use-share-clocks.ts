import { useEffect, useState } from 'preact/hooks';
import type { RoundShareClock } from '../../../shared/answers/share-back';
import type { LookforDb } from '../../data/db';
import { schoolClocks } from '../../data/share-back';
import { readSchoolClocks } from '../../data/share-clock-store';

/** The device's database and clock: given, the clocks are kept and shown offline. */
export interface ClockDevice {
  db: LookforDb;
  now: () => Date;
}

async function clocksOf(schoolId: string, device: ClockDevice | undefined) {
  if (!device) {
    const result = await schoolClocks(schoolId);
    return result.ok ? result.value.rounds : [];
  }
  const result = await readSchoolClocks(device.db, schoolId, device.now());
  return result.ok ? result.clocks : [];
}

/**
 * The share-back clocks of the closed rounds of these schools, by round id; null
 * until read. With a device, the last clocks received are kept on it and, offline,
 * shown counted on to today; without one, offline the map stays empty (the rounds
 * list works without them).
 */
export function useShareClocks(
  schoolIds: readonly string[],
  version = 0,
  device?: ClockDevice,
): ReadonlyMap<string, RoundShareClock> | null {
  const [clocks, setClocks] = useState<ReadonlyMap<string, RoundShareClock> | null>(null);
  const key = schoolIds.join(',');
  useEffect(() => {
    let live = true;
    void Promise.all(schoolIds.map((id) => clocksOf(id, device))).then((results) => {
      if (!live) return;
      setClocks(new Map(results.flat().map((c) => [c.roundId, c])));
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
