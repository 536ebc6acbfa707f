import { describe, expect, it } from 'vitest';
import { blastEmpoweredLearning } from '../../src/shared/builtin-protocols';
import { Observation } from '../../src/shared/observation';
import {
  answeredCount,
  checkAgainstProtocol,
  finishObservation,
  setResponse,
} from '../../src/shared/observation-rules';
import type { Protocol } from '../../src/shared/protocol';
import { draftProtocol, lookFor, observation, protocol, section } from '../support/factories';

const tiny: Protocol = protocol({
  id: 'tiny',
  version: 2,
  name: 'Tiny protocol',
  purpose: '',
  sections: [
    section({
      lookFors: [
        lookFor({ id: 'one', text: 'One' }),
        lookFor({ id: 'two', text: 'Two' }),
        lookFor({ id: 'three', text: 'Three' }),
      ],
    }),
  ],
});

/** The factory protocol: one look-for of each response kind. */
const rounds = protocol();
const forRounds = (responses: Observation['responses']) =>
  observation({ protocolId: rounds.id, protocolVersion: rounds.version, responses });

describe('checkAgainstProtocol', () => {
  it('finds nothing wrong when every response names a look-for of the protocol', () => {
    expect(checkAgainstProtocol(observation(), blastEmpoweredLearning)).toStrictEqual([]);
  });

  it('finds nothing wrong with no responses at all', () => {
    expect(checkAgainstProtocol(observation({ responses: {} }), tiny)).toStrictEqual([]);
  });

  it('reports an unknown protocol with its id and version', () => {
    const record = observation({ protocolId: 'retired-protocol', protocolVersion: 3 });
    expect(checkAgainstProtocol(record, undefined)).toStrictEqual([
      { path: 'protocolId', message: 'Unknown protocol retired-protocol v3' },
    ]);
  });

  it('reports each response that names no look-for of the protocol', () => {
    const record = observation({
      responses: { one: 'seen', ghost: 'na', three: 'not_seen', phantom: 'seen' },
    });
    expect(checkAgainstProtocol(record, tiny)).toStrictEqual([
      { path: 'responses.ghost', message: 'Not a look-for of Tiny protocol' },
      { path: 'responses.phantom', message: 'Not a look-for of Tiny protocol' },
    ]);
  });

  it('checks against the protocol it is given, not the one the record names', () => {
    const record = observation({ responses: { 'students-choose': 'seen' } });
    expect(checkAgainstProtocol(record, tiny)).toStrictEqual([
      { path: 'responses.students-choose', message: 'Not a look-for of Tiny protocol' },
    ]);
  });

  it('finds look-fors in every section, not only the first', () => {
    const record = forRounds({ 'checks-understanding': 'seen', 'student-voice': { quote: 'Hi' } });
    expect(checkAgainstProtocol(record, rounds)).toStrictEqual([]);
  });

  it('accepts a value of the right kind for every kind of look-for', () => {
    const record = forRounds({
      'checks-understanding': 'not_seen',
      'wait-time': { level: 'long' },
      'questions-asked': { count: 0 },
      grouping: { choices: ['pairs'] },
      'tools-used': { choices: ['whiteboards', 'laptops'] },
      noticing: { text: 'Pairs compare two strategies' },
      'student-voice': { quote: 'We are learning to share fairly' },
    });
    expect(checkAgainstProtocol(record, rounds)).toStrictEqual([]);
  });

  it('reports each value of the wrong kind at its look-for', () => {
    const record = forRounds({
      'checks-understanding': { count: 1 },
      'wait-time': 'seen',
      'questions-asked': { text: 'seven' },
      grouping: { level: 'pairs' },
      noticing: { quote: 'Hi' },
      'student-voice': { text: 'Hi' },
    });
    expect(checkAgainstProtocol(record, rounds)).toStrictEqual([
      { path: 'responses.checks-understanding', message: 'Expected seen, not seen or N/A' },
      { path: 'responses.wait-time', message: 'Expected a level of the scale' },
      { path: 'responses.questions-asked', message: 'Expected a count' },
      { path: 'responses.grouping', message: 'Expected a choice' },
      { path: 'responses.noticing', message: 'Expected text' },
      { path: 'responses.student-voice', message: 'Expected a quote' },
    ]);
  });

  it('reports a level, an option or a second option the look-for does not allow', () => {
    const record = forRounds({
      'wait-time': { level: 'forever' },
      grouping: { choices: ['pairs', 'whole-class'] },
      'tools-used': { choices: ['whiteboards', 'phones'] },
    });
    expect(checkAgainstProtocol(record, rounds)).toStrictEqual([
      { path: 'responses.wait-time', message: 'Not a level of this scale' },
      { path: 'responses.grouping', message: 'Only one option may be chosen' },
      { path: 'responses.tools-used', message: 'Not an option of this choice' },
    ]);
  });

  it('reports unknown look-fors and wrong kinds together, in response order', () => {
    const record = forRounds({ ghost: 'seen', 'wait-time': { count: 2 }, noticing: { text: '' } });
    expect(checkAgainstProtocol(record, rounds)).toStrictEqual([
      { path: 'responses.ghost', message: 'Not a look-for of Morning rounds' },
      { path: 'responses.wait-time', message: 'Expected a level of the scale' },
    ]);
  });

  it('refuses a draft protocol with one issue and checks nothing further', () => {
    const record = forRounds({ ghost: 'seen', 'wait-time': 'seen' });
    expect(checkAgainstProtocol(record, draftProtocol())).toStrictEqual([
      { path: 'protocolVersion', message: 'Observations use published protocols only' },
    ]);
    expect(checkAgainstProtocol(forRounds({}), draftProtocol())).toHaveLength(1);
  });

  it('still accepts observations against an archived version', () => {
    const archived = protocol({ status: 'archived' });
    expect(
      checkAgainstProtocol(forRounds({ 'wait-time': { level: 'short' } }), archived),
    ).toStrictEqual([]);
  });
});

describe('setResponse', () => {
  it('sets an answer on a copy and leaves the original alone', () => {
    const before = observation({ responses: { one: 'seen' } });
    const after = setResponse(before, 'two', 'not_seen');
    expect(after.responses).toStrictEqual({ one: 'seen', two: 'not_seen' });
    expect(before.responses).toStrictEqual({ one: 'seen' });
    expect(after).not.toBe(before);
    expect(after.responses).not.toBe(before.responses);
  });

  it('sets answers of the new kinds', () => {
    const before = observation({ responses: {} });
    const after = setResponse(setResponse(before, 'wait-time', { level: 'short' }), 'grouping', {
      choices: ['pairs'],
    });
    expect(after.responses).toStrictEqual({
      'wait-time': { level: 'short' },
      grouping: { choices: ['pairs'] },
    });
  });

  it('replaces an earlier answer for the same look-for', () => {
    const before = observation({ responses: { one: 'seen' } });
    expect(setResponse(before, 'one', 'na').responses).toStrictEqual({ one: 'na' });
    expect(before.responses).toStrictEqual({ one: 'seen' });
  });

  it('clears an answer by removing the key, not by storing null', () => {
    const before = observation({ responses: { one: 'seen', two: 'na' } });
    const after = setResponse(before, 'one', null);
    expect(after.responses).toStrictEqual({ two: 'na' });
    expect('one' in after.responses).toBe(false);
    expect(before.responses).toStrictEqual({ one: 'seen', two: 'na' });
  });

  it('clearing an unanswered look-for changes nothing but still returns a copy', () => {
    const before = observation({ responses: { one: 'seen' } });
    const after = setResponse(before, 'two', null);
    expect(after).toStrictEqual(before);
    expect(after).not.toBe(before);
  });

  it('keeps every other field as it was', () => {
    const before = observation();
    const after = setResponse(before, 'one', 'seen');
    expect({ ...after, responses: before.responses }).toStrictEqual(before);
  });
});

describe('finishObservation', () => {
  const now = new Date('2026-11-23T09:12:34.567Z');

  it('marks the observation complete and stamps the end time from the clock', () => {
    const draft = observation({ startedAt: '2026-11-23T09:00:00.000Z' });
    const done = finishObservation(draft, now);
    expect(done.status).toBe('complete');
    expect(done.endedAt).toBe('2026-11-23T09:12:34.567Z');
  });

  it('leaves the draft untouched', () => {
    const draft = observation();
    finishObservation(draft, now);
    expect(draft.status).toBe('draft');
    expect(draft.endedAt).toBeNull();
  });

  it('produces a record the Observation schema accepts', () => {
    const done = finishObservation(observation({ startedAt: '2026-11-23T09:00:00.000Z' }), now);
    expect(Observation.safeParse(done).success).toBe(true);
  });

  it('keeps responses, notes and room details', () => {
    const draft = observation();
    const done = finishObservation(draft, now);
    expect({ ...done, status: draft.status, endedAt: draft.endedAt }).toStrictEqual(draft);
  });
});

describe('answeredCount', () => {
  it('counts nothing when no look-for is answered', () => {
    expect(answeredCount(observation({ responses: {} }), tiny)).toBe(0);
  });

  it('counts seen, not seen and N/A alike', () => {
    const record = observation({ responses: { one: 'seen', two: 'not_seen', three: 'na' } });
    expect(answeredCount(record, tiny)).toBe(3);
  });

  it('ignores responses to look-fors the protocol does not have', () => {
    const record = observation({ responses: { one: 'seen', ghost: 'seen', phantom: 'na' } });
    expect(answeredCount(record, tiny)).toBe(1);
  });

  it('counts the factory draft against the Blast Walkthrough', () => {
    expect(answeredCount(observation(), blastEmpoweredLearning)).toBe(2);
  });

  it('goes down when an answer is cleared', () => {
    const record = observation({ responses: { one: 'seen', two: 'seen' } });
    expect(answeredCount(setResponse(record, 'two', null), tiny)).toBe(1);
  });

  it('counts a tally of zero but not blank text, a blank quote or an empty choice', () => {
    const record = forRounds({
      'questions-asked': { count: 0 },
      'wait-time': { level: 'short' },
      grouping: { choices: [] },
      noticing: { text: '   ' },
      'student-voice': { quote: '' },
    });
    expect(answeredCount(record, rounds)).toBe(2);
  });

  it('counts every kind once it holds something', () => {
    const record = forRounds({
      'checks-understanding': 'na',
      'wait-time': { level: 'short' },
      'questions-asked': { count: 4 },
      grouping: { choices: ['pairs'] },
      'tools-used': { choices: ['laptops'] },
      noticing: { text: 'Pairs' },
      'student-voice': { quote: 'Fractions' },
    });
    expect(answeredCount(record, rounds)).toBe(7);
  });
});
