import type { Protocol } from '../protocol';

const seen = { kind: 'seen' } as const;

/**
 * A quick building-wide sweep for equitable learning: access for every student,
 * more than one way in, voices from across the room and materials that reflect
 * the students in it. Ids are stable: observations refer to them.
 */
export const equitableLearning: Protocol = {
  id: 'equitable-learning',
  version: 1,
  status: 'published',
  name: 'Blast Walkthrough: Equitable Learning',
  purpose:
    'A quick building-wide look at the extent to which equitable learning practices are present: access to the learning for every student, more than one way into a task, voices from all groups, and materials that reflect students. Non-evaluative: no teacher is named, and results are shared back with staff as building-wide patterns.',
  kind: 'blast_walkthrough',
  publishedAt: '2026-11-23T00:00:00.000Z',
  updatedAt: '2026-11-23T00:00:00.000Z',
  sections: [
    {
      id: 'access',
      title: 'Access to the learning',
      focus: 'general',
      lookFors: [
        {
          id: 'multiple-entry-points',
          text: 'The task can be started in more than one way',
          hint: 'Students may begin with a drawing, manipulatives, numbers, words, a worked example or a sentence starter',
          tags: ['Equitable', 'Creative Thinker'],
          response: seen,
        },
        {
          id: 'supports-open-to-all',
          text: 'Supports are within reach of every student without having to ask',
          hint: 'Word banks, anchor charts, visuals, read-aloud or translated text, manipulatives on tables',
          tags: ['Equitable'],
          response: seen,
        },
        {
          id: 'materials-reflect-students',
          text: 'Texts, images or examples include people, places or perspectives from a range of cultures and identities',
          hint: "Authors and characters, names in word problems, images on walls and slides, examples from students' communities",
          tags: ['Culturally Conscious', 'Equitable'],
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
          id: 'every-student-responds',
          text: 'The teacher uses a structure that gives every student a turn to respond',
          hint: 'Turn-and-talk, whiteboards held up, think-pair-share, round-robin, name sticks',
          tags: ['Equitable', 'Collaborative'],
          response: seen,
        },
        {
          id: 'wait-time',
          text: 'The teacher waits at least three seconds after a question before taking an answer',
          hint: 'A silent pause, or "Take a moment to think first"',
          tags: ['Equitable'],
          response: seen,
        },
        {
          id: 'language-supports',
          text: 'Academic words are modelled or supported for students learning the language',
          hint: 'Sentence frames, vocabulary with pictures or gestures, home languages welcomed in talk or writing',
          tags: ['Equitable', 'Culturally Conscious'],
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
          id: 'voices-across-room',
          text: 'Students from across the room speak about the learning, not the same few voices',
          hint: 'Voices come from different tables and groups, including quieter students and multilingual learners',
          tags: ['Equitable', 'Empowered'],
          response: seen,
        },
        {
          id: 'students-connect-lives',
          text: 'Students connect the learning to their own lives, languages or communities',
          hint: 'A student shares an example from home, compares with their own experience or uses a home language',
          tags: ['Culturally Conscious', 'Self-Actualized'],
          response: seen,
        },
        {
          id: 'show-learning-many-ways',
          text: 'Students show what they know in more than one way',
          hint: 'Some write, some draw, some explain aloud, some build or act out a model',
          tags: ['Equitable', 'Creative Thinker'],
          response: seen,
        },
      ],
    },
  ],
};
