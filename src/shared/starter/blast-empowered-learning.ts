import type { Protocol } from '../protocol';

const seen = { kind: 'seen' } as const;

/**
 * A quick building-wide sweep for empowered learning and the Profile of the
 * Graduate. Ids are stable: observations taken since the first release use them.
 */
export const blastEmpoweredLearning: Protocol = {
  id: 'blast-empowered-learning',
  version: 1,
  status: 'published',
  name: 'Blast Walkthrough: Empowered Learning',
  purpose:
    'A quick building-wide look at how often students own their learning. Non-evaluative: no teacher is named, and results are shared back with staff as building-wide patterns.',
  kind: 'blast_walkthrough',
  publishedAt: '2026-11-23T00:00:00.000Z',
  updatedAt: '2026-11-23T00:00:00.000Z',
  sections: [
    {
      id: 'learning-environment',
      title: 'Learning environment',
      focus: 'general',
      lookFors: [
        {
          id: 'learning-target-visible',
          text: 'The learning target is posted or stated in student-friendly words',
          hint: 'Written on the board, slide or handout, or said aloud by the teacher',
          tags: ['Empowered'],
          response: seen,
        },
      ],
    },
    {
      id: 'students-doing',
      title: 'Students doing',
      focus: 'students',
      lookFors: [
        {
          id: 'students-explain-target',
          text: 'A student asked can say what they are learning and why',
          hint: 'Ask one student: "What are you learning and why?"',
          tags: ['Self-Actualized', 'Empowered'],
          response: seen,
        },
        {
          id: 'students-talk-to-peer',
          text: 'Students explain their thinking to a peer',
          hint: 'Turn-and-talk, partner work, small-group discussion',
          tags: ['Collaborative'],
          response: seen,
        },
        {
          id: 'students-choose',
          text: 'Students make a choice about how they learn or show learning',
          hint: 'Choice of task, tool, text, partner or product',
          tags: ['Self-Actualized', 'Empowered'],
          response: seen,
        },
        {
          id: 'students-use-feedback',
          text: 'Students give, receive or use feedback',
          hint: 'Peer review, checklist, rubric, conferring notes',
          tags: ['Empowered'],
          response: seen,
        },
        {
          id: 'students-ask-questions',
          text: 'Students ask questions of the teacher or each other',
          tags: ['Intellectually Curious'],
          response: seen,
        },
        {
          id: 'students-self-assess',
          text: 'Students check their own progress toward the target',
          hint: 'Self-assessment scale, exit ticket, learning log',
          tags: ['Self-Actualized', 'Empowered'],
          response: seen,
        },
        {
          id: 'collaborative-task',
          text: 'Students work together on a shared task',
          hint: 'Each student has a role or contributes to one product',
          tags: ['Collaborative'],
          response: seen,
        },
      ],
    },
  ],
};
