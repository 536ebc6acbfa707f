import { expect } from 'vitest';
import type { Observation } from '../../../src/shared/observation';
import type { Round } from '../../../src/shared/rounds';
import { protocolPut, round, roundPut, visit, walkProtocol } from '../../support/dashboard-seed';
import { putMutation } from '../../support/factories';
import type { TestServer } from '../../support/server-app';

type Answers = Observation['responses'];

/**
 * The fall round of the walk protocol, through the real push: 8 visits.
 * checks-understanding: 5 seen, 2 not seen, 1 N/A (71.4% of 7).
 * wait-time: 3 long, 2 short (5 classrooms). questions-asked: 4 tallies (suppressed).
 * student-voice: 5 quotes. Six visits in 3-5 Math, two in K-2 Reading.
 */
export const fallAnswers: Array<{ answers: Answers; band: 'K-2' | '3-5'; notes: string }> = [
  {
    band: '3-5',
    notes: 'Pairs compared two strategies.',
    answers: {
      'checks-understanding': 'seen',
      'wait-time': { level: 'long' },
      'questions-asked': { count: 2 },
      'student-voice': { quote: 'We find patterns' },
    },
  },
  {
    band: '3-5',
    notes: '',
    answers: {
      'checks-understanding': 'seen',
      'wait-time': { level: 'long' },
      'questions-asked': { count: 4 },
      'student-voice': { quote: 'I can explain it' },
    },
  },
  {
    band: '3-5',
    notes: 'Exit tickets on every desk.',
    answers: {
      'checks-understanding': 'seen',
      'wait-time': { level: 'long' },
      'questions-asked': { count: 6 },
      'student-voice': { quote: 'We vote on it' },
    },
  },
  {
    band: '3-5',
    notes: '',
    answers: {
      'checks-understanding': 'seen',
      'wait-time': { level: 'short' },
      'questions-asked': { count: 8 },
      'student-voice': { quote: 'Because of the graph' },
    },
  },
  {
    band: '3-5',
    notes: 'Anchor chart of strategies.',
    answers: {
      'checks-understanding': 'seen',
      'wait-time': { level: 'short' },
      'student-voice': { quote: 'Ask three before me' },
    },
  },
  { band: '3-5', notes: '', answers: { 'checks-understanding': 'not_seen' } },
  { band: 'K-2', notes: '', answers: { 'checks-understanding': 'not_seen' } },
  { band: 'K-2', notes: '', answers: { 'checks-understanding': 'na' } },
];

/** Publishes the walk protocol (version 1) through the push. */
export async function seedProtocol(server: TestServer, p = walkProtocol()) {
  const client = crypto.randomUUID();
  const { results } = await server.push(client, [protocolPut(client, p)]);
  expect(results[0]?.status).toBe('applied');
}

/** Plans a round through the push, as the test coach. */
export async function seedRound(server: TestServer, overrides: Partial<Round> = {}) {
  const client = crypto.randomUUID();
  const plan = round(overrides);
  const { results } = await server.push(client, [roundPut(client, plan)]);
  expect(results[0]?.status).toBe('applied');
  return plan;
}

export async function pushVisits(
  server: TestServer,
  plan: Round,
  visits: typeof fallAnswers,
  cookie?: string,
  first = 1,
) {
  const client = crypto.randomUUID();
  const mutations = visits.map((v, i) =>
    putMutation(
      client,
      visit(plan, first + i, {
        gradeBand: v.band,
        subject: v.band === 'K-2' ? 'Reading' : 'Math',
        responses: v.answers,
        notes: v.notes,
      }),
    ),
  );
  const { results } = await server.push(client, mutations, cookie);
  expect(results.map((r) => r.status)).toEqual(visits.map(() => 'applied'));
}
