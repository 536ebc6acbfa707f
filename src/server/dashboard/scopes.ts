import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { TrendRound } from '../../shared/aggregates/trend';
import type { ScopeInfo, SummaryQuery } from '../../shared/dashboard';
import type { ErrorCode } from '../../shared/errors';
import type { Protocol } from '../../shared/protocol';
import { Round } from '../../shared/rounds';
import { findSchool } from '../schools/repository';
import type { Actor } from '../sync/access/actor';
import type { Queryable } from '../db/queryable';
import { findRecord } from '../sync/repository';
import { maySeeResults } from './access';
import { publishedVersions } from './protocols';
import { wholeMonths } from '../../shared/aggregates/views';
import type { Population } from './cube';

/** What a summary covers: a round, or whole months of a school's protocol. */
export interface ResolvedScope {
  population: Population;
  roundId: string | null;
  /** The asked range widened to whole months; null for a round. */
  range: { from: string; to: string } | null;
  gradeBand: string | undefined;
  subject: string | undefined;
  versions: Protocol[];
  info: ScopeInfo;
}

export type Refusal = { ok: false; status: ContentfulStatusCode; code: ErrorCode; message: string };
type Resolved<T> = ({ ok: true } & T) | Refusal;

const refuse = (status: ContentfulStatusCode, code: ErrorCode, message: string): Refusal => ({
  ok: false,
  status,
  code,
  message,
});

export async function findRound(db: Queryable, id: string): Promise<Round | null> {
  const stored = await findRecord(db, 'round', id);
  if (!stored || stored.deleted) return null;
  const parsed = Round.safeParse(stored.data);
  return parsed.success ? parsed.data : null;
}

/** The school, checked to exist and to be one whose results this person may see. */
export async function visibleSchool(
  db: Queryable,
  actor: Actor,
  schoolId: string,
): Promise<Resolved<{ id: string; name: string }>> {
  const school = await findSchool(db, schoolId);
  if (!school) return refuse(404, 'not_found', 'No such school');
  if (!(await maySeeResults(db, actor, schoolId))) {
    return refuse(403, 'forbidden', "You cannot see this school's results");
  }
  return { ok: true, id: school.id, name: school.name };
}

export async function protocolVersions(
  db: Queryable,
  protocolId: string,
): Promise<Resolved<{ versions: Protocol[] }>> {
  const versions = await publishedVersions(db, protocolId);
  return versions.length === 0
    ? refuse(404, 'not_found', 'No such protocol')
    : { ok: true, versions };
}

/** A round, or a school + protocol + date range, narrowed by grade band and subject. */
export async function resolveSummaryScope(
  db: Queryable,
  actor: Actor,
  q: SummaryQuery,
): Promise<Resolved<ResolvedScope>> {
  const round = q.roundId ? await findRound(db, q.roundId) : null;
  if (q.roundId && !round) return refuse(404, 'not_found', 'No such round');
  const schoolId = round?.schoolId ?? q.schoolId ?? '';
  const protocolId = round?.protocolId ?? q.protocolId ?? '';
  const school = await visibleSchool(db, actor, schoolId);
  if (!school.ok) return school;
  const found = await protocolVersions(db, protocolId);
  if (!found.ok) return found;
  const versions = round
    ? found.versions.filter((p) => p.version === round.protocolVersion)
    : found.versions;
  const newest = found.versions.at(-1)!;
  const range = round || !q.from || !q.to ? null : wholeMonths(q.from, q.to);
  return {
    ok: true,
    population: {
      protocolId,
      schoolIds: [schoolId],
      roundStarts: await roundStarts(db, [schoolId], protocolId),
    },
    roundId: round?.id ?? null,
    range,
    gradeBand: q.gradeBand,
    subject: q.subject,
    versions: versions.length > 0 ? versions : [newest],
    info: {
      schoolId,
      schoolName: school.name,
      protocolId,
      protocolName: newest.name,
      round: round
        ? {
            id: round.id,
            name: round.name,
            startsOn: round.startsOn,
            endsOn: round.endsOn,
            status: round.status,
            purpose: round.purpose,
          }
        : null,
      from: round ? null : (q.from ?? null),
      to: round ? null : (q.to ?? null),
      covers: range,
      gradeBand: q.gradeBand ?? null,
      subject: q.subject ?? null,
    },
  };
}

/** Rounds of some schools (every school for null), parsed; unreadable ones are skipped. */
export async function roundsOf(
  db: Queryable,
  schoolIds: readonly string[] | null,
): Promise<Round[]> {
  if (schoolIds && schoolIds.length === 0) return [];
  let query = db
    .selectFrom('records')
    .select('data')
    .where('entity', '=', 'round')
    .where('deleted', '=', 0);
  if (schoolIds) query = query.where('school_id', 'in', [...schoolIds]);
  const rows = await query.execute();
  return rows.flatMap((r) => {
    const parsed = Round.safeParse(r.data === null ? null : JSON.parse(r.data));
    return parsed.success ? [parsed.data] : [];
  });
}

export const trendRound = (r: Round): TrendRound => ({
  roundId: r.id,
  name: r.name,
  startsOn: r.startsOn,
  protocolVersion: r.protocolVersion,
});

/** First day of each round of a protocol in some schools (every school for null). */
export async function roundStarts(
  db: Queryable,
  schoolIds: readonly string[] | null,
  protocolId: string,
): Promise<Map<string, string>> {
  const rounds = await roundsOf(db, schoolIds);
  return new Map(rounds.filter((r) => r.protocolId === protocolId).map((r) => [r.id, r.startsOn]));
}
