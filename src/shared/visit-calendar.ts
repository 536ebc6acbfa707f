import { createEvent } from 'ics';
import type { Visit } from './visits';

export interface CalendarFile {
  name: string;
  text: string;
}

/**
 * One visit as an iCalendar file, made on the device (works offline). It holds the
 * logistics and the host's focus question, never anything an observer wrote.
 */
export function visitCalendarFile(visit: Visit): CalendarFile {
  const start = Date.parse(visit.startsAt);
  const observer = visit.observerName ? `Observer: ${visit.observerName}\n` : '';
  const kind = visit.kind === 'peer' ? 'Peer visit' : 'Coaching visit';
  const { error, value } = createEvent({
    uid: `${visit.id}@lookfor`,
    productId: 'lookfor/visits',
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: visit.minutes },
    title: `${kind}: ${visit.hostName}, ${visit.place}`,
    description: `${observer}What I'd like you to notice: ${visit.focus}`,
    location: visit.place,
    status: visit.cancelled ? 'CANCELLED' : 'CONFIRMED',
  });
  if (error || !value) throw error ?? new Error('The calendar file could not be made');
  const day = visit.startsAt.slice(0, 10);
  return { name: `visit-${day}-${visit.place.replace(/[^A-Za-z0-9]+/g, '-')}.ics`, text: value };
}
