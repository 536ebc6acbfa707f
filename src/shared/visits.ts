import * as z from 'zod/mini';
import { ResponseValue } from './response';
import { plainText } from './text-rules';
import { isoDateTime } from './time';
import { PhotoRefs } from './photos';

/**
 * A visit offer. `peer`: a host teacher opens their door (lab classroom) with a
 * focus question; a colleague books it. `coaching`: a teacher invites a coach, who
 * is the observer from the start. The record holds logistics only, never notes.
 */
export const Visit = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  kind: z.enum(['peer', 'coaching']),
  /** The teacher whose room is visited (the one who posted or sent the invitation). */
  hostId: z.uuid(),
  hostName: plainText('Host name', 1, 120),
  startsAt: isoDateTime,
  minutes: z
    .int()
    .check(z.gte(5, { error: 'At least 5 minutes' }), z.lte(240, { error: 'At most 240 minutes' })),
  place: plainText('Room', 1, 60),
  /** "What I'd like you to notice." */
  focus: plainText('Focus question', 1, 500),
  protocolId: z.string().check(z.minLength(1), z.maxLength(64)),
  protocolVersion: z.int().check(z.positive()),
  /** The visitor; null while a peer offer is open. Set at once for a coaching invitation. */
  observerId: z.nullable(z.uuid()),
  observerName: z.nullable(plainText('Observer name', 1, 120)),
  /** The observer's class needs a substitute while they visit: flagged to the principal. */
  needsCoverage: z.boolean(),
  /** Set by the school's principal once a substitute is arranged. */
  coverageArranged: z.boolean(),
  cancelled: z.boolean(),
  updatedAt: isoDateTime,
});
export type Visit = z.infer<typeof Visit>;

/** The parts of a visit note an observer may share with the host, one choice each. */
export const shareableParts = [
  'responses',
  'notes',
  'teacherDoing',
  'studentsDoing',
  'wonderings',
  'glow',
  'wonder',
] as const;
export type ShareablePart = (typeof shareableParts)[number];
export const ShareChoices = z.object({
  responses: z.boolean(),
  notes: z.boolean(),
  teacherDoing: z.boolean(),
  studentsDoing: z.boolean(),
  wonderings: z.boolean(),
  glow: z.boolean(),
  wonder: z.boolean(),
  /** The note's photos go with the shared part only when the observer ticks this. */
  photos: z.optional(z.boolean()),
});
export type ShareChoices = z.infer<typeof ShareChoices>;

/**
 * Note text is saved on every keystroke, so it is never trimmed or refused for its
 * characters (a refused keystroke would be a lost note); it is rendered as text.
 */
const noteText = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .check(z.maxLength(10_000, { error: `${label} is at most 10,000 characters` }));

/**
 * The observer's notes on a peer or coaching visit. They belong to the observer:
 * the server never serves this record to anyone else. What the host may read is
 * the server-derived `shared-note`, holding exactly the parts chosen in `share`.
 * `reflection` ("what I will try in my room") is private and never shared.
 */
export const VisitNote = z
  .object({
    id: z.uuid(),
    visitId: z.uuid(),
    schoolId: z.uuid(),
    observerId: z.uuid(),
    protocolId: z.string().check(z.minLength(1), z.maxLength(64)),
    protocolVersion: z.int().check(z.positive()),
    responses: z.record(z.string().check(z.maxLength(64)), ResponseValue),
    /** Low-inference noticings. */
    notes: noteText('Noticings'),
    teacherDoing: noteText('Teacher doing'),
    studentsDoing: noteText('Students doing'),
    wonderings: noteText('Wonderings'),
    glow: noteText('Glow'),
    wonder: noteText('Wonder'),
    reflection: noteText('Reflection'),
    share: ShareChoices,
    /** Photos of the work seen; the bytes travel on their own route (see photos.ts). */
    photos: z.optional(PhotoRefs),
    status: z.enum(['draft', 'complete']),
    startedAt: isoDateTime,
    endedAt: z.nullable(isoDateTime),
  })
  .check(
    z.refine((n) => n.status === 'draft' || n.endedAt !== null, {
      error: 'A finished note needs an end time',
      path: ['endedAt'],
    }),
  );
export type VisitNote = z.infer<typeof VisitNote>;

/**
 * What the host of a visit may read of one observer's note: derived by the server
 * from the note and its share choices, never written by a client. A part not
 * shared is absent, not blank.
 */
export const SharedNote = z.object({
  noteId: z.uuid(),
  visitId: z.uuid(),
  observerId: z.uuid(),
  hostId: z.uuid(),
  protocolId: z.string(),
  protocolVersion: z.int(),
  responses: z.optional(z.record(z.string(), ResponseValue)),
  notes: z.optional(z.string()),
  teacherDoing: z.optional(z.string()),
  studentsDoing: z.optional(z.string()),
  wonderings: z.optional(z.string()),
  glow: z.optional(z.string()),
  wonder: z.optional(z.string()),
  /** The note's photos, only when the observer ticked `share.photos`. */
  photos: z.optional(PhotoRefs),
  sharedAt: isoDateTime,
});
export type SharedNote = z.infer<typeof SharedNote>;

/** Exactly the parts of a note its observer chose to share, and nothing else. */
export function sharedPartsOf(note: VisitNote, hostId: string, at: string): SharedNote {
  const shared: SharedNote = {
    noteId: note.id,
    visitId: note.visitId,
    observerId: note.observerId,
    hostId,
    protocolId: note.protocolId,
    protocolVersion: note.protocolVersion,
    sharedAt: at,
  };
  for (const part of shareableParts) {
    if (!note.share[part]) continue;
    if (part === 'responses') shared.responses = note.responses;
    else shared[part] = note[part];
  }
  if (note.share.photos && note.photos && note.photos.length > 0) shared.photos = note.photos;
  return shared;
}

/** A reflection on a visit: the host's (peer) or the teacher's reply (coaching). */
export const Reflection = z.object({
  id: z.uuid(),
  visitId: z.uuid(),
  authorId: z.uuid(),
  text: noteText('Reflection'),
  updatedAt: isoDateTime,
});
export type Reflection = z.infer<typeof Reflection>;
