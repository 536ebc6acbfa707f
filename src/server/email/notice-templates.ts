import type { Visit } from '../../shared/visits';
import { compose, type EmailContent } from './templates';

/** A visit's time as the server knows it (UTC); the attached .ics shows it in local time. */
const whenOf = (visit: Visit) =>
  `${visit.startsAt.slice(0, 10)} at ${visit.startsAt.slice(11, 16)} UTC, ${visit.minutes} minutes`;

const visitLink = (publicUrl: string, visit: Visit) => ({
  label: 'Open the visit',
  href: `${publicUrl}/#/visits/${visit.id}`,
});

/** To the host: a colleague booked their open-door offer. */
export function visitBookedEmail(visit: Visit, publicUrl: string): EmailContent {
  const observer = visit.observerName ?? 'A colleague';
  return compose(
    `${observer} booked your peer visit`,
    [
      `${observer} booked a visit to ${visit.place} on ${whenOf(visit)}.`,
      `Your focus question: ${visit.focus}`,
      'The calendar file attached adds the visit to your calendar. Notes stay the observer’s; you read only what they choose to share.',
    ],
    visitLink(publicUrl, visit),
  );
}

/** To the host when the observer cancels the booking, or to the observer when the host cancels. */
export function visitCancelledEmail(
  visit: Visit,
  by: { name: string; role: 'observer' | 'host' },
  publicUrl: string,
): EmailContent {
  const what =
    by.role === 'observer'
      ? `${by.name} cancelled their booking of your peer visit in ${visit.place} on ${whenOf(visit)}.`
      : `${by.name} cancelled the peer visit to ${visit.place} on ${whenOf(visit)} that you booked.`;
  return compose(
    'A peer visit was cancelled',
    [what, 'The calendar file attached marks the visit cancelled in your calendar.'],
    visitLink(publicUrl, visit),
  );
}

/** To the school's principals: an observer needs a substitute while they visit. */
export function coverRequestedEmail(visit: Visit, publicUrl: string): EmailContent {
  const observer = visit.observerName ?? 'A teacher';
  return compose(
    `Cover requested: ${observer}, ${visit.startsAt.slice(0, 10)}`,
    [
      `${observer} asked for cover for their class while they visit ${visit.hostName} in ${visit.place} on ${whenOf(visit)}.`,
      'Mark the cover arranged on the coverage list once a substitute is booked.',
    ],
    { label: 'Open the coverage list', href: `${publicUrl}/#/visits/coverage` },
  );
}

/** To a school's teachers: the principal (or a district admin) shared the school's results. */
export function resultsSharedEmail(
  share: { schoolName: string; byName: string },
  publicUrl: string,
): EmailContent {
  return compose(
    `Walkthrough results shared with ${share.schoolName} staff`,
    [
      `${share.byName} shared the walkthrough results of ${share.schoolName} with staff.`,
      'They show the share of classrooms where each look-for was seen, never a single teacher, and hide any figure resting on too few classrooms.',
    ],
    { label: 'See the results', href: `${publicUrl}/#/results` },
  );
}
