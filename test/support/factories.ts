import { blastEmpoweredLearning } from '../../src/shared/builtin-protocols';
import type { Observation } from '../../src/shared/observation';
import type { LookFor, NamedValue, Protocol, Section } from '../../src/shared/protocol';
import type { Round } from '../../src/shared/rounds';
import type { Mutation } from '../../src/shared/sync';

let counter = 0;

/** The signed-in user of server and sync tests (see server-app.ts). */
export const TEST_USER_ID = '00000000-0000-4000-8000-000000000001';
/** The school the test user coaches in (made with the test user's session). */
export const TEST_SCHOOL_ID = '00000000-0000-4000-8000-0000000000a1';

export function observation(overrides: Partial<Observation> = {}): Observation {
  counter += 1;
  return {
    id: crypto.randomUUID(),
    protocolId: blastEmpoweredLearning.id,
    protocolVersion: blastEmpoweredLearning.version,
    observerId: TEST_USER_ID,
    schoolId: TEST_SCHOOL_ID,
    school: 'Lincoln Elementary',
    room: `Room ${100 + counter}`,
    gradeBand: '3-5',
    subject: 'Math',
    observer: 'Coach Rivera',
    startedAt: '2026-11-23T09:00:00.000Z',
    endedAt: null,
    responses: { 'learning-target-visible': 'seen', 'students-talk-to-peer': 'not_seen' },
    notes: 'Students at table 3 compared two strategies for 48 / 6.',
    status: 'draft',
    ...overrides,
  };
}

export function putMutation(
  clientId: string,
  record: Observation,
  overrides: Partial<Mutation> = {},
): Mutation {
  counter += 1;
  return {
    mutationId: crypto.randomUUID(),
    clientId,
    clientSeq: counter,
    entity: 'observation',
    entityId: record.id,
    op: 'put',
    baseRev: null,
    data: record,
    deviceTime: '2026-11-23T09:01:00.000Z',
    ...overrides,
  };
}

const named = (pairs: ReadonlyArray<readonly [string, string]>): NamedValue[] =>
  pairs.map(([id, label]) => ({ id, label }));

export function lookFor(overrides: Partial<LookFor> = {}): LookFor {
  return {
    id: 'students-talk',
    text: 'Students explain their thinking to a peer',
    tags: [],
    response: { kind: 'seen' },
    ...overrides,
  };
}

export function section(overrides: Partial<Section> = {}): Section {
  return {
    id: 'general',
    title: 'General',
    focus: 'general',
    lookFors: [lookFor()],
    ...overrides,
  };
}

/**
 * A published custom protocol (not in the starter library) with one look-for of
 * every response kind: `checks-understanding` (seen), `wait-time` (scale: short,
 * medium, long), `questions-asked` (tally), `grouping` (single choice: pairs,
 * small-groups, whole-class), `tools-used` (multiple choice: whiteboards,
 * manipulatives, laptops), `noticing` (text) and `student-voice` (quote).
 */
export function protocol(overrides: Partial<Protocol> = {}): Protocol {
  return {
    id: 'morning-rounds',
    version: 1,
    status: 'published',
    name: 'Morning rounds',
    purpose: 'Short visits to see how students take part. Non-evaluative.',
    kind: 'peer_observation',
    sections: [
      section({
        id: 'teacher-doing',
        title: 'Teacher doing',
        focus: 'teacher',
        lookFors: [
          lookFor({ id: 'checks-understanding', text: 'The teacher checks for understanding' }),
          lookFor({
            id: 'wait-time',
            text: 'Wait time after a question',
            response: {
              kind: 'scale',
              levels: named([
                ['short', 'Under 3 seconds'],
                ['medium', '3 to 5 seconds'],
                ['long', 'Over 5 seconds'],
              ]),
            },
          }),
          lookFor({
            id: 'questions-asked',
            text: 'Questions the teacher asks',
            response: { kind: 'tally' },
          }),
        ],
      }),
      section({
        id: 'students-doing',
        title: 'Students doing',
        focus: 'students',
        lookFors: [
          lookFor({
            id: 'grouping',
            text: 'How students are grouped',
            tags: ['Collaborative'],
            response: {
              kind: 'choice',
              multiple: false,
              options: named([
                ['pairs', 'Pairs'],
                ['small-groups', 'Small groups'],
                ['whole-class', 'Whole class'],
              ]),
            },
          }),
          lookFor({
            id: 'tools-used',
            text: 'Tools students use',
            hint: 'Tick every tool in use',
            response: {
              kind: 'choice',
              multiple: true,
              options: named([
                ['whiteboards', 'Whiteboards'],
                ['manipulatives', 'Manipulatives'],
                ['laptops', 'Laptops'],
              ]),
            },
          }),
          lookFor({ id: 'noticing', text: 'What students are doing', response: { kind: 'text' } }),
          lookFor({
            id: 'student-voice',
            text: 'What a student says when asked what they are learning',
            response: { kind: 'quote' },
          }),
        ],
      }),
    ],
    publishedAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  };
}

/** The factory protocol as a draft that was never published. */
export function draftProtocol(overrides: Partial<Protocol> = {}): Protocol {
  return protocol({ status: 'draft', publishedAt: null, ...overrides });
}

/** A look-for spreadsheet from rows of cells; the first row is the header. */
export function lookForCsv(rows: ReadonlyArray<ReadonlyArray<string>>, newline = '\n'): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((cells) => cells.map(quote).join(',')).join(newline) + newline;
}

/** The parsed body of a valid protocol file, for tests that then break one part of it. */
export function protocolFileData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'lookfor-protocol',
    formatVersion: 1,
    exportedAt: '2026-11-23T09:00:00.000Z',
    protocol: structuredClone(blastEmpoweredLearning),
    ...overrides,
  };
}

/** A planned round of the test school on the starter blast protocol, with two rooms. */
export function round(overrides: Partial<Round> = {}): Round {
  return {
    id: crypto.randomUUID(),
    schoolId: TEST_SCHOOL_ID,
    name: 'November blast',
    purpose: 'See how often students explain their thinking. Non-evaluative.',
    protocolId: blastEmpoweredLearning.id,
    protocolVersion: blastEmpoweredLearning.version,
    startsOn: '2026-11-23',
    endsOn: '2026-11-24',
    targetMinutes: 5,
    team: [{ userId: TEST_USER_ID, name: 'Coach Rivera' }],
    rooms: [
      { id: 'r114', room: '114', gradeBand: '3-5', subject: 'Math', assignedTo: TEST_USER_ID },
      { id: 'r115', room: '115', gradeBand: 'K-2', subject: 'Reading', assignedTo: null },
    ],
    status: 'planned',
    createdBy: TEST_USER_ID,
    updatedAt: '2026-11-22T09:00:00.000Z',
    ...overrides,
  };
}

/** A put of any synced record. */
export function recordPut(
  clientId: string,
  entity: Mutation['entity'],
  record: { id: string },
  overrides: Partial<Mutation> = {},
): Mutation {
  counter += 1;
  return {
    mutationId: crypto.randomUUID(),
    clientId,
    clientSeq: counter,
    entity,
    entityId: record.id,
    op: 'put',
    baseRev: null,
    data: record,
    deviceTime: '2026-11-23T09:01:00.000Z',
    ...overrides,
  };
}
