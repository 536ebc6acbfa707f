import type { Protocol } from '../protocol';

const text = { kind: 'text' } as const;

/**
 * A non-evaluative lab-classroom visit: the observer takes low-inference notes
 * on the host's focus question, then offers one glow and one wonder. The
 * observer's notes stay the observer's; what the host sees is shared explicitly.
 */
export const peerObservationLabClassroom: Protocol = {
  id: 'peer-observation-lab-classroom',
  version: 1,
  status: 'published',
  name: 'Lab Classroom Peer Observation',
  purpose:
    "A visit to a colleague's lab classroom to see a practice in action. Take low-inference notes on the focus the host asked for: what the teacher and students say and do, in their words where you can. Non-evaluative: notes describe, they do not rate. Offer the host one glow and one wonder, and reflect on what you might try in your own room.",
  kind: 'peer_observation',
  publishedAt: '2026-11-23T00:00:00.000Z',
  updatedAt: '2026-11-23T00:00:00.000Z',
  sections: [
    {
      id: 'focus',
      title: "Host's focus",
      focus: 'general',
      lookFors: [
        {
          id: 'host-focus-question',
          text: "The host's focus question",
          hint: "Copy the question the host asked observers to look for, in the host's words",
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
          id: 'teacher-says',
          text: 'What the teacher says',
          hint: 'Word for word where you can: questions asked, directions given, responses to students',
          tags: [],
          response: text,
        },
        {
          id: 'teacher-does',
          text: 'What the teacher does',
          hint: 'Where the teacher stands or moves, who they work with, materials and tools used, how long each part lasts',
          tags: [],
          response: text,
        },
        {
          id: 'teacher-focus-evidence',
          text: 'Teacher moves connected to the focus question',
          hint: "What you saw or heard the teacher do that relates to the host's question, with the time if you noted it",
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
          id: 'students-say',
          text: 'What students say',
          hint: 'Word for word where you can; who speaks to whom, and how many students speak',
          tags: ['Collaborative'],
          response: text,
        },
        {
          id: 'students-do',
          text: 'What students do',
          hint: 'The task, how they work (alone, in pairs, in groups), the tools they use, what they make or write',
          tags: [],
          response: text,
        },
        {
          id: 'students-focus-evidence',
          text: 'Student actions connected to the focus question',
          hint: "What you saw or heard students do that relates to the host's question",
          tags: [],
          response: text,
        },
        {
          id: 'student-voice',
          text: 'Student voice: "What are you learning and why?"',
          hint: 'Ask one student quietly, at a moment that does not interrupt the work, and write down their exact words',
          tags: ['Self-Actualized', 'Empowered'],
          response: { kind: 'quote' },
        },
      ],
    },
    {
      id: 'wonderings',
      title: 'Wonderings and reflection',
      focus: 'general',
      lookFors: [
        {
          id: 'wonderings',
          text: 'Questions the visit raised for me',
          hint: '"I wonder..." or "I noticed... and I am curious about..."',
          tags: ['Intellectually Curious'],
          response: text,
        },
        {
          id: 'try-in-my-room',
          text: 'Something I might try in my own room',
          hint: 'A move, routine or question from this visit and the class you would try it with',
          tags: ['Self-Actualized'],
          response: text,
        },
      ],
    },
    {
      id: 'glow-and-wonder',
      title: 'One glow and one wonder for the host',
      focus: 'general',
      lookFors: [
        {
          id: 'glow',
          text: 'Glow: one moment I noticed and want to name for the host',
          hint: 'Describe what you saw or heard and what followed: "When you asked..., three students..."',
          tags: ['Empathetic'],
          response: text,
        },
        {
          id: 'wonder',
          text: 'Wonder: one question for the host about the practice',
          hint: 'A genuine question rather than advice: "I wonder how students decided which tool to use..."',
          tags: ['Intellectually Curious'],
          response: text,
        },
      ],
    },
  ],
};
