import * as z from 'zod/mini';
import type {
  DashboardOptions,
  District,
  Evidence,
  QuoteList,
  ScopeInfo,
  StaffPick,
  Summary,
  Trend,
} from '../dashboard';
import type { GroupRow } from '../aggregates/groups';
import type { HeatMap } from '../aggregates/heat-map';
import type { SeenFigure } from '../aggregates/seen';
import type { Cell, Suppressed } from '../aggregates/suppression';
import type { Figure, LookForRow } from '../aggregates/table';
import type { TrendLine, TrendRound } from '../aggregates/trend';
import type { ResponseKind } from '../protocol';
import type { RoundTargets } from '../targets';

/**
 * The results API's answers, checked when they arrive and again when the copy kept
 * on the device is read back. Each schema is typed by the interface the server
 * builds, so the compiler says when the two drift apart.
 */

const SuppressedCell: z.ZodMiniType<Suppressed> = z.object({
  suppressed: z.literal(true),
  reason: z.string(),
});

/** A cell that may be shown (`{ suppressed: false, ...shape }`) or its suppressed stand-in. */
function cell<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.union([SuppressedCell, z.object({ suppressed: z.literal(false), ...shape })]);
}

const nullableNumber = z.nullable(z.number());

const seenShape = {
  kind: z.literal('seen'),
  classrooms: z.number(),
  seen: z.number(),
  notSeen: z.number(),
  na: z.number(),
  share: cell({ percentSeen: nullableNumber, answered: z.number(), allNa: z.boolean() }),
};
const SeenCell: z.ZodMiniType<Cell<SeenFigure>> = cell(seenShape);

const FigureCell: z.ZodMiniType<Cell<Figure>> = z.union([
  SeenCell,
  cell({
    kind: z.literal('scale'),
    classrooms: z.number(),
    levels: z.array(
      z.object({
        levelId: z.string(),
        label: z.string(),
        count: z.number(),
        percent: nullableNumber,
      }),
    ),
  }),
  cell({
    kind: z.literal('tally'),
    classrooms: z.number(),
    mean: nullableNumber,
    spread: nullableNumber,
  }),
  cell({ kind: z.literal('quote'), classrooms: z.number(), quotes: z.number() }),
  cell({ kind: z.literal('other'), classrooms: z.number() }),
]);

const LookForRowAnswer: z.ZodMiniType<LookForRow> = z.object({
  lookForId: z.string(),
  text: z.string(),
  kind: z.enum(['seen', 'scale', 'tally', 'choice', 'text', 'quote'] satisfies ResponseKind[]),
  sectionTitle: z.string(),
  tags: z.array(z.string()),
  figure: FigureCell,
});

const GroupRowAnswer: z.ZodMiniType<GroupRow> = z.object({
  kind: z.enum(['section', 'tag']),
  id: z.string(),
  label: z.string(),
  lookFors: z.number(),
  figure: SeenCell,
});

const HeatMapAnswer: z.ZodMiniType<HeatMap> = z.object({
  by: z.enum(['gradeBand', 'subject', 'school']),
  columns: z.array(z.string()),
  rows: z.array(z.object({ lookForId: z.string(), text: z.string(), cells: z.array(SeenCell) })),
});

const ClassroomsCell = cell({ count: z.number() });
const nullableString = z.nullable(z.string());

const ScopeInfoAnswer: z.ZodMiniType<ScopeInfo> = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  protocolId: z.string(),
  protocolName: z.string(),
  round: z.nullable(
    z.object({
      id: z.string(),
      name: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      status: z.string(),
      purpose: z.optional(z.string()),
    }),
  ),
  from: nullableString,
  to: nullableString,
  // Answers kept by versions before `covers` read as a plain date range.
  covers: z._default(z.nullable(z.object({ from: z.string(), to: z.string() })), null),
  gradeBand: nullableString,
  subject: nullableString,
});

/** `GET /api/dashboard/summary` */
export const SummaryAnswer: z.ZodMiniType<Summary> = z.object({
  scope: ScopeInfoAnswer,
  threshold: z.number(),
  classrooms: ClassroomsCell,
  lookFors: z.array(LookForRowAnswer),
  groups: z.array(GroupRowAnswer),
  heatMap: HeatMapAnswer,
});

const TrendRoundAnswer: z.ZodMiniType<TrendRound> = z.object({
  roundId: z.string(),
  name: z.string(),
  startsOn: z.string(),
  protocolVersion: z.number(),
});

const TrendLineAnswer: z.ZodMiniType<TrendLine> = z.object({
  lookForId: z.string(),
  text: z.string(),
  points: z.array(
    z.object({
      roundId: z.string(),
      cell: z.union([z.object({ absent: z.literal(true) }), SeenCell]),
    }),
  ),
  change: z.nullable(
    z.object({
      from: z.string(),
      to: z.string(),
      points: z.number(),
      direction: z.enum(['up', 'down', 'same']),
    }),
  ),
});

/** `GET /api/dashboard/trend` */
export const TrendAnswer: z.ZodMiniType<Trend> = z.object({
  threshold: z.number(),
  schoolName: z.string(),
  rounds: z.array(TrendRoundAnswer),
  lines: z.array(TrendLineAnswer),
});

/** `GET /api/dashboard/district` */
export const DistrictAnswer: z.ZodMiniType<District> = z.object({
  threshold: z.number(),
  schools: z.array(z.object({ id: z.string(), name: z.string(), classrooms: ClassroomsCell })),
  heatMap: HeatMapAnswer,
});

/** A pick as its round's leaders see it; also `POST /api/dashboard/staff-evidence`. */
export const StaffPickAnswer: z.ZodMiniType<StaffPick> = z.object({
  id: z.string(),
  kind: z.enum(['note', 'quote']),
  lookForId: nullableString,
  text: z.string(),
});

/** `DELETE /api/dashboard/staff-evidence/:id` */
export const StaffPickRemoved = z.object({ id: z.string(), removed: z.literal(true) });

const QuoteListAnswer: z.ZodMiniType<QuoteList> = z.object({
  lookForId: z.string(),
  text: z.string(),
  quotes: z.array(z.string()),
});

/** `GET /api/dashboard/evidence` */
export const EvidenceAnswer: z.ZodMiniType<Evidence> = z.union([
  SuppressedCell,
  z.object({
    suppressed: z.literal(false),
    staffView: z.literal(false),
    notes: z.array(z.string()),
    quotes: z.array(QuoteListAnswer),
    picks: z.array(StaffPickAnswer),
  }),
  z.object({
    suppressed: z.literal(false),
    staffView: z.literal(true),
    notes: z.array(z.string()),
    quotes: z.array(QuoteListAnswer),
    roundsOnly: z.optional(z.literal(true)),
  }),
]);

/** `GET /api/dashboard/options` */
export const DashboardOptionsAnswer: z.ZodMiniType<DashboardOptions> = z.object({
  schools: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      shareWithStaff: z.boolean(),
      mayChangeSharing: z.boolean(),
    }),
  ),
  rounds: z.array(
    z.object({
      id: z.string(),
      schoolId: z.string(),
      name: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      status: z.string(),
      protocolId: z.string(),
    }),
  ),
  protocols: z.array(z.object({ id: z.string(), name: z.string() })),
  districtView: z.boolean(),
  threshold: z.number(),
});

/** `GET|PUT /api/dashboard/sharing/:schoolId` */
export const SharingAnswer = z.object({ schoolId: z.string(), shareWithStaff: z.boolean() });

/** `GET/PUT /api/dashboard/targets`: a round's targets, and whether the reader may set them. */
export const RoundTargetsAnswer: z.ZodMiniType<RoundTargets> = z.object({
  roundId: z.string(),
  schoolYear: z.string(),
  maySet: z.boolean(),
  targets: z.array(
    z.object({
      lookForId: z.string(),
      round: z.nullable(z.number()),
      year: z.nullable(z.number()),
    }),
  ),
});
