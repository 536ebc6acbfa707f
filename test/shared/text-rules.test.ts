import { describe, expect, it } from 'vitest';
import { PersonName } from '../../src/shared/account-requests';
import { ObservationSetup } from '../../src/shared/observation';
import { unsafeTextProblem } from '../../src/shared/text-rules';

describe('text from outside', () => {
  it('refuses control characters in a one-line field, but keeps line breaks in notes', () => {
    expect(unsafeTextProblem('Room\u0000 114', false)).toBe('control characters');
    expect(unsafeTextProblem('Room\n114', false)).toBe('control characters');
    expect(unsafeTextProblem('First line\nsecond\ttabbed\r\n', true)).toBeNull();
    expect(unsafeTextProblem('bell \u0007', true)).toBe('control characters');
  });

  it('refuses bidirectional overrides that would show a name other than it is stored', () => {
    for (const c of ['\u202e', '\u202a', '\u2066', '\u2069']) {
      expect(unsafeTextProblem(`Ms ${c}nosaJ`, false)).toMatch(/direction/);
    }
  });

  it('refuses half a character and keeps whole ones, emoji and accents included', () => {
    expect(unsafeTextProblem('a\ud83d', false)).toBe('a broken character');
    expect(unsafeTextProblem('\ude00b', false)).toBe('a broken character');
    expect(unsafeTextProblem('José Núñez 😀 مرحبا', false)).toBeNull();
  });

  it('names the field in the message of the schemas that use it', () => {
    const name = PersonName.safeParse('Dana\u202eAdmin');
    expect(name.success).toBe(false);
    expect(name.error?.issues[0]?.message).toBe(
      'Name cannot contain characters that reverse the text’s direction',
    );
    const setup = ObservationSetup.safeParse({
      schoolId: crypto.randomUUID(),
      school: 'Lincoln',
      room: '114\u0000',
      gradeBand: '3-5',
      subject: 'Math',
      observer: 'Coach',
    });
    expect(setup.success).toBe(false);
  });
});
