import { describe, expect, it } from 'vitest';
import { shownDateTime } from '../../../src/client/ui/dates';
import { shownDay } from '../../../src/client/ui/dashboard/format';
import { prepareDateFormats } from '../../../src/client/ui/dashboard/prepare-date-formats';

describe('shown dates', () => {
  it('shows a moment as toLocaleString with a medium date and a short time does', () => {
    const iso = '2026-10-05T14:05:00.000Z';
    const expected = new Date(iso).toLocaleString(undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    expect(shownDateTime(iso)).toBe(expected);
    // The formatter is kept; a second moment is formatted afresh, not cached.
    expect(shownDateTime('2027-01-31T09:00:00.000Z')).not.toBe(expected);
  });

  it('shows a calendar date as that same day, whatever the time zone', () => {
    const expected = new Date('2026-10-05T12:00:00Z').toLocaleDateString(undefined, {
      dateStyle: 'medium',
      timeZone: 'UTC',
    });
    expect(shownDay('2026-10-05')).toBe(expected);
    expect(shownDay('2026-10-05')).toMatch(/5/);
    expect(shownDay('2026-12-31')).toMatch(/31/);
  });
});

describe('prepareDateFormats', () => {
  it('makes the formatters later, and the dates shown after are the same', async () => {
    prepareDateFormats();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shownDay('2026-10-05')).toBe(
      new Date('2026-10-05T12:00:00Z').toLocaleDateString(undefined, {
        dateStyle: 'medium',
        timeZone: 'UTC',
      }),
    );
  });
});
