import { Observation } from '../../shared/observation';
import type { LocalRecord, LookforDb } from './db';
import { pendingOf, viewOf, type ObservationView } from './observations';

/** Rows the list shows at first and adds with each "Show more". */
export const PAGE_SIZE = 50;

/** What the list may be narrowed to; days are local calendar days, `YYYY-MM-DD`. */
export interface ObservationFilter {
  schoolId?: string;
  roundId?: string;
  protocolId?: string;
  /** First day included. */
  from?: string;
  /** Last day included. */
  to?: string;
}

export interface ObservationPage {
  /** Newest first. */
  views: ObservationView[];
  /** More observations match beyond these. */
  hasMore: boolean;
}

const day = /^\d{4}-\d{2}-\d{2}$/;

/** Start-time bounds as stored (ISO, UTC): from local midnight to the next one. */
function timeBounds(filter: ObservationFilter): [string, string] {
  const start = (d: string, plusDays: number) => {
    const at = new Date(`${d}T00:00:00`);
    at.setDate(at.getDate() + plusDays);
    return at.toISOString();
  };
  return [
    filter.from && day.test(filter.from) ? start(filter.from, 0) : '',
    filter.to && day.test(filter.to) ? start(filter.to, 1) : '\uffff',
  ];
}

const field = (data: unknown, key: string): unknown =>
  typeof data === 'object' && data !== null && key in data
    ? (data as Record<string, unknown>)[key] // a plain property read on stored data
    : undefined;

/**
 * The one index range the filter reads, newest first: a round, else a school, else
 * a protocol, each with the day range; other filters are checked on the rows it
 * passes. A live query over it re-runs only for writes inside that range.
 */
function rangeOf(db: LookforDb, filter: ObservationFilter) {
  const [low, high] = timeBounds(filter);
  const by: [string, string] | null = filter.roundId
    ? ['roundId', filter.roundId]
    : filter.schoolId
      ? ['schoolId', filter.schoolId]
      : filter.protocolId
        ? ['protocolId', filter.protocolId]
        : null;
  const range = by
    ? db.records
        .where(`[entity+data.${by[0]}+data.startedAt]`)
        .between(['observation', by[1], low], ['observation', by[1], high], true, false)
    : db.records
        .where('[entity+data.startedAt]')
        .between(['observation', low], ['observation', high], true, false);
  const wanted = (['roundId', 'schoolId', 'protocolId'] as const).filter(
    (key) => filter[key] !== undefined && key !== by?.[0],
  );
  return range
    .reverse()
    .filter(
      (r: LocalRecord) =>
        r.deleted === 0 && wanted.every((key) => field(r.data, key) === filter[key]),
    );
}

/**
 * The newest `limit` observations matching the filter, with their sync state: one
 * index range read for the records and one query each over the outbox and the
 * conflicts for the rows returned, however many observations the device holds.
 */
export async function listObservationPage(
  db: LookforDb,
  filter: ObservationFilter = {},
  limit = PAGE_SIZE,
): Promise<ObservationPage> {
  const records = await rangeOf(db, filter)
    .limit(limit + 1)
    .toArray();
  const observations = records.slice(0, limit).flatMap((r) => {
    const parsed = Observation.safeParse(r.data);
    return parsed.success ? [parsed.data] : [];
  });
  const { rowsOf, conflictsOf } = await pendingOf(
    db,
    observations.map((o) => o.id),
  );
  return {
    views: observations.map((o) => viewOf(o, rowsOf(o.id), conflictsOf(o.id))),
    hasMore: records.length > limit,
  };
}
