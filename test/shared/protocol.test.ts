import { describe, expect, it } from 'vitest';
import { issuesToFields, type FieldIssue } from '../../src/shared/errors';
import {
  LookFor,
  MAX_LOOK_FORS,
  Protocol,
  ProtocolDraft,
  ResponseType,
  SeenResponse,
  allLookFors,
  protocolKey,
  protocolKinds,
  protocolSchemaFor,
  protocolStatuses,
  responseKindLabels,
  responseLabels,
  sectionFocuses,
} from '../../src/shared/protocol';
import { draftProtocol, lookFor, protocol, section } from '../support/factories';

type Schema = { safeParse: (value: unknown) => { success: boolean; error?: unknown } };

function issuesOf(schema: typeof Protocol | typeof ProtocolDraft, value: unknown): FieldIssue[] {
  const result = schema.safeParse(value);
  return result.success ? [] : issuesToFields(result.error);
}

const accepts = (schema: Schema, value: unknown) => schema.safeParse(value).success;

/** The smallest protocol the strict schema accepts: one section with one look-for. */
function minimal(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'test-protocol',
    version: 1,
    status: 'published',
    name: 'Test protocol',
    purpose: 'For tests',
    kind: 'peer_observation',
    sections: [section()],
    publishedAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  };
}

const lookForsNamed = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => lookFor({ id: `${prefix}-${i}` }));

describe('SeenResponse', () => {
  it('takes exactly seen, not_seen and na', () => {
    expect(SeenResponse.options).toStrictEqual(['seen', 'not_seen', 'na']);
  });

  it('refuses labels in place of values', () => {
    expect(SeenResponse.safeParse('Seen').success).toBe(false);
    expect(SeenResponse.safeParse('N/A').success).toBe(false);
  });

  it('labels every response for people', () => {
    expect(responseLabels).toStrictEqual({ seen: 'Seen', not_seen: 'Not seen', na: 'N/A' });
  });
});

describe('ResponseType', () => {
  const levels = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `l${i}`, label: `L${i}` }));
  const options = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `o${i}`, label: `O${i}` }));

  it('accepts each of the six kinds', () => {
    for (const type of [
      { kind: 'seen' },
      { kind: 'scale', levels: levels(2) },
      { kind: 'tally' },
      { kind: 'choice', multiple: false, options: options(2) },
      { kind: 'text' },
      { kind: 'quote' },
    ]) {
      expect(accepts(ResponseType, type), type.kind).toBe(true);
    }
  });

  it('labels every kind for people', () => {
    expect(Object.keys(responseKindLabels)).toStrictEqual([
      'seen',
      'scale',
      'tally',
      'choice',
      'text',
      'quote',
    ]);
  });

  it('refuses an unknown kind and the old responseType shape', () => {
    expect(accepts(ResponseType, { kind: 'rating' })).toBe(false);
    expect(accepts(ResponseType, 'seen_not_seen')).toBe(false);
  });

  it('takes a scale of 2 to 10 levels', () => {
    expect(accepts(ResponseType, { kind: 'scale', levels: levels(1) })).toBe(false);
    expect(accepts(ResponseType, { kind: 'scale', levels: levels(2) })).toBe(true);
    expect(accepts(ResponseType, { kind: 'scale', levels: levels(10) })).toBe(true);
    expect(accepts(ResponseType, { kind: 'scale', levels: levels(11) })).toBe(false);
  });

  it('takes a choice of 2 to 20 options and needs to know if several may be chosen', () => {
    const choice = (n: number) => ({ kind: 'choice', multiple: true, options: options(n) });
    expect(accepts(ResponseType, choice(1))).toBe(false);
    expect(accepts(ResponseType, choice(2))).toBe(true);
    expect(accepts(ResponseType, choice(20))).toBe(true);
    expect(accepts(ResponseType, choice(21))).toBe(false);
    expect(accepts(ResponseType, { kind: 'choice', options: options(2) })).toBe(false);
  });

  it('refuses two levels with the same id', () => {
    const result = ResponseType.safeParse({
      kind: 'scale',
      levels: [
        { id: 'low', label: 'Low' },
        { id: 'low', label: 'Lower' },
      ],
    });
    expect(result.success ? [] : issuesToFields(result.error)).toStrictEqual([
      { path: 'levels', message: 'Each of the levels needs its own id' },
    ]);
  });

  it('refuses an empty label, markup in a label and a bad value id', () => {
    const scale = (level: unknown) => ({
      kind: 'scale',
      levels: [level, { id: 'b', label: 'B' }],
    });
    expect(accepts(ResponseType, scale({ id: 'a', label: '' }))).toBe(false);
    expect(accepts(ResponseType, scale({ id: 'a', label: '<i>A</i>' }))).toBe(false);
    expect(accepts(ResponseType, scale({ id: 'A', label: 'A' }))).toBe(false);
    expect(accepts(ResponseType, scale({ id: 'a'.repeat(41), label: 'A' }))).toBe(false);
    expect(accepts(ResponseType, scale({ id: 'a'.repeat(40), label: 'A' }))).toBe(true);
  });
});

describe('LookFor', () => {
  it('accepts a look-for with or without a hint', () => {
    expect(accepts(LookFor, lookFor())).toBe(true);
    expect(accepts(LookFor, lookFor({ hint: 'Turn and talk' }))).toBe(true);
  });

  it('accepts an id of 64 lower-case characters and refuses 65', () => {
    expect(accepts(LookFor, lookFor({ id: 'a'.repeat(64) }))).toBe(true);
    expect(accepts(LookFor, lookFor({ id: 'a'.repeat(65) }))).toBe(false);
  });

  it('refuses ids with capitals, spaces or a leading hyphen', () => {
    for (const id of ['Students', 'students talk', '-students', '', 'students_talk']) {
      expect(accepts(LookFor, lookFor({ id })), id).toBe(false);
    }
  });

  it('refuses empty text and text over 300 characters', () => {
    expect(accepts(LookFor, lookFor({ text: '' }))).toBe(false);
    expect(accepts(LookFor, lookFor({ text: 't'.repeat(300) }))).toBe(true);
    expect(accepts(LookFor, lookFor({ text: 't'.repeat(301) }))).toBe(false);
  });

  it('refuses a hint over 500 characters', () => {
    expect(accepts(LookFor, lookFor({ hint: 'h'.repeat(500) }))).toBe(true);
    expect(accepts(LookFor, lookFor({ hint: 'h'.repeat(501) }))).toBe(false);
  });

  it('refuses markup in the text or the hint', () => {
    expect(accepts(LookFor, lookFor({ text: 'Students <b>talk</b>' }))).toBe(false);
    expect(accepts(LookFor, lookFor({ hint: '<img src=x onerror=alert(1)>' }))).toBe(false);
  });

  it('trims the text', () => {
    expect(LookFor.parse(lookFor({ text: '  Students talk \n' })).text).toBe('Students talk');
  });

  it('refuses the old responseType field in place of a response', () => {
    const legacy = { id: 'students-talk', text: 'Students talk', tags: [] };
    expect(accepts(LookFor, { ...legacy, response: { kind: 'seen' } })).toBe(true);
    expect(accepts(LookFor, { ...legacy, responseType: 'seen_not_seen' })).toBe(false);
    expect(accepts(LookFor, { ...lookFor(), response: { kind: 'seen_not_seen' } })).toBe(false);
  });

  it('takes up to 12 tags of 1 to 40 characters', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `Tag ${i}`);
    expect(accepts(LookFor, lookFor({ tags: tags(12) }))).toBe(true);
    expect(accepts(LookFor, lookFor({ tags: tags(13) }))).toBe(false);
    expect(accepts(LookFor, lookFor({ tags: [''] }))).toBe(false);
    expect(accepts(LookFor, lookFor({ tags: ['t'.repeat(40)] }))).toBe(true);
    expect(accepts(LookFor, lookFor({ tags: ['t'.repeat(41)] }))).toBe(false);
  });
});

describe('Protocol', () => {
  it('accepts the factory protocol unchanged', () => {
    const p = protocol();
    expect(Protocol.parse(p)).toStrictEqual(p);
  });

  it('accepts a minimal protocol of every kind', () => {
    for (const kind of protocolKinds) {
      expect(accepts(Protocol, minimal({ kind })), kind).toBe(true);
    }
  });

  it('refuses an unknown kind', () => {
    expect(accepts(Protocol, minimal({ kind: 'evaluation' }))).toBe(false);
  });

  it('accepts each status and refuses any other', () => {
    expect(protocolStatuses).toStrictEqual(['draft', 'published', 'archived']);
    for (const status of protocolStatuses) {
      expect(accepts(Protocol, minimal({ status })), status).toBe(true);
    }
    expect(accepts(Protocol, minimal({ status: 'retired' }))).toBe(false);
  });

  it('refuses a published or archived version that does not record when it was published', () => {
    for (const status of ['published', 'archived']) {
      expect(issuesOf(Protocol, minimal({ status, publishedAt: null })), status).toStrictEqual([
        { path: 'publishedAt', message: 'A published version records when it was published' },
      ]);
    }
    expect(issuesOf(Protocol, minimal({ status: 'draft', publishedAt: null }))).toStrictEqual([]);
  });

  it('refuses a protocol with no sections', () => {
    expect(issuesOf(Protocol, minimal({ sections: [] }))).toStrictEqual([
      { path: 'sections', message: 'A protocol needs at least one section' },
    ]);
  });

  it('refuses more than 30 sections', () => {
    const sections = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        section({ id: `s-${i}`, lookFors: [lookFor({ id: `l-${i}` })] }),
      );
    expect(accepts(Protocol, minimal({ sections: sections(30) }))).toBe(true);
    expect(accepts(Protocol, minimal({ sections: sections(31) }))).toBe(false);
  });

  it(`refuses more than ${MAX_LOOK_FORS} look-fors in the whole protocol`, () => {
    expect(MAX_LOOK_FORS).toBe(200);
    const split = (first: number, second: number) =>
      minimal({
        sections: [
          section({ id: 'one', lookFors: lookForsNamed(first, 'a') }),
          section({ id: 'two', lookFors: lookForsNamed(second, 'b') }),
        ],
      });
    expect(accepts(Protocol, split(100, 100))).toBe(true);
    expect(issuesOf(Protocol, split(100, 101))).toStrictEqual([
      { path: 'sections', message: 'A protocol has at most 200 look-fors' },
    ]);
  });

  it('refuses more than 200 look-fors in one section', () => {
    const oneSection = (n: number) =>
      minimal({ sections: [section({ lookFors: lookForsNamed(n, 'l') })] });
    expect(accepts(Protocol, oneSection(200))).toBe(true);
    expect(accepts(Protocol, oneSection(201))).toBe(false);
  });

  it('refuses two sections with the same id', () => {
    const sections = [section({ id: 'same' }), section({ id: 'same', lookFors: [] })];
    expect(issuesOf(Protocol, minimal({ sections }))).toStrictEqual([
      { path: 'sections', message: 'Two sections share an id' },
    ]);
  });

  it('refuses two look-fors with the same id, even in different sections', () => {
    const sections = [section({ id: 'one' }), section({ id: 'two' })];
    expect(issuesOf(Protocol, minimal({ sections }))).toStrictEqual([
      { path: 'sections', message: 'Two look-fors share an id' },
    ]);
  });

  it('refuses an empty section title and an unknown focus', () => {
    expect(sectionFocuses).toStrictEqual(['general', 'teacher', 'students']);
    expect(issuesOf(Protocol, minimal({ sections: [section({ title: ' ' })] }))).toStrictEqual([
      { path: 'sections.0.title', message: 'Section title is required' },
    ]);
    expect(accepts(Protocol, minimal({ sections: [{ ...section(), focus: 'parents' }] }))).toBe(
      false,
    );
  });

  it('accepts a protocol id of 48 characters and refuses 49', () => {
    expect(accepts(Protocol, minimal({ id: 'p'.repeat(48) }))).toBe(true);
    expect(accepts(Protocol, minimal({ id: 'p'.repeat(49) }))).toBe(false);
    expect(accepts(Protocol, minimal({ id: 'Test Protocol' }))).toBe(false);
  });

  it('refuses a version that is not a whole number from 1 to 10,000', () => {
    expect(accepts(Protocol, minimal({ version: 10_000 }))).toBe(true);
    for (const version of [0, -1, 1.5, '1', 10_001]) {
      expect(accepts(Protocol, minimal({ version })), String(version)).toBe(false);
    }
  });

  it('refuses an empty name and a name over 120 characters', () => {
    expect(issuesOf(Protocol, minimal({ name: '' }))).toStrictEqual([
      { path: 'name', message: 'Name is required' },
    ]);
    expect(accepts(Protocol, minimal({ name: 'n'.repeat(120) }))).toBe(true);
    expect(accepts(Protocol, minimal({ name: 'n'.repeat(121) }))).toBe(false);
  });

  it('accepts an empty purpose and refuses one over 2,000 characters', () => {
    expect(accepts(Protocol, minimal({ purpose: '' }))).toBe(true);
    expect(accepts(Protocol, minimal({ purpose: 'p'.repeat(2000) }))).toBe(true);
    expect(issuesOf(Protocol, minimal({ purpose: 'p'.repeat(2001) }))).toStrictEqual([
      { path: 'purpose', message: 'Purpose is at most 2,000 characters' },
    ]);
  });

  it('refuses markup in the name or purpose', () => {
    expect(accepts(Protocol, minimal({ name: '<script>alert(1)</script>' }))).toBe(false);
    expect(accepts(Protocol, minimal({ purpose: 'See </b>' }))).toBe(false);
  });

  it('refuses times that are not ISO date-times', () => {
    expect(accepts(Protocol, minimal({ updatedAt: 'today' }))).toBe(false);
    expect(accepts(Protocol, minimal({ publishedAt: '2026-11-20' }))).toBe(false);
  });

  it('drops fields it does not know', () => {
    const parsed = Protocol.parse({ ...minimal(), teacher: 'Ms. Smith' });
    expect('teacher' in parsed).toBe(false);
  });
});

describe('ProtocolDraft', () => {
  it('accepts work in progress the strict schema refuses', () => {
    const wip = draftProtocol({
      name: '',
      sections: [
        section({
          title: '',
          lookFors: [
            lookFor({ id: 'empty', text: '' }),
            lookFor({ id: 'scale', response: { kind: 'scale', levels: [] } }),
            lookFor({
              id: 'choice',
              response: { kind: 'choice', multiple: false, options: [{ id: 'only', label: '' }] },
            }),
          ],
        }),
      ],
    });
    expect(issuesOf(ProtocolDraft, wip)).toStrictEqual([]);
    expect(issuesOf(Protocol, wip).map((i) => i.path)).toStrictEqual([
      'name',
      'sections.0.title',
      'sections.0.lookFors.0.text',
      'sections.0.lookFors.1.response.levels',
      'sections.0.lookFors.2.response.options.0.label',
      'sections.0.lookFors.2.response.options',
    ]);
  });

  it('still refuses markup, bad ids, over-long text, shared ids and a missing section', () => {
    const draft = draftProtocol();
    const broken = [
      { ...draft, name: '<b>Rounds</b>' },
      { ...draft, id: 'Morning Rounds' },
      { ...draft, sections: [section({ lookFors: [lookFor({ text: 't'.repeat(301) })] })] },
      { ...draft, sections: [section({ id: 'a' }), section({ id: 'b' })] },
      { ...draft, sections: [] },
    ];
    for (const value of broken) {
      expect(accepts(ProtocolDraft, value), JSON.stringify(value).slice(0, 80)).toBe(false);
    }
  });

  it('still keeps a scale to at most 10 levels', () => {
    const levels = Array.from({ length: 11 }, (_, i) => ({ id: `l${i}`, label: '' }));
    const draft = draftProtocol({
      sections: [section({ lookFors: [lookFor({ response: { kind: 'scale', levels } })] })],
    });
    expect(accepts(ProtocolDraft, draft)).toBe(false);
  });
});

describe('protocolSchemaFor', () => {
  it('checks a draft as a draft and every other status strictly', () => {
    expect(protocolSchemaFor('draft')).toBe(ProtocolDraft);
    for (const status of ['published', 'archived', undefined, 'nonsense']) {
      expect(protocolSchemaFor(status), String(status)).toBe(Protocol);
    }
  });
});

describe('allLookFors', () => {
  it('lists look-fors of every section in order', () => {
    expect(allLookFors(protocol()).map((l) => l.id)).toStrictEqual([
      'checks-understanding',
      'wait-time',
      'questions-asked',
      'grouping',
      'tools-used',
      'noticing',
      'student-voice',
    ]);
  });
});

describe('protocolKey', () => {
  it('joins the id and version into one sync id', () => {
    expect(protocolKey('morning-rounds', 1)).toBe('morning-rounds.v1');
    expect(protocolKey('morning-rounds', 12)).toBe('morning-rounds.v12');
  });
});
