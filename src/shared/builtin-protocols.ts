import type { Protocol } from './protocol';

/**
 * The Blast Walkthrough every install starts with: observable, low-inference
 * look-fors drawn from the district plans' empowered-learning goal.
 */
export const blastEmpoweredLearning: Protocol = {
  id: 'blast-empowered-learning',
  version: 1,
  name: 'Blast Walkthrough: Empowered Learning',
  purpose:
    'A quick building-wide look at how often students own their learning. Non-evaluative: no teacher is named.',
  kind: 'blast_walkthrough',
  lookFors: [
    {
      id: 'learning-target-visible',
      text: 'The learning target is posted or stated in student-friendly words',
      hint: 'Written on the board, slide or handout, or said aloud by the teacher',
      responseType: 'seen_not_seen',
    },
    {
      id: 'students-explain-target',
      text: 'A student asked can say what they are learning and why',
      hint: 'Ask one student: "What are you learning and why?"',
      responseType: 'seen_not_seen',
    },
    {
      id: 'students-talk-to-peer',
      text: 'Students explain their thinking to a peer',
      hint: 'Turn-and-talk, partner work, small-group discussion',
      responseType: 'seen_not_seen',
    },
    {
      id: 'students-choose',
      text: 'Students make a choice about how they learn or show learning',
      hint: 'Choice of task, tool, text, partner or product',
      responseType: 'seen_not_seen',
    },
    {
      id: 'students-use-feedback',
      text: 'Students give, receive or use feedback',
      hint: 'Peer review, checklist, rubric, conferring notes',
      responseType: 'seen_not_seen',
    },
    {
      id: 'students-ask-questions',
      text: 'Students ask questions of the teacher or each other',
      responseType: 'seen_not_seen',
    },
    {
      id: 'students-self-assess',
      text: 'Students check their own progress toward the target',
      hint: 'Self-assessment scale, exit ticket, learning log',
      responseType: 'seen_not_seen',
    },
    {
      id: 'collaborative-task',
      text: 'Students work together on a shared task',
      hint: 'Each student has a role or contributes to one product',
      responseType: 'seen_not_seen',
    },
  ],
};

export const builtinProtocols: readonly Protocol[] = [blastEmpoweredLearning];

export function findProtocol(id: string, version: number): Protocol | undefined {
  return builtinProtocols.find((p) => p.id === id && p.version === version);
}
