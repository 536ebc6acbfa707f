import { describe, expect, it } from 'vitest';
import { describeSync, timeAgo, type SyncFacts } from '../../src/shared/sync-status';

const now = new Date('2026-11-23T12:00:00.000Z');

function secondsBefore(seconds: number): string {
  return new Date(now.getTime() - seconds * 1000).toISOString();
}

function facts(overrides: Partial<SyncFacts> = {}): SyncFacts {
  return {
    pending: 0,
    rejected: 0,
    conflicts: 0,
    online: true,
    syncing: false,
    lastSuccessAt: null,
    lastError: null,
    unsupported: false,
    ...overrides,
  };
}

describe('timeAgo', () => {
  it('says just now under 45 seconds', () => {
    expect(timeAgo(secondsBefore(0), now)).toBe('just now');
    expect(timeAgo(secondsBefore(44), now)).toBe('just now');
  });

  it('says just now for a time in the future (a device clock ahead)', () => {
    expect(timeAgo(secondsBefore(-600), now)).toBe('just now');
  });

  it('counts minutes from 45 seconds', () => {
    expect(timeAgo(secondsBefore(45), now)).toBe('1 min ago');
    expect(timeAgo(secondsBefore(89), now)).toBe('1 min ago');
    expect(timeAgo(secondsBefore(90), now)).toBe('2 min ago');
    expect(timeAgo(secondsBefore(30 * 60), now)).toBe('30 min ago');
    expect(timeAgo(secondsBefore(59 * 60), now)).toBe('59 min ago');
  });

  it('switches to hours when the minutes round to 60', () => {
    expect(timeAgo(secondsBefore(59 * 60 + 29), now)).toBe('59 min ago');
    expect(timeAgo(secondsBefore(59 * 60 + 30), now)).toBe('1 hour ago');
  });

  it('says hour for one and hours for more', () => {
    expect(timeAgo(secondsBefore(60 * 60), now)).toBe('1 hour ago');
    expect(timeAgo(secondsBefore(2 * 60 * 60), now)).toBe('2 hours ago');
    expect(timeAgo(secondsBefore(23 * 60 * 60), now)).toBe('23 hours ago');
  });

  it('switches to days when the hours round to 24', () => {
    expect(timeAgo(secondsBefore(23 * 3600 + 29 * 60), now)).toBe('23 hours ago');
    expect(timeAgo(secondsBefore(23 * 3600 + 30 * 60), now)).toBe('1 day ago');
  });

  it('says day for one and days for more', () => {
    expect(timeAgo(secondsBefore(24 * 3600), now)).toBe('1 day ago');
    expect(timeAgo(secondsBefore(2 * 24 * 3600), now)).toBe('2 days ago');
    expect(timeAgo(secondsBefore(40 * 24 * 3600), now)).toBe('40 days ago');
  });

  it('reads times with an offset', () => {
    // 12:55 at +01:00 is 11:55 UTC, five minutes before now.
    expect(timeAgo('2026-11-23T12:55:00+01:00', now)).toBe('5 min ago');
  });
});

describe('describeSync', () => {
  it('asks for a fix when one note was rejected', () => {
    expect(describeSync(facts({ rejected: 1 }), now)).toStrictEqual({
      tone: 'attention',
      text: '1 note needs a fix before it can sync',
    });
  });

  it('asks for fixes when several notes were rejected', () => {
    expect(describeSync(facts({ rejected: 3 }), now).text).toBe(
      '3 notes need a fix before they can sync',
    );
  });

  it('puts rejections ahead of everything else', () => {
    const everything = facts({
      rejected: 2,
      conflicts: 4,
      unsupported: true,
      online: false,
      pending: 9,
      syncing: true,
      lastError: 'boom',
    });
    expect(describeSync(everything, now)).toStrictEqual({
      tone: 'attention',
      text: '2 notes need a fix before they can sync',
    });
  });

  it('asks the user to choose when one note has a conflict', () => {
    expect(describeSync(facts({ conflicts: 1 }), now)).toStrictEqual({
      tone: 'attention',
      text: '1 note has two versions to choose from',
    });
  });

  it('counts several conflicts, ahead of unsupported and offline', () => {
    const state = facts({ conflicts: 2, unsupported: true, online: false, pending: 1 });
    expect(describeSync(state, now)).toStrictEqual({
      tone: 'attention',
      text: '2 notes have two versions to choose from',
    });
  });

  it('warns that this browser cannot sync safely', () => {
    expect(describeSync(facts({ unsupported: true }), now)).toStrictEqual({
      tone: 'attention',
      text: 'This browser cannot sync safely',
    });
  });

  it('warns about an unsafe browser with notes still waiting, ahead of offline', () => {
    expect(describeSync(facts({ unsupported: true, pending: 1, online: false }), now)).toEqual({
      tone: 'attention',
      text: '1 note waiting; this browser cannot sync safely',
    });
    expect(describeSync(facts({ unsupported: true, pending: 4 }), now).text).toBe(
      '4 notes waiting; this browser cannot sync safely',
    );
  });

  it('says offline when nothing waits', () => {
    expect(describeSync(facts({ online: false }), now)).toStrictEqual({
      tone: 'offline',
      text: 'Offline',
    });
  });

  it('reassures that waiting notes are safe while offline', () => {
    expect(describeSync(facts({ online: false, pending: 1 }), now)).toStrictEqual({
      tone: 'offline',
      text: 'Offline. 1 note waiting, safe on this device',
    });
    expect(describeSync(facts({ online: false, pending: 5, syncing: true }), now)).toEqual({
      tone: 'offline',
      text: 'Offline. 5 notes waiting, safe on this device',
    });
  });

  it('says offline even after an earlier success', () => {
    const state = facts({ online: false, lastSuccessAt: secondsBefore(10) });
    expect(describeSync(state, now)).toStrictEqual({ tone: 'offline', text: 'Offline' });
  });

  it('shows notes being synced', () => {
    expect(describeSync(facts({ pending: 2, syncing: true, lastError: 'old' }), now)).toEqual({
      tone: 'waiting',
      text: 'Syncing 2 notes',
    });
  });

  it('shows waiting notes and the error it will retry after', () => {
    expect(describeSync(facts({ pending: 1, lastError: 'Server busy' }), now)).toStrictEqual({
      tone: 'waiting',
      text: '1 note waiting; will retry (Server busy)',
    });
  });

  it('shows waiting notes with no error', () => {
    expect(describeSync(facts({ pending: 3, lastSuccessAt: secondsBefore(10) }), now)).toEqual({
      tone: 'waiting',
      text: '3 notes waiting',
    });
  });

  it('says all synced with how long ago', () => {
    expect(describeSync(facts({ lastSuccessAt: secondsBefore(5 * 60) }), now)).toStrictEqual({
      tone: 'ok',
      text: 'All synced, 5 min ago',
    });
    expect(describeSync(facts({ lastSuccessAt: secondsBefore(3) }), now).text).toBe(
      'All synced, just now',
    );
    expect(describeSync(facts({ lastSuccessAt: secondsBefore(2 * 86400) }), now).text).toBe(
      'All synced, 2 days ago',
    );
  });

  it('says all synced even while a check runs or after a later error with nothing waiting', () => {
    const state = facts({ lastSuccessAt: secondsBefore(3600), syncing: true, lastError: 'x' });
    expect(describeSync(state, now)).toStrictEqual({ tone: 'ok', text: 'All synced, 1 hour ago' });
  });

  it('says syncing on the very first sync', () => {
    expect(describeSync(facts({ syncing: true }), now)).toStrictEqual({
      tone: 'waiting',
      text: 'Syncing',
    });
  });

  it('says not synced yet, with the error when there is one', () => {
    expect(describeSync(facts({ lastError: 'Network down' }), now)).toStrictEqual({
      tone: 'waiting',
      text: 'Not synced yet (Network down)',
    });
  });

  it('says not synced yet on a fresh install', () => {
    expect(describeSync(facts(), now)).toStrictEqual({ tone: 'waiting', text: 'Not synced yet' });
  });
});

describe('a session that ended', () => {
  const base = {
    pending: 0,
    rejected: 0,
    conflicts: 0,
    online: true,
    syncing: false,
    lastSuccessAt: null,
    lastError: null,
    unsupported: false,
    needsSignIn: true,
  };
  const now = new Date('2026-11-23T10:00:00Z');

  it('asks to sign in again and says the notes are safe', () => {
    expect(describeSync({ ...base, pending: 3 }, now)).toStrictEqual({
      tone: 'attention',
      text: 'Sign in again to sync; your 3 notes are safe on this device',
    });
    expect(describeSync({ ...base, pending: 1 }, now).text).toBe(
      'Sign in again to sync; your 1 note is safe on this device',
    );
    expect(describeSync(base, now).text).toBe('Sign in again to sync');
  });
});
