import { describe, expect, it } from 'vitest';
import { issuesToFields } from '../../src/shared/errors';
import { PersonName } from '../../src/shared/account-requests';
import { ObservationSetup } from '../../src/shared/observation';
import {
  hasUniqueIds,
  plainText,
  slug,
  unsafeTextProblem,
  withThousands,
} from '../../src/shared/text-rules';

type Schema = ReturnType<typeof plainText> | ReturnType<typeof slug>;

function messagesOf(schema: Schema, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : issuesToFields(result.error).map((i) => i.message);
}

describe('plainText', () => {
  const title = plainText('Title', 1, 10);
  const note = plainText('Note', 0, 2000);

  it.each([
    '<script>alert(1)</script>',
    '</b>',
    '<B>bold</B>',
    'Hello <b>world</b>',
    '<!-- hidden -->',
    '<?xml version="1.0"?>',
    '<svg/onload=alert(1)>',
    'Line one\n<iframe src="x">',
  ])('refuses markup: %s', (value) => {
    expect(messagesOf(note, value)).toStrictEqual(['Note cannot contain HTML tags']);
  });

  // A "<" followed by a space opens no tag in any HTML parser, so it is text.
  it.each([
    '3 < 5',
    'a<5',
    '5 > 3',
    'a <= b',
    '<3 this class',
    'x <- y',
    '<>',
    'Use < and > signs',
    'x < y',
    '< img src=x>',
    '< / b>',
  ])('allows a less-than sign that opens no tag: %s', (value) => {
    expect(messagesOf(note, value)).toStrictEqual([]);
  });

  it('trims surrounding whitespace', () => {
    expect(title.parse('  Morning \n')).toBe('Morning');
    expect(title.parse('\tTwo  words ')).toBe('Two  words');
  });

  it('counts the limits after trimming', () => {
    expect(messagesOf(title, `   ${'t'.repeat(10)}   `)).toStrictEqual([]);
    expect(messagesOf(title, '   ')).toStrictEqual(['Title is required']);
  });

  it('refuses empty text when at least one character is required', () => {
    expect(messagesOf(title, '')).toStrictEqual(['Title is required']);
    expect(messagesOf(title, 'T')).toStrictEqual([]);
  });

  it('calls text under a larger minimum too short', () => {
    const code = plainText('Code', 3, 10);
    expect(messagesOf(code, 'ab')).toStrictEqual(['Code is too short']);
    expect(messagesOf(code, 'abc')).toStrictEqual([]);
  });

  it('accepts empty text when nothing is required', () => {
    expect(messagesOf(note, '')).toStrictEqual([]);
  });

  it('refuses text over the maximum, writing large limits with a comma', () => {
    expect(messagesOf(title, 't'.repeat(11))).toStrictEqual(['Title is at most 10 characters']);
    expect(messagesOf(note, 'n'.repeat(2000))).toStrictEqual([]);
    expect(messagesOf(note, 'n'.repeat(2001))).toStrictEqual(['Note is at most 2,000 characters']);
  });

  it('refuses what is not text, naming the field', () => {
    for (const value of [42, null, undefined, ['a']]) {
      expect(messagesOf(title, value), String(value)).toStrictEqual(['Title must be text']);
    }
  });
});

describe('slug', () => {
  const id = slug('Section id');

  it('accepts lowercase letters, digits and dashes, starting with a letter or digit', () => {
    for (const value of ['a', 'teacher-doing', '3rd-grade', 'a1-b2-c3', 'ends-']) {
      expect(messagesOf(id, value), value).toStrictEqual([]);
    }
  });

  it('refuses capitals, spaces, underscores, accents and a leading dash', () => {
    for (const value of [
      '',
      'Teacher',
      'teacher doing',
      'teacher_doing',
      'élan',
      '-teacher',
      'a.b',
    ]) {
      expect(messagesOf(id, value), value).toStrictEqual([
        'Section id uses lowercase letters, digits and dashes (at most 64)',
      ]);
    }
  });

  it('holds ids to 64 characters unless told otherwise', () => {
    expect(messagesOf(id, 'a'.repeat(64))).toStrictEqual([]);
    expect(messagesOf(id, 'a'.repeat(65))).toHaveLength(1);
  });

  it('honours a smaller maximum and says what it is', () => {
    const short = slug('Value id', 5);
    expect(messagesOf(short, 'abcde')).toStrictEqual([]);
    expect(messagesOf(short, 'abcdef')).toStrictEqual([
      'Value id uses lowercase letters, digits and dashes (at most 5)',
    ]);
  });

  it('does not trim: surrounding spaces make an id invalid', () => {
    expect(messagesOf(id, ' teacher ')).toHaveLength(1);
  });

  it('refuses what is not text, naming the field', () => {
    expect(messagesOf(id, 7)).toStrictEqual(['Section id must be text']);
  });
});

describe('hasUniqueIds', () => {
  it('is true for no items and for distinct ids', () => {
    expect(hasUniqueIds([])).toBe(true);
    expect(hasUniqueIds([{ id: 'a' }, { id: 'b' }, { id: 'c' }])).toBe(true);
  });

  it('is false as soon as two items share an id', () => {
    expect(hasUniqueIds([{ id: 'a' }, { id: 'b' }, { id: 'a' }])).toBe(false);
  });

  it('compares ids exactly, case included', () => {
    expect(hasUniqueIds([{ id: 'a' }, { id: 'A' }])).toBe(true);
  });
});

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

describe('withThousands', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [20000, '20,000'],
    [1234567, '1,234,567'],
  ])('writes %i as %s, as toLocaleString("en") does', (n, text) => {
    expect(withThousands(n)).toBe(text);
    expect(withThousands(n)).toBe(n.toLocaleString('en'));
  });

  it('names the limit in a too-long message', () => {
    expect(messagesOf(plainText('Notes', 0, 20000), 'x'.repeat(20001))).toEqual([
      'Notes is at most 20,000 characters',
    ]);
  });
});
