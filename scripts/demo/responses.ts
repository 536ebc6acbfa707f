import { allLookFors, type LookFor, type Protocol } from '../../src/shared/protocol';
import type { ResponseValue } from '../../src/shared/response';
import type { Random } from './random';

/** Low-inference noticings of the kind a walkthrough team writes: the room, never a person. */
export const roomNotes: readonly string[] = [
  'Learning target posted; two students restated it in their own words when asked.',
  'Students at table 3 compared two strategies for 48 ÷ 6 and explained the difference.',
  'Whole-class discussion for the 6 minutes we were there; 5 students spoke.',
  'Pairs used a checklist to give feedback on each other’s drafts.',
  'A student asked a partner "how did you know?" during group work.',
  'Most students worked on the same worksheet independently.',
  'Students chose between two reading tasks posted on the board.',
  'Exit ticket on the board; students rated their understanding 1 to 4.',
  'Small group at the back table working with base-ten blocks.',
  'Anchor chart on claims and evidence used by three groups.',
  'Students rotating through stations; a timer on the board.',
  'Turn-and-talk after the read-aloud; every pair talking.',
  'Students revising lab conclusions after peer comments.',
  'Quiet reading; conferring at one table.',
  '',
  '',
];

const quotes = [
  'We are learning to compare fractions so we can tell which recipe needs more.',
  'I checked my answer with my partner and we did it two ways.',
  'I don’t know what we’re learning, we’re doing page 42.',
  'The goal is to use evidence from the text.',
];

const texts = [
  'Students used sentence stems posted by the door.',
  'Hands-on materials at every table.',
  'Students moved between groups when they finished.',
];

/**
 * One plausible answer for a look-for. `seenRate` is how often a seen / not seen
 * look-for was seen in this round; about one in twenty is marked not applicable.
 */
export function answerFor(lookFor: LookFor, seenRate: number, random: Random): ResponseValue {
  const type = lookFor.response;
  switch (type.kind) {
    case 'seen':
      if (random.chance(0.05)) return 'na';
      return random.chance(seenRate) ? 'seen' : 'not_seen';
    case 'scale':
      return { level: random.pick(type.levels).id };
    case 'tally':
      return { count: random.int(0, 8) };
    case 'choice':
      return { choices: [random.pick(type.options).id] };
    case 'text':
      return { text: random.pick(texts) };
    case 'quote':
      return { quote: random.pick(quotes) };
  }
}

/**
 * Answers for every look-for of a protocol. Each look-for has its own base rate
 * (some practices are common, some rare), moved by `shift` for a later round.
 */
export function answersFor(
  protocol: Protocol,
  shift: number,
  random: Random,
): Record<string, ResponseValue> {
  const answers: Record<string, ResponseValue> = {};
  allLookFors(protocol).forEach((lookFor, i) => {
    const base = [0.78, 0.42, 0.63, 0.3, 0.5, 0.24, 0.55, 0.36][i % 8]!;
    const rate = Math.min(0.95, Math.max(0.05, base + shift));
    // A visit of a few minutes: now and then a look-for is left unanswered.
    if (random.chance(0.04)) return;
    answers[lookFor.id] = answerFor(lookFor, rate, random);
  });
  return answers;
}
