import * as z from 'zod/mini';
import type { GroupRow } from './aggregates/groups';
import type { HeatMap } from './aggregates/heat-map';
import type { SeenFigure } from './aggregates/seen';
import type { Cell, Suppressed } from './aggregates/suppression';
import type { LookForRow } from './aggregates/table';
import type { TrendLine, TrendRound } from './aggregates/trend';
import { GradeBand } from './observation';
import { isoDate } from './rounds';
import { safeText } from './text-rules';

const Id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'Not a protocol id' }));
const Subject = z.string().check(z.trim(), z.minLength(1), z.maxLength(60));

/** Grade band and subject narrow any view. */
const filters = {
  gradeBand: z.optional(GradeBand),
  subject: z.optional(Subject),
};

/**
 * A school's results: one round, or a school, a protocol and a date range.
 * `heat` picks the heat map's columns.
 */
export const SummaryQuery = z
  .object({
    roundId: z.optional(z.uuid({ error: 'Not a round id' })),
    schoolId: z.optional(z.uuid({ error: 'Not a school id' })),
    protocolId: z.optional(Id),
    from: z.optional(isoDate),
    to: z.optional(isoDate),
    heat: z.optional(z.enum(['gradeBand', 'subject'])),
    ...filters,
  })
  .check(
    z.refine(
      (q) =>
        q.roundId !== undefined ||
        (q.schoolId !== undefined &&
          q.protocolId !== undefined &&
          q.from !== undefined &&
          q.to !== undefined),
      { error: 'Choose a round, or a school, a protocol and a date range', path: ['roundId'] },
    ),
    z.refine((q) => !q.from || !q.to || q.from <= q.to, {
      error: 'The range ends before it starts',
      path: ['to'],
    }),
  );
export type SummaryQuery = z.infer<typeof SummaryQuery>;

/** A school's trend across its rounds of one protocol. */
export const TrendQuery = z.object({ schoolId: z.uuid(), protocolId: Id, ...filters });
export type TrendQuery = z.infer<typeof TrendQuery>;

/** Every school side by side (district admins). */
export const DistrictQuery = z
  .object({ protocolId: Id, from: isoDate, to: isoDate, ...filters })
  .check(
    z.refine((q) => q.from <= q.to, { error: 'The range ends before it starts', path: ['to'] }),
  );
export type DistrictQuery = z.infer<typeof DistrictQuery>;

export const SharingChange = z.object({ shareWithStaff: z.boolean() });

export interface ScopeInfo {
  schoolId: string;
  schoolName: string;
  protocolId: string;
  protocolName: string;
  round: {
    id: string;
    name: string;
    startsOn: string;
    endsOn: string;
    status: string;
    /** What the round set out to learn (older answers kept offline have none). */
    purpose?: string;
  } | null;
  from: string | null;
  to: string | null;
  /**
   * The whole months a date range covers (a range is read in whole months, and a
   * round counts in the month it starts); null for a round.
   */
  covers: { from: string; to: string } | null;
  gradeBand: string | null;
  subject: string | null;
}

export interface Summary {
  scope: ScopeInfo;
  threshold: number;
  classrooms: Cell<{ count: number }>;
  lookFors: LookForRow[];
  groups: GroupRow[];
  heatMap: HeatMap;
}

export interface Trend {
  threshold: number;
  schoolName: string;
  rounds: TrendRound[];
  lines: TrendLine[];
}

export interface District {
  threshold: number;
  schools: Array<{ id: string; name: string; classrooms: Cell<{ count: number }> }>;
  heatMap: HeatMap;
}

export interface QuoteList {
  lookForId: string;
  text: string;
  quotes: string[];
}

/** Runs of spaces, tabs and line breaks count as one space when a pick is compared. */
export const collapseWhitespace = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A leader's pick for the staff view of a round: a note, or a student quote of one
 * look-for, whole or trimmed. The server keeps it only when, after collapsing
 * whitespace, it is a contiguous part of one note or quote of the round.
 */
export const StaffPickRequest = z
  .object({
    roundId: z.uuid({ error: 'Not a round id' }),
    kind: z.enum(['note', 'quote']),
    lookForId: z.optional(Id),
    text: z.string({ error: 'The shared text must be text' }).check(
      z.maxLength(10_000, { error: 'The shared text is at most 10,000 characters' }),
      safeText('The shared text', true),
      z.refine((t) => collapseWhitespace(t) !== '', { error: 'The shared text is empty' }),
    ),
  })
  .check(
    z.refine((p) => (p.kind === 'quote') === (p.lookForId !== undefined), {
      error: 'A quote names its look-for; a note names none',
      path: ['lookForId'],
    }),
  );
export type StaffPickRequest = z.infer<typeof StaffPickRequest>;

/** A pick as its round's leaders see it: enough to show and remove it, no picker or time. */
export interface StaffPick {
  id: string;
  kind: 'note' | 'quote';
  lookForId: string | null;
  text: string;
}

/**
 * Notes and quotes in scope: text only, no observer, room, time, grade or subject.
 * Leaders (`staffView: false`) read every note and quote of the scope, and the picks
 * of a round (`picks`, empty for a date range). Everyone else (`staffView: true`)
 * reads only what a leader picked for the round, sorted by text; for a date range
 * there are no picks to show and `roundsOnly` says so.
 */
export type Evidence =
  | Suppressed
  | {
      suppressed: false;
      staffView: false;
      notes: string[];
      quotes: QuoteList[];
      picks: StaffPick[];
    }
  | {
      suppressed: false;
      staffView: true;
      notes: string[];
      quotes: QuoteList[];
      roundsOnly?: true;
    };

export interface DashboardOptions {
  schools: Array<{ id: string; name: string; shareWithStaff: boolean; mayChangeSharing: boolean }>;
  rounds: Array<{
    id: string;
    schoolId: string;
    name: string;
    startsOn: string;
    endsOn: string;
    status: string;
    protocolId: string;
  }>;
  protocols: Array<{ id: string; name: string }>;
  districtView: boolean;
  threshold: number;
}

export type { SeenFigure };
