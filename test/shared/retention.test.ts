import { describe, expect, it } from 'vitest';
import {
  defaultRetention,
  isDue,
  RetentionSettings,
  retentionCutoffs,
} from '../../src/shared/retention';

const DAY = 86_400_000;
const now = new Date('2027-06-15T12:00:00.000Z');
const daysBefore = (n: number) => new Date(now.getTime() - n * DAY).toISOString();

describe('what retention deletes', () => {
  it('keeps data written a day inside its window and deletes data a day outside it', () => {
    const cutoffs = retentionCutoffs(defaultRetention, now);
    expect(isDue(cutoffs, 'observations', daysBefore(1_094))).toBe(false);
    expect(isDue(cutoffs, 'observations', daysBefore(1_096))).toBe(true);
    expect(isDue(cutoffs, 'peerNotes', daysBefore(364))).toBe(false);
    expect(isDue(cutoffs, 'peerNotes', daysBefore(366))).toBe(true);
    expect(isDue(cutoffs, 'photos', daysBefore(364))).toBe(false);
    expect(isDue(cutoffs, 'photos', daysBefore(366))).toBe(true);
    expect(isDue(cutoffs, 'audit', daysBefore(1_094))).toBe(false);
    expect(isDue(cutoffs, 'audit', daysBefore(1_096))).toBe(true);
  });

  it('keeps data written exactly at the edge of its window, and deletes it a millisecond older', () => {
    const cutoffs = retentionCutoffs({ ...defaultRetention, peerNoteDays: 100 }, now);
    const edge = daysBefore(100);
    expect(isDue(cutoffs, 'peerNotes', edge)).toBe(false);
    expect(isDue(cutoffs, 'peerNotes', new Date(Date.parse(edge) - 1).toISOString())).toBe(true);
  });

  it('documents its defaults: three years of observations and audit, one of peer notes and photos', () => {
    expect(defaultRetention).toEqual({
      observationDays: 1_095,
      peerNoteDays: 365,
      photoDays: 365,
      auditDays: 1_095,
    });
    expect(RetentionSettings.safeParse(defaultRetention).success).toBe(true);
  });

  it('refuses windows under 30 days, over 10 years or not whole days, naming each field', () => {
    const parsed = RetentionSettings.safeParse({
      observationDays: 29,
      peerNoteDays: 3_651,
      photoDays: 1.5,
      auditDays: '90',
    });
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['observationDays', 'Observations are kept at least 30 days'],
      ['peerNoteDays', 'Peer notes are kept at most 3650 days (10 years)'],
      ['photoDays', 'Photos: give a whole number of days'],
      ['auditDays', 'Audit entries: give a whole number of days'],
    ]);
  });
});
