import { describe, expect, it } from 'vitest';
import { issuesToFields, type FieldIssue } from '../../src/shared/errors';
import {
  GradeBand,
  Observation,
  ObservationSetup,
  gradeBands,
  isoDateTime,
} from '../../src/shared/observation';
import { observation, TEST_SCHOOL_ID } from '../support/factories';

function issuesOf(value: unknown): FieldIssue[] {
  const result = Observation.safeParse(value);
  return result.success ? [] : issuesToFields(result.error);
}

function without(record: Observation, key: keyof Observation): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...record };
  delete copy[key];
  return copy;
}

describe('a valid observation', () => {
  it('accepts a draft from the factory unchanged', () => {
    const draft = observation();
    const result = Observation.safeParse(draft);
    expect(result.success).toBe(true);
    expect(result.data).toStrictEqual(draft);
  });

  it('accepts a complete observation that ends after it starts', () => {
    const done = observation({ status: 'complete', endedAt: '2026-11-23T09:05:00.000Z' });
    expect(issuesOf(done)).toStrictEqual([]);
  });

  it('accepts an end time equal to the start time', () => {
    const instant = observation({
      status: 'complete',
      startedAt: '2026-11-23T09:00:00.000Z',
      endedAt: '2026-11-23T09:00:00.000Z',
    });
    expect(issuesOf(instant)).toStrictEqual([]);
  });

  it('accepts times with a numeric offset', () => {
    const offset = observation({
      startedAt: '2026-11-23T10:00:00+01:00',
      endedAt: '2026-11-23T09:30:00Z',
    });
    expect(issuesOf(offset)).toStrictEqual([]);
  });

  it('trims whitespace around the setup text fields', () => {
    const parsed = Observation.parse(
      observation({
        school: '  Lincoln Elementary ',
        room: '\t101\n',
        subject: ' Math ',
        observer: ' Coach Rivera  ',
      }),
    );
    expect(parsed.school).toBe('Lincoln Elementary');
    expect(parsed.room).toBe('101');
    expect(parsed.subject).toBe('Math');
    expect(parsed.observer).toBe('Coach Rivera');
  });

  it('keeps notes exactly as typed, whitespace included', () => {
    const parsed = Observation.parse(observation({ notes: '  two spaces  ' }));
    expect(parsed.notes).toBe('  two spaces  ');
  });

  it('accepts notes of exactly 10,000 characters', () => {
    expect(issuesOf(observation({ notes: 'n'.repeat(10_000) }))).toStrictEqual([]);
  });

  it('accepts empty responses and every kind of answer', () => {
    expect(issuesOf(observation({ responses: {} }))).toStrictEqual([]);
    expect(issuesOf(observation({ responses: { a: 'seen', b: 'not_seen', c: 'na' } }))).toEqual([]);
    const responses: Observation['responses'] = {
      level: { level: 'medium' },
      tally: { count: 0 },
      single: { choices: ['pairs'] },
      none: { choices: [] },
      text: { text: 'Pairs compare strategies' },
      quote: { quote: 'We are learning fractions' },
    };
    const parsed = Observation.safeParse(observation({ responses }));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.responses).toStrictEqual(responses);
  });

  it('accepts every grade band', () => {
    for (const gradeBand of gradeBands) {
      expect(issuesOf(observation({ gradeBand }))).toStrictEqual([]);
    }
    expect(GradeBand.options).toStrictEqual(['PreK', 'K-2', '3-5', '6-8', '9-12', 'Mixed']);
  });

  it('has no field that could name a teacher', () => {
    const parsed = Observation.parse({ ...observation(), teacher: 'Ms. Smith' });
    expect('teacher' in parsed).toBe(false);
  });
});

describe('an invalid observation', () => {
  it('refuses a missing room', () => {
    expect(issuesOf(without(observation(), 'room'))).toStrictEqual([
      { path: 'room', message: 'Room is required' },
    ]);
  });

  it('refuses a blank room, even after trimming', () => {
    expect(issuesOf(observation({ room: '' }))).toStrictEqual([
      { path: 'room', message: 'Room is required' },
    ]);
    expect(issuesOf(observation({ room: '   ' }))).toStrictEqual([
      { path: 'room', message: 'Room is required' },
    ]);
  });

  it('refuses a room longer than 40 characters', () => {
    expect(issuesOf(observation({ room: 'r'.repeat(41) }))).toStrictEqual([
      { path: 'room', message: 'Room is at most 40 characters' },
    ]);
    expect(issuesOf(observation({ room: 'r'.repeat(40) }))).toStrictEqual([]);
  });

  it('counts the limit after trimming', () => {
    expect(issuesOf(observation({ room: `  ${'r'.repeat(40)}  ` }))).toStrictEqual([]);
  });

  it('refuses other blank setup fields with their own labels', () => {
    expect(issuesOf(observation({ school: ' ', subject: '', observer: '\n' }))).toStrictEqual([
      { path: 'school', message: 'School is required' },
      { path: 'subject', message: 'Subject is required' },
      { path: 'observer', message: 'Observer is required' },
    ]);
  });

  it('refuses a grade band outside the list', () => {
    expect(issuesOf({ ...observation(), gradeBand: '13' })).toStrictEqual([
      { path: 'gradeBand', message: 'Choose a grade band' },
    ]);
    expect(issuesOf({ ...observation(), gradeBand: 'k-2' })).toStrictEqual([
      { path: 'gradeBand', message: 'Choose a grade band' },
    ]);
  });

  it('refuses an id that is not a UUID', () => {
    expect(issuesOf(observation({ id: 'obs-1' }))).toStrictEqual([
      { path: 'id', message: 'Must be a UUID' },
    ]);
  });

  it('refuses a complete observation without an end time', () => {
    expect(issuesOf(observation({ status: 'complete', endedAt: null }))).toStrictEqual([
      { path: 'endedAt', message: 'A complete observation needs an end time' },
    ]);
  });

  it('refuses an end time before the start time', () => {
    expect(
      issuesOf(
        observation({
          startedAt: '2026-11-23T09:00:00.000Z',
          endedAt: '2026-11-23T08:59:59.999Z',
        }),
      ),
    ).toStrictEqual([{ path: 'endedAt', message: 'End time is before start time' }]);
  });

  it('compares times by instant, not by their text', () => {
    // 10:00 at +02:00 is 08:00 UTC: an hour before a 09:00Z start.
    expect(
      issuesOf(
        observation({
          startedAt: '2026-11-23T09:00:00.000Z',
          endedAt: '2026-11-23T10:00:00.000+02:00',
        }),
      ),
    ).toStrictEqual([{ path: 'endedAt', message: 'End time is before start time' }]);
  });

  it('refuses notes over 10,000 characters', () => {
    expect(issuesOf(observation({ notes: 'n'.repeat(10_001) }))).toStrictEqual([
      { path: 'notes', message: 'Notes are at most 10,000 characters' },
    ]);
  });

  it('refuses a start time that is not an ISO date-time', () => {
    expect(issuesOf(observation({ startedAt: 'yesterday' }))).toStrictEqual([
      { path: 'startedAt', message: 'Must be an ISO date-time' },
    ]);
  });

  it('refuses an answer that is not seen, not seen or N/A', () => {
    const issues = issuesOf({ ...observation(), responses: { 'students-choose': 'maybe' } });
    expect(issues.map((i) => i.path)).toStrictEqual(['responses.students-choose']);
  });

  it('refuses an answer object of no known shape', () => {
    const issues = issuesOf({ ...observation(), responses: { grouping: { rating: 3 } } });
    expect(issues.map((i) => i.path)).toStrictEqual(['responses.grouping']);
  });

  it('refuses a negative or fractional tally', () => {
    for (const count of [-1, 2.5]) {
      const issues = issuesOf({ ...observation(), responses: { tally: { count } } });
      expect(issues, String(count)).toHaveLength(1);
      expect(issues[0]?.path, String(count)).toMatch(/^responses\.tally\b/);
    }
  });

  it('refuses text answers over 2,000 characters', () => {
    const responses = { noticing: { text: 't'.repeat(2001) } };
    expect(issuesOf(observation({ responses }))).toStrictEqual([
      { path: 'responses.noticing.text', message: 'At most 2,000 characters' },
    ]);
  });

  it('refuses a look-for id over 64 characters as a response key', () => {
    const issues = issuesOf(observation({ responses: { ['k'.repeat(65)]: 'seen' } }));
    expect(issues.map((i) => i.path)).toStrictEqual([`responses.${'k'.repeat(65)}`]);
    expect(issuesOf(observation({ responses: { ['k'.repeat(64)]: 'seen' } }))).toStrictEqual([]);
  });

  it('refuses an unknown status', () => {
    const issues = issuesOf({ ...observation(), status: 'archived' });
    expect(issues.map((i) => i.path)).toStrictEqual(['status']);
  });

  it('refuses a protocol version that is not a positive whole number', () => {
    expect(issuesOf(observation({ protocolVersion: 0 })).map((i) => i.path)).toStrictEqual([
      'protocolVersion',
    ]);
    expect(issuesOf(observation({ protocolVersion: 1.5 })).map((i) => i.path)).toStrictEqual([
      'protocolVersion',
    ]);
  });

  it('reports every problem at once', () => {
    expect(issuesOf(observation({ room: '', status: 'complete', endedAt: null }))).toStrictEqual([
      { path: 'room', message: 'Room is required' },
      { path: 'endedAt', message: 'A complete observation needs an end time' },
    ]);
  });

  it('refuses something that is not an object at all', () => {
    expect(issuesOf(null).map((i) => i.path)).toStrictEqual(['(root)']);
  });
});

describe('ObservationSetup', () => {
  it('parses just the room details, trimmed', () => {
    expect(
      ObservationSetup.parse({
        schoolId: TEST_SCHOOL_ID,
        school: ' Lincoln ',
        room: '12B',
        gradeBand: 'K-2',
        subject: 'Reading',
        observer: 'Coach Lee',
      }),
    ).toStrictEqual({
      schoolId: TEST_SCHOOL_ID,
      school: 'Lincoln',
      room: '12B',
      gradeBand: 'K-2',
      subject: 'Reading',
      observer: 'Coach Lee',
    });
  });
});

describe('isoDateTime', () => {
  it('accepts UTC and offset times and refuses a date alone', () => {
    expect(isoDateTime.safeParse('2026-11-23T09:00:00Z').success).toBe(true);
    expect(isoDateTime.safeParse('2026-11-23T09:00:00-05:00').success).toBe(true);
    expect(isoDateTime.safeParse('2026-11-23').success).toBe(false);
  });
});

describe('a calibration partner', () => {
  const partner = '32000000-0000-4000-8000-0000000000aa';

  it('is optional: a record written before the field existed still parses unchanged', () => {
    const older = observation();
    expect('calibrationPartnerId' in older).toBe(false);
    expect(Observation.parse(older)).toStrictEqual(older);
    expect(issuesOf(observation({ calibrationPartnerId: null }))).toStrictEqual([]);
  });

  it('names a colleague by user id', () => {
    expect(issuesOf(observation({ calibrationPartnerId: partner }))).toStrictEqual([]);
    expect(issuesOf(observation({ calibrationPartnerId: 'Ms. Lee' }))).toStrictEqual([
      { path: 'calibrationPartnerId', message: 'Choose a colleague' },
    ]);
  });
});
