import type { CatalogueEntry } from '../../shared/aggregates/catalogue';
import {
  collapseWhitespace,
  type Evidence,
  type QuoteList,
  type StaffPick,
  type StaffPickRequest,
} from '../../shared/dashboard';
import type { Queryable } from '../db/queryable';
import { picksOfRound, sourcesOfRound } from './staff-evidence-repository';

/**
 * The text a leader may share, or why not: after collapsing whitespace it must be a
 * contiguous part of one note (or one quote of that look-for) of the round's
 * finished visits, so nothing reaches staff that an observer did not write.
 */
export async function sharedText(
  db: Queryable,
  schoolId: string,
  request: StaffPickRequest,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const text = collapseWhitespace(request.text);
  const sources = await sourcesOfRound(
    db,
    schoolId,
    request.roundId,
    request.kind === 'quote' ? (request.lookForId ?? null) : null,
  );
  if (sources.some((s) => collapseWhitespace(s).includes(text))) return { ok: true, text };
  return {
    ok: false,
    message:
      request.kind === 'quote'
        ? 'Only a student quote of this look-for in this round, or a part of one, can be shared'
        : 'Only a note of this round, or a part of one, can be shared',
  };
}

/**
 * What staff read of a round: only the picks, by text, with nothing attached but the
 * look-for a quote answers. A date range has no picks: leaders share round by round.
 */
export async function staffEvidence(
  db: Queryable,
  roundId: string | undefined,
  entries: readonly CatalogueEntry[],
): Promise<Evidence> {
  if (!roundId)
    return { suppressed: false, staffView: true, notes: [], quotes: [], roundsOnly: true };
  const picks = await picksOfRound(db, roundId);
  const quotes: QuoteList[] = [];
  for (const entry of entries.filter((e) => e.kind === 'quote')) {
    const picked = picks.filter((p) => p.kind === 'quote' && p.lookForId === entry.lookForId);
    if (picked.length === 0) continue;
    quotes.push({
      lookForId: entry.lookForId,
      text: entry.text,
      quotes: picked.map((p) => p.text),
    });
  }
  return {
    suppressed: false,
    staffView: true,
    notes: picks.filter((p) => p.kind === 'note').map((p) => p.text),
    quotes,
  };
}

/** The picks of a round for its leaders (none for a date range). */
export const leaderPicks = async (
  db: Queryable,
  roundId: string | undefined,
): Promise<StaffPick[]> => (roundId ? picksOfRound(db, roundId) : []);
