import { describe, expect, it } from 'vitest';
import { visitCalendarFile } from '../../src/shared/visit-calendar';
import { visit, visitNote } from '../support/visit-factories';

const school = 'b1000000-0000-4000-8000-0000000000b1';
const host = '40000000-0000-4000-8000-000000000001';

/** Unfolds RFC 5545 continuation lines (CRLF + space). */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('a visit as a calendar file', () => {
  const booked = {
    ...visit({ schoolId: school, hostId: host, startsAt: '2026-11-30T13:15:00.000Z', minutes: 25 }),
    observerId: '40000000-0000-4000-8000-000000000002',
    observerName: 'Mr Colleague',
  };

  it('starts at the visit’s time, lasts its minutes and names host and room', () => {
    const file = visitCalendarFile(booked);
    const text = unfold(file.text);
    expect(file.name).toBe('visit-2026-11-30-Room-114.ics');
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('DTSTART:20261130T131500Z');
    expect(text).toContain('DURATION:PT25M');
    expect(text).toContain('SUMMARY:Peer visit: Ms Host\\, Room 114');
    expect(text).toContain('LOCATION:Room 114');
    expect(text).toContain(`UID:${booked.id}@lookfor`);
  });

  it('carries the focus question in the description and nothing anyone wrote about the visit', () => {
    const text = unfold(visitCalendarFile(booked).text);
    expect(text).toMatch(
      /DESCRIPTION:Observer: Mr Colleague\\nWhat I'd like you to notice: How do students talk about their strategies with a partner\?/,
    );
    const note = visitNote(booked, { observerId: booked.observerId });
    // The file is made from the visit alone: even a record carrying note fields leaks none.
    const mixed = visitCalendarFile({ ...booked, ...note, id: booked.id } as typeof booked);
    expect(mixed.text).not.toContain('PRIVATE-');
  });

  it('marks a cancelled visit cancelled', () => {
    expect(visitCalendarFile({ ...booked, cancelled: true }).text).toContain('STATUS:CANCELLED');
  });
});
