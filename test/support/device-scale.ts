import type { LocalRecord, LookforDb } from '../../src/client/data/db';
import type { Observation } from '../../src/shared/observation';
import { observation, TEST_SCHOOL_ID } from './factories';

export const SCHOOLS = [
  TEST_SCHOOL_ID,
  '00000000-0000-4000-8000-0000000000a2',
  '00000000-0000-4000-8000-0000000000a3',
] as const;
export const BIG_ROUND_ID = '00000000-0000-4000-8000-0000000000c1';
export const PROTOCOLS = ['blast-empowered-learning', 'equitable-learning'] as const;

/**
 * Observation number `i` of a device holding years of notes: three a day, all
 * near noon UTC (the same calendar day in every time zone a school is in),
 * number 0 the newest. Schools and protocols rotate; every 20th of the newest
 * 600 belongs to one round.
 */
export function yearsOfNotes(i: number): Observation {
  const day = new Date(Date.UTC(2026, 10, 23, 12, 2 - (i % 3)));
  day.setUTCDate(day.getUTCDate() - Math.floor(i / 3));
  return observation({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    schoolId: SCHOOLS[i % 3] ?? TEST_SCHOOL_ID,
    school: `School ${(i % 3) + 1}`,
    protocolId: PROTOCOLS[i % 2] ?? 'blast-empowered-learning',
    room: `${100 + (i % 50)}`,
    roundId: i < 600 && i % 20 === 0 ? BIG_ROUND_ID : null,
    roomId: i < 600 && i % 20 === 0 ? `r${i}` : null,
    startedAt: day.toISOString(),
    endedAt: day.toISOString(),
    status: 'complete',
  });
}

/** Stores `count` observations as pulled from the server (synced, no outbox rows). */
export async function storeYearsOfNotes(db: LookforDb, count: number): Promise<Observation[]> {
  const notes = Array.from({ length: count }, (_, i) => yearsOfNotes(i));
  const rows: LocalRecord[] = notes.map((o) => ({
    entity: 'observation',
    id: o.id,
    data: o,
    rev: 1,
    deleted: 0,
    updatedAt: '2026-11-23T12:00:00.000Z',
  }));
  await db.records.bulkPut(rows);
  return notes;
}

/** Counts the reads each table answers, to show a screen's reads do not grow with the device. */
export function countReads(db: LookforDb): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (table: string) => counts.set(table, (counts.get(table) ?? 0) + 1);
  db.use({
    stack: 'dbcore',
    name: 'count-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          get: (req) => (bump(name), table.get(req)),
          getMany: (req) => (bump(name), table.getMany(req)),
          query: (req) => (bump(name), table.query(req)),
          openCursor: (req) => (bump(name), table.openCursor(req)),
          count: (req) => (bump(name), table.count(req)),
        };
      },
    }),
  });
  return counts;
}
