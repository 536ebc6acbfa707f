import * as z from 'zod/mini';
import { isoDateTime } from './time';
import { responseKindRules, responseKinds, responseTypeSchema } from './response-kinds/registry';
import { hasUniqueIds, plainText, slug } from './text-rules';

export { responseLabels, SeenResponse } from './response-kinds/seen';

export const protocolKinds = [
  'blast_walkthrough',
  'peer_observation',
  'coaching_visit',
  'instructional_rounds',
] as const;
export const ProtocolKind = z.enum(protocolKinds);
export type ProtocolKind = z.infer<typeof ProtocolKind>;

export const kindLabels: Record<ProtocolKind, string> = {
  blast_walkthrough: 'Blast Walkthrough',
  peer_observation: 'Peer observation',
  coaching_visit: 'Coaching visit',
  instructional_rounds: 'Instructional rounds',
};

/**
 * Schemas come in two strengths. A draft saves whatever the editor holds (a look-for
 * whose text is still empty is fine); publishing and every observation need the
 * strict form. Length limits, id rules and the refusal of markup apply to both.
 */
function schemas(strict: boolean) {
  const text = (label: string, min: number, max: number) => plainText(label, strict ? min : 0, max);

  const NamedValue = z.object({ id: slug('Value id', 40), label: text('Label', 1, 60) });
  const namedList = (what: string, min: number, max: number) =>
    z
      .array(NamedValue)
      .check(
        z.minLength(strict ? min : 0, { error: `Give at least ${min} ${what}` }),
        z.maxLength(max, { error: `At most ${max} ${what}` }),
        z.refine(hasUniqueIds, { error: `Each of the ${what} needs its own id` }),
      );

  const ResponseType = responseTypeSchema(namedList);

  const LookFor = z.object({
    id: slug('Look-for id'),
    text: text('Look-for text', 1, 300),
    hint: z.optional(plainText('Hint', 0, 500)),
    tags: z.array(Tag).check(z.maxLength(12, { error: 'At most 12 tags on a look-for' })),
    response: ResponseType,
  });

  const Section = z.object({
    id: slug('Section id'),
    title: text('Section title', 1, 120),
    focus: SectionFocus,
    lookFors: z
      .array(LookFor)
      .check(z.maxLength(MAX_LOOK_FORS, { error: `At most ${MAX_LOOK_FORS} look-fors` })),
  });

  const Protocol = z
    .object({
      id: slug('Protocol id', 48),
      version: z.int().check(z.positive(), z.lte(10_000)),
      status: ProtocolStatus,
      name: text('Name', 1, 120),
      purpose: plainText('Purpose', 0, 2000),
      kind: ProtocolKind,
      sections: z
        .array(Section)
        .check(
          z.minLength(1, { error: 'A protocol needs at least one section' }),
          z.maxLength(30, { error: 'At most 30 sections' }),
        ),
      publishedAt: z.nullable(isoDateTime),
      updatedAt: isoDateTime,
      /**
       * The school that owns this protocol; absent or null for a district-wide one.
       * Server-side placement, not part of what a file carries between districts.
       */
      schoolId: z.optional(z.nullable(z.uuid())),
    })
    .check(
      z.refine((p) => hasUniqueIds(p.sections), {
        error: 'Two sections share an id',
        path: ['sections'],
      }),
      z.refine((p) => hasUniqueIds(p.sections.flatMap((s) => s.lookFors)), {
        error: 'Two look-fors share an id',
        path: ['sections'],
      }),
      z.refine((p) => p.sections.reduce((n, s) => n + s.lookFors.length, 0) <= MAX_LOOK_FORS, {
        error: `A protocol has at most ${MAX_LOOK_FORS} look-fors`,
        path: ['sections'],
      }),
      z.refine((p) => p.status === 'draft' || p.publishedAt !== null, {
        error: 'A published version records when it was published',
        path: ['publishedAt'],
      }),
    );
  return { NamedValue, ResponseType, LookFor, Section, Protocol };
}

export const Tag = plainText('Tag', 1, 40);

/** Sections may be split into what the teacher is doing and what students are doing. */
export const sectionFocuses = ['general', 'teacher', 'students'] as const;
export const SectionFocus = z.enum(sectionFocuses);
export type SectionFocus = z.infer<typeof SectionFocus>;
export const focusLabels: Record<SectionFocus, string> = {
  general: 'General',
  teacher: 'Teacher doing',
  students: 'Students doing',
};

export const MAX_LOOK_FORS = 200;

export const protocolStatuses = ['draft', 'published', 'archived'] as const;
export const ProtocolStatus = z.enum(protocolStatuses);
export type ProtocolStatus = z.infer<typeof ProtocolStatus>;

const strictSchemas = schemas(true);

/** A level of a scale, or an option of a choice. */
export const NamedValue = strictSchemas.NamedValue;
export type NamedValue = z.infer<typeof NamedValue>;
export const ResponseType = strictSchemas.ResponseType;
export type ResponseType = z.infer<typeof ResponseType>;
export type ResponseKind = ResponseType['kind'];
export { responseKinds };
export const LookFor = strictSchemas.LookFor;
export type LookFor = z.infer<typeof LookFor>;
export const Section = strictSchemas.Section;
export type Section = z.infer<typeof Section>;

/**
 * A named, versioned set of look-fors. A published version never changes; editing
 * makes a new draft version with the same id. Look-for ids survive rewording.
 */
export const Protocol = strictSchemas.Protocol;
export type Protocol = z.infer<typeof Protocol>;

/** The same shape with room for work in progress: what a draft version may hold. */
export const ProtocolDraft = schemas(false).Protocol;

/** A draft is checked as a draft; any other version as a finished protocol. */
export function protocolSchemaFor(status: unknown) {
  return status === 'draft' ? ProtocolDraft : Protocol;
}

/** What the protocol editor calls each kind (each kind's module says). */
export const responseKindLabels = Object.fromEntries(
  responseKinds.map((kind) => [kind, responseKindRules[kind].label]),
) as Record<ResponseKind, string>;

export const allLookFors = (protocol: Protocol): LookFor[] =>
  protocol.sections.flatMap((s) => s.lookFors);

/** The sync id of one version of a protocol. */
export const protocolKey = (id: string, version: number) => `${id}.v${version}`;

/** A stored version (from IndexedDB or the server's table), checked before use. */
export function parseStoredProtocol(data: unknown): Protocol | undefined {
  const status =
    typeof data === 'object' && data !== null ? (data as { status?: unknown }).status : undefined;
  const parsed = protocolSchemaFor(status).safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
