import type { Protocol } from '../protocol';

const text = { kind: 'text' } as const;

/**
 * Instructional rounds: a team visits classrooms with the host school's problem
 * of practice, gathers low-inference evidence of what the teacher and students
 * are doing, then looks for patterns and wonderings across rooms.
 */
export const instructionalRounds: Protocol = {
  id: 'instructional-rounds',
  version: 1,
  status: 'published',
  name: 'Instructional Rounds',
  purpose:
    "A team visits several classrooms to learn about the host school's problem of practice. In each room, gather low-inference evidence of what the teacher and students are saying and doing, the task students are working on and how many students take part in talk. Afterwards, describe patterns across rooms and the wonderings they raise. Non-evaluative: the evidence is about the school's practice, and no teacher is rated.",
  kind: 'instructional_rounds',
  publishedAt: '2026-11-23T00:00:00.000Z',
  updatedAt: '2026-11-23T00:00:00.000Z',
  sections: [
    {
      id: 'problem-of-practice',
      title: 'Problem of practice',
      focus: 'general',
      lookFors: [
        {
          id: 'problem-of-practice',
          text: 'The problem of practice the team is looking at',
          hint: 'Write it as the host school framed it, e.g. "How do students explain their reasoning in writing?"',
          tags: [],
          response: text,
        },
      ],
    },
    {
      id: 'teacher-doing',
      title: 'Teacher doing',
      focus: 'teacher',
      lookFors: [
        {
          id: 'teacher-questions',
          text: 'Questions the teacher asks, word for word',
          hint: 'Write the exact question and who it is asked of: whole class, a group, one student',
          tags: [],
          response: text,
        },
        {
          id: 'teacher-question-count',
          text: 'Number of questions the teacher asks in a 5-minute span',
          hint: 'Start a 5-minute timer and tap once for each question',
          tags: [],
          response: { kind: 'tally' },
        },
        {
          id: 'teacher-moves',
          text: 'What the teacher does while students work',
          hint: 'Circulates, confers with a group, models on the board, gives directions, listens without speaking',
          tags: [],
          response: text,
        },
      ],
    },
    {
      id: 'students-doing',
      title: 'Students doing',
      focus: 'students',
      lookFors: [
        {
          id: 'task',
          text: 'The task students are working on',
          hint: 'What students are asked to do or produce; copy posted directions where you can',
          tags: [],
          response: text,
        },
        {
          id: 'task-level',
          text: 'The thinking the task asks of students',
          hint: 'Recall: remember or repeat. Apply: use a known procedure. Analyse: compare, explain why, find a pattern. Create: design, compose or make something new',
          tags: ['Intellectually Curious', 'Creative Thinker'],
          response: {
            kind: 'scale',
            levels: [
              { id: 'recall', label: 'Recall' },
              { id: 'apply', label: 'Apply' },
              { id: 'analyse', label: 'Analyse' },
              { id: 'create', label: 'Create' },
            ],
          },
        },
        {
          id: 'student-grouping',
          text: 'How students are working during the visit',
          hint: 'Choose every arrangement you see',
          tags: ['Collaborative'],
          response: {
            kind: 'choice',
            multiple: true,
            options: [
              { id: 'whole-class', label: 'Whole class' },
              { id: 'small-groups', label: 'Small groups' },
              { id: 'pairs', label: 'Pairs' },
              { id: 'independent', label: 'Independently' },
            ],
          },
        },
        {
          id: 'students-spoke-count',
          text: 'Number of students who spoke in a 5-minute span',
          hint: 'Start a 5-minute timer; tap once for each student the first time they speak, to the class, the teacher or a peer',
          tags: ['Equitable'],
          response: { kind: 'tally' },
        },
        {
          id: 'students-say',
          text: 'What students say, word for word',
          hint: 'Answers, questions and talk between students; note who is speaking to whom',
          tags: [],
          response: text,
        },
        {
          id: 'student-voice',
          text: 'A student\'s answer to "What are you working on, and why?"',
          hint: 'Ask one student quietly, at a moment that does not interrupt the work, and write their exact words',
          tags: ['Self-Actualized', 'Empowered'],
          response: { kind: 'quote' },
        },
      ],
    },
    {
      id: 'patterns-and-wonderings',
      title: 'Patterns and wonderings',
      focus: 'general',
      lookFors: [
        {
          id: 'patterns',
          text: 'Patterns in the evidence',
          hint: 'Describe what repeats, in this room or across rooms so far: "In 4 of 6 rooms, students..."',
          tags: [],
          response: text,
        },
        {
          id: 'wonderings',
          text: 'Wonderings the evidence raises about the problem of practice',
          hint: '"I wonder..." questions, grounded in what was seen and heard',
          tags: ['Intellectually Curious'],
          response: text,
        },
        {
          id: 'next-level-of-work',
          text: 'Next level of work: what the school might learn about next',
          hint: 'A question or practice the school could study together, connected to the patterns above',
          tags: [],
          response: text,
        },
      ],
    },
  ],
};
