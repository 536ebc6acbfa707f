import { peerObservationLabClassroom } from '../../src/shared/builtin-protocols';
import type { Reflection, ShareChoices, Visit, VisitNote } from '../../src/shared/visits';
import type { SeededDistrict, SeededPerson } from './accounts';
import { seededUuid, type Random } from './random';
import { answersFor } from './responses';
import type { Change, DemoWriter } from './writer';

const share = (parts: Partial<ShareChoices>): ShareChoices => ({
  responses: false,
  notes: false,
  teacherDoing: false,
  studentsDoing: false,
  wonderings: false,
  glow: false,
  wonder: false,
  ...parts,
});

interface Story {
  kind: Visit['kind'];
  host: SeededPerson;
  observer: SeededPerson | null;
  startsAt: string;
  place: string;
  focus: string;
  needsCoverage: boolean;
  note?: Pick<
    VisitNote,
    'notes' | 'teacherDoing' | 'studentsDoing' | 'wonderings' | 'glow' | 'wonder' | 'reflection'
  > & {
    share: ShareChoices;
  };
  hostReflection?: string;
}

async function tell(writer: DemoWriter, random: Random, schoolId: string, story: Story) {
  const protocol = peerObservationLabClassroom;
  const at = new Date(story.startsAt);
  const offered = new Date(at.getTime() - 7 * 86_400_000);
  const visit: Visit = {
    id: seededUuid(random),
    schoolId,
    kind: story.kind,
    hostId: story.host.id,
    hostName: story.host.name,
    startsAt: story.startsAt,
    minutes: 30,
    place: story.place,
    focus: story.focus,
    protocolId: protocol.id,
    protocolVersion: protocol.version,
    // A coaching invitation names its coach at once; a peer offer waits for a booking.
    observerId: story.kind === 'coaching' ? story.observer!.id : null,
    observerName: story.kind === 'coaching' ? story.observer!.name : null,
    needsCoverage: false,
    coverageArranged: false,
    cancelled: false,
    updatedAt: offered.toISOString(),
  };
  const put = (data: Visit): Change => ({ entity: 'visit', entityId: data.id, data });
  await writer.write(story.host, [put(visit)], offered);
  if (!story.observer) return;
  if (story.kind === 'peer') {
    const booked = new Date(offered.getTime() + 86_400_000);
    await writer.write(
      story.observer,
      [
        put({
          ...visit,
          observerId: story.observer.id,
          observerName: story.observer.name,
          needsCoverage: story.needsCoverage,
          updatedAt: booked.toISOString(),
        }),
      ],
      booked,
    );
  }
  if (!story.note) return;
  const ended = new Date(at.getTime() + 30 * 60_000);
  const note: VisitNote = {
    id: seededUuid(random),
    visitId: visit.id,
    schoolId,
    observerId: story.observer.id,
    protocolId: protocol.id,
    protocolVersion: protocol.version,
    responses: answersFor(protocol, 0, random),
    ...story.note,
    status: 'complete',
    startedAt: at.toISOString(),
    endedAt: ended.toISOString(),
  };
  await writer.write(
    story.observer,
    [{ entity: 'visit-note', entityId: note.id, data: note }],
    ended,
  );
  if (!story.hostReflection) return;
  const reflected = new Date(ended.getTime() + 86_400_000);
  const reflection: Reflection = {
    id: seededUuid(random),
    visitId: visit.id,
    authorId: story.host.id,
    text: story.hostReflection,
    updatedAt: reflected.toISOString(),
  };
  await writer.write(
    story.host,
    [{ entity: 'reflection', entityId: reflection.id, data: reflection }],
    reflected,
  );
}

/** Peer visits (an open offer, two booked and noted) and one coaching visit, at Lincoln. */
export async function seedVisits(
  writer: DemoWriter,
  random: Random,
  district: SeededDistrict,
): Promise<number> {
  const p = district.people;
  const stories: Story[] = [
    {
      kind: 'peer',
      host: p['teacher3.lincoln']!,
      observer: p['teacher4.lincoln']!,
      startsAt: '2026-11-10T14:00:00.000Z',
      place: 'Room 205',
      focus: 'How do my students use the word wall during partner talk?',
      needsCoverage: true,
      note: {
        notes: 'Word wall by the carpet; 4 of 6 pairs pointed to it while talking.',
        teacherDoing: 'Modelled one sentence using "because" and a word from the wall.',
        studentsDoing: 'Pairs took turns; one partner held a talking card.',
        wonderings: 'What happens for pairs who sit far from the wall?',
        glow: 'The talking cards made turn-taking visible.',
        wonder: 'Could pairs add their own words to the wall?',
        reflection: 'Try talking cards with my 3rd graders next week.',
        share: share({ studentsDoing: true, wonderings: true, glow: true, wonder: true }),
      },
      hostReflection: 'I will move the wall closer to the back tables and try student-added words.',
    },
    {
      kind: 'peer',
      host: p['teacher5.lincoln']!,
      observer: p['teacher6.lincoln']!,
      startsAt: '2026-11-12T15:30:00.000Z',
      place: 'Room 118',
      focus: 'Which students join the math talk, and when?',
      needsCoverage: false,
      note: {
        notes: 'Number talk, 12 minutes; 9 different students shared a strategy.',
        teacherDoing: 'Recorded each strategy on the board with the student’s words.',
        studentsDoing: 'Thumbs on chest to show more than one strategy.',
        wonderings: 'Do the quieter students share more in pairs first?',
        glow: 'Every strategy was written down, even the ones that did not work.',
        wonder: 'What if students turned and talked before sharing?',
        reflection: '',
        share: share({ wonderings: true }),
      },
    },
    {
      kind: 'peer',
      host: p['teacher2.lincoln']!,
      observer: null,
      startsAt: '2026-12-02T14:00:00.000Z',
      place: 'Room 112',
      focus: 'Literacy centers: do students know what to do next without asking me?',
      needsCoverage: false,
    },
    {
      kind: 'coaching',
      host: p['teacher7.lincoln']!,
      observer: p['coach.lincoln']!,
      startsAt: '2026-11-13T13:00:00.000Z',
      place: 'Room 214',
      focus: 'I want feedback on how I check for understanding during science labs.',
      needsCoverage: false,
      note: {
        notes: 'Lab on circuits; mini whiteboards used twice for a quick check.',
        teacherDoing: 'Asked each group to predict before testing; circulated to 5 of 6 groups.',
        studentsDoing: 'Groups wrote predictions, tested, and compared with another group.',
        wonderings: 'How might the sixth group be checked without a visit?',
        glow: 'Predictions on whiteboards showed every group’s thinking at once.',
        wonder: 'Could groups check each other’s predictions?',
        reflection: '',
        share: share({ responses: true, notes: true, glow: true, wonder: true }),
      },
      hostReflection: 'Next lab I will have groups swap whiteboards before testing.',
    },
  ];
  for (const story of stories) await tell(writer, random, district.schools.lincoln.id, story);
  return stories.length;
}
