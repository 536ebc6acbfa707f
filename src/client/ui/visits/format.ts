import type { ShareablePart, Visit } from '../../../shared/visits';

const when = new Intl.DateTimeFormat('en', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

/** "Mon 30 Nov, 1:15 PM · 30 min" in the device's time zone. */
export const visitWhen = (v: Pick<Visit, 'startsAt' | 'minutes'>) =>
  `${when.format(new Date(v.startsAt))} · ${v.minutes} min`;

export const partLabels: Record<ShareablePart, string> = {
  responses: 'Look-for answers',
  notes: 'Noticings',
  teacherDoing: 'Teacher doing',
  studentsDoing: 'Students doing',
  wonderings: 'Wonderings',
  glow: 'Glow',
  wonder: 'Wonder',
};

/** A local date and time from the offer form, as an ISO instant. */
export function isoFromLocal(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const at = new Date(`${date}T${time}`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}
