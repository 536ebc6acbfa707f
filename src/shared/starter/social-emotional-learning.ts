import type { Protocol } from '../protocol';

const seen = { kind: 'seen' } as const;

/**
 * A quick building-wide sweep for social-emotional learning: routines,
 * relationships, self-regulation and community agreements. Ids are stable:
 * observations refer to them.
 */
export const socialEmotionalLearning: Protocol = {
  id: 'social-emotional-learning',
  version: 1,
  status: 'published',
  name: 'Blast Walkthrough: Social-Emotional Learning',
  purpose:
    'A quick building-wide look at the extent to which social-emotional learning practices are present: routines students run themselves, relationships, supports for self-regulation and community agreements in use. Non-evaluative: no teacher is named, and results are shared back with staff as building-wide patterns.',
  kind: 'blast_walkthrough',
  publishedAt: '2026-11-23T00:00:00.000Z',
  updatedAt: '2026-11-23T00:00:00.000Z',
  sections: [
    {
      id: 'environment',
      title: 'Routines and environment',
      focus: 'general',
      lookFors: [
        {
          id: 'community-agreements',
          text: 'Community agreements are posted or referred to',
          hint: 'Class-made agreements on the wall; someone points to one: "Remember our agreement about listening"',
          tags: ['Social-Emotional Learning', 'Collaborative'],
          response: seen,
        },
        {
          id: 'students-run-routine',
          text: 'Students carry out a routine or transition without step-by-step directions',
          hint: 'Getting materials, finding a partner, cleaning up or moving to groups happens on a signal or a posted routine',
          tags: ['Social-Emotional Learning', 'Self-Actualized'],
          response: seen,
        },
        {
          id: 'regulation-space',
          text: 'A space or tools for calming down are available',
          hint: 'Calm corner, break pass, breathing card, feelings chart, fidget tools',
          tags: ['Social-Emotional Learning'],
          response: seen,
        },
      ],
    },
    {
      id: 'teacher-doing',
      title: 'Teacher doing',
      focus: 'teacher',
      lookFors: [
        {
          id: 'uses-names',
          text: 'The teacher speaks to students by name',
          hint: 'Greeting at the door, using names when calling on, conferring or checking in',
          tags: ['Social-Emotional Learning', 'Empathetic'],
          response: seen,
        },
        {
          id: 'feelings-check-in',
          text: 'The teacher checks in on how students are feeling',
          hint: 'Mood meter, thumbs check, morning meeting, a quiet "How are you doing today?"',
          tags: ['Social-Emotional Learning', 'Empathetic'],
          response: seen,
        },
        {
          id: 'models-regulation',
          text: 'The teacher names, models or prompts a self-regulation strategy',
          hint: '"Let\'s take three breaths together"; "I notice I\'m getting frustrated, so I\'m going to pause"; pointing to the calm corner',
          tags: ['Social-Emotional Learning', 'Self-Actualized'],
          response: seen,
        },
        {
          id: 'names-specific-action',
          text: 'The teacher describes a specific student action or effort',
          hint: '"You tried a second strategy when the first one did not work"; "You waited for your partner to finish"',
          tags: ['Social-Emotional Learning', 'Self-Actualized'],
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
          id: 'student-uses-regulation',
          text: 'A student uses a self-regulation strategy or tool',
          hint: 'Takes a break pass, uses the calm corner, breathes, uses a fidget tool, then returns to the work',
          tags: ['Social-Emotional Learning', 'Self-Actualized'],
          response: seen,
        },
        {
          id: 'students-respond-to-peers',
          text: "Students listen and respond to each other's ideas",
          hint: '"I agree with you because..."; "Can you say more?"; paraphrasing a partner; turning toward the speaker',
          tags: ['Social-Emotional Learning', 'Empathetic', 'Collaborative'],
          response: seen,
        },
        {
          id: 'students-solve-problems',
          text: 'Students work out a disagreement or problem with a peer using words',
          hint: 'Use an agreement or sentence frame, take turns, ask a peer for help before asking the teacher',
          tags: ['Social-Emotional Learning', 'Collaborative', 'Empathetic'],
          response: seen,
        },
      ],
    },
  ],
};
