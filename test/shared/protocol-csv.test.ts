import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_LOOK_FORS, Protocol, ProtocolDraft } from '../../src/shared/protocol';
import { parseLookForCsv, type LookForCsvOptions } from '../../src/shared/protocol-csv';
import { lookForCsv } from '../support/factories';

const options: LookForCsvOptions = {
  name: 'Math talk walkthrough',
  kind: 'blast_walkthrough',
  now: new Date('2026-11-23T10:00:00.000Z'),
  idSuffix: 'k3x9q2',
};

const header = ['Section', 'Look-for', 'Hint', 'Response type', 'Levels', 'Tags'];

function imported(text: string, overrides: Partial<LookForCsvOptions> = {}) {
  const result = parseLookForCsv(text, 'look-fors.csv', { ...options, ...overrides });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result.protocol;
}

function problemsOf(text: string) {
  const result = parseLookForCsv(text, 'look-fors.csv', options);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems.map((p) => `${p.where}: ${p.message}`);
}

describe('parseLookForCsv', () => {
  it('builds a draft protocol with sections in first-seen order', () => {
    const protocol = imported(
      lookForCsv([
        header,
        ['Teacher doing', 'Learning target is posted', 'On the board', '', '', 'Empowered'],
        ['Students doing', 'Students explain their thinking', '', 'seen/not seen', '', ''],
        ['Teacher doing', 'Teacher waits after questions', '', 'Seen', '', 'Equitable; Empathetic'],
        ['Room', 'How students are grouped', '', 'choice', 'Pairs; Groups | Alone', ''],
      ]),
    );
    expect(protocol).toStrictEqual({
      id: 'math-talk-walkthrough-k3x9q2',
      version: 1,
      status: 'draft',
      name: 'Math talk walkthrough',
      purpose: '',
      kind: 'blast_walkthrough',
      publishedAt: null,
      updatedAt: '2026-11-23T10:00:00.000Z',
      sections: [
        {
          id: 'teacher-doing-1',
          title: 'Teacher doing',
          focus: 'teacher',
          lookFors: [
            {
              id: 'learning-target-is-posted-1',
              text: 'Learning target is posted',
              hint: 'On the board',
              tags: ['Empowered'],
              response: { kind: 'seen' },
            },
            {
              id: 'teacher-waits-after-questions-3',
              text: 'Teacher waits after questions',
              tags: ['Equitable', 'Empathetic'],
              response: { kind: 'seen' },
            },
          ],
        },
        {
          id: 'students-doing-2',
          title: 'Students doing',
          focus: 'students',
          lookFors: [
            {
              id: 'students-explain-their-thinking-2',
              text: 'Students explain their thinking',
              tags: [],
              response: { kind: 'seen' },
            },
          ],
        },
        {
          id: 'room-3',
          title: 'Room',
          focus: 'general',
          lookFors: [
            {
              id: 'how-students-are-grouped-4',
              text: 'How students are grouped',
              tags: [],
              response: {
                kind: 'choice',
                multiple: false,
                options: [
                  { id: 'pairs-1', label: 'Pairs' },
                  { id: 'groups-2', label: 'Groups' },
                  { id: 'alone-3', label: 'Alone' },
                ],
              },
            },
          ],
        },
      ],
    });
    expect(ProtocolDraft.safeParse(protocol).success).toBe(true);
    expect(Protocol.safeParse(protocol).success).toBe(true);
  });

  it('accepts the columns in any order, case and spacing, with optional ones left out', () => {
    const protocol = imported(
      lookForCsv([
        ['LOOKFOR', ' section '],
        ['Students talk to a peer', 'Talk'],
      ]),
    );
    expect(protocol.sections[0]!.title).toBe('Talk');
    expect(protocol.sections[0]!.lookFors[0]!.text).toBe('Students talk to a peer');
  });

  it('reads every response type by its common names', () => {
    const types: Array<[string, string, unknown]> = [
      ['', '', { kind: 'seen' }],
      ['seen', '', { kind: 'seen' }],
      ['Seen / not seen', '', { kind: 'seen' }],
      ['tally', '', { kind: 'tally' }],
      ['Count', '', { kind: 'tally' }],
      ['text', '', { kind: 'text' }],
      ['Short text', '', { kind: 'text' }],
      ['quote', '', { kind: 'quote' }],
      ['Student voice', '', { kind: 'quote' }],
      [
        'scale',
        'Not yet|Sometimes|Often',
        {
          kind: 'scale',
          levels: [
            { id: 'not-yet-1', label: 'Not yet' },
            { id: 'sometimes-2', label: 'Sometimes' },
            { id: 'often-3', label: 'Often' },
          ],
        },
      ],
      [
        'Multiple choice',
        'Pairs;Groups',
        {
          kind: 'choice',
          multiple: true,
          options: [
            { id: 'pairs-1', label: 'Pairs' },
            { id: 'groups-2', label: 'Groups' },
          ],
        },
      ],
    ];
    const protocol = imported(
      lookForCsv([
        header,
        ...types.map(([type, levels], i) => ['Look-fors', `Look-for ${i}`, '', type, levels, '']),
      ]),
    );
    expect(protocol.sections[0]!.lookFors.map((l) => l.response)).toStrictEqual(
      types.map(([, , response]) => response),
    );
  });

  it('keeps look-for ids unique when two texts are the same in different sections', () => {
    const protocol = imported(
      lookForCsv([
        header,
        ['Teacher doing', 'Uses academic vocabulary', '', '', '', ''],
        ['Students doing', 'Uses academic vocabulary', '', '', '', ''],
      ]),
    );
    const ids = protocol.sections.flatMap((s) => s.lookFors.map((l) => l.id));
    expect(new Set(ids).size).toBe(2);
  });

  it('continues the section above when a section cell is blank, as merged cells export', () => {
    const protocol = imported(
      lookForCsv([
        header,
        ['Climate', 'Students greet each other', '', '', '', ''],
        ['', 'Routines run without reminders', '', '', '', ''],
      ]),
    );
    expect(protocol.sections).toHaveLength(1);
    expect(protocol.sections[0]!.lookFors).toHaveLength(2);
  });

  it('reads a file with a byte order mark and CRLF line endings', () => {
    const text = `\uFEFF${lookForCsv(
      [header, ['Climate', 'Students greet each other', '', 'seen', '', 'Empathetic']],
      '\r\n',
    )}`;
    const protocol = imported(text);
    expect(protocol.sections[0]!.title).toBe('Climate');
    expect(protocol.sections[0]!.lookFors[0]!.tags).toStrictEqual(['Empathetic']);
  });

  it('reads quoted fields holding commas, quotes and newlines', () => {
    const text =
      'section,look-for,hint\r\n' +
      '"Talk, and listening","Students say ""I agree, because…""","Listen for:\nbuilding on\r\nquestions"\r\n';
    const protocol = imported(text);
    expect(protocol.sections[0]!.title).toBe('Talk, and listening');
    expect(protocol.sections[0]!.lookFors[0]!.text).toBe('Students say "I agree, because…"');
    expect(protocol.sections[0]!.lookFors[0]!.hint).toBe('Listen for:\nbuilding on\r\nquestions');
  });

  it('skips blank lines but keeps counting rows like a spreadsheet', () => {
    const text = 'section,look-for\n\nA,One\n   \n,,\nA,\n';
    expect(problemsOf(text)).toStrictEqual(['row 6: Look-for text is required']);
  });

  it('reads semicolon- and tab-separated exports', () => {
    const semicolons = imported('section;look-for;levels;response type\nA;One;Low|High;scale\n');
    expect(semicolons.sections[0]!.lookFors[0]!.response.kind).toBe('scale');
    const tabs = imported('section\tlook-for\tlevels\tresponse type\nA\tOne\tLow;High\tscale\n');
    expect(tabs.sections[0]!.lookFors[0]!.response.kind).toBe('scale');
  });
});

describe('parseLookForCsv refusals', () => {
  it('names every missing column in one problem', () => {
    expect(problemsOf('hint,tags\nTalk,Equitable\n')).toStrictEqual([
      'row 1: The header row is missing the columns section and look-for (found: hint, tags)',
    ]);
    expect(problemsOf('Students talk,Seen\n')).toStrictEqual([
      'row 1: The header row is missing the columns section and look-for (found: Students talk, Seen)',
    ]);
  });

  it('refuses unknown and repeated columns rather than dropping their cells', () => {
    expect(problemsOf('section,look-for,respone type,tags,Tags\nA,B,scale,,\n')).toStrictEqual([
      "row 1: unknown column 'respone type' (the columns are section, look-for, hint, response type, levels, tags)",
      "row 1: the column 'tags' appears twice",
    ]);
  });

  it('refuses an unknown response type, naming the ones it knows', () => {
    expect(problemsOf(lookForCsv([header, ['A', 'One', '', 'rating', '', '']]))).toStrictEqual([
      "row 2: unknown response type 'rating' (use seen, scale, tally, choice, multiple choice, text or quote)",
    ]);
  });

  it('refuses a scale or choice without at least two levels', () => {
    const text = lookForCsv([
      header,
      ['A', 'One', '', 'scale', '', ''],
      ['A', 'Two', '', 'scale', 'Only', ''],
      ['A', 'Three', '', 'choice', ' ; ', ''],
    ]);
    expect(problemsOf(text)).toStrictEqual([
      'row 2: a scale needs at least 2 levels in the levels column, separated by ; or |',
      'row 3: a scale needs at least 2 levels in the levels column, separated by ; or |',
      'row 4: a choice needs at least 2 options in the levels column, separated by ; or |',
    ]);
  });

  it('refuses levels on a look-for that has none, and a level listed twice', () => {
    const text = lookForCsv([
      header,
      ['A', 'One', '', 'tally', '1;2', ''],
      ['A', 'Two', '', 'scale', 'Often;often', ''],
    ]);
    expect(problemsOf(text)).toStrictEqual([
      'row 2: levels are only for scale and choice look-fors, not tally',
      "row 3: the level 'often' is listed twice",
    ]);
  });

  it('refuses a duplicate row, naming the row it repeats', () => {
    const text = lookForCsv([
      header,
      ['Climate', 'Students greet each other', '', '', '', ''],
      ['Climate', 'Routines run without reminders', '', '', '', ''],
      ['climate', 'students  greet each other', '', '', '', ''],
    ]);
    expect(problemsOf(text)).toStrictEqual(['row 4: repeats the look-for in row 2']);
  });

  it('reports schema rules per row: required text, lengths, markup, tags', () => {
    const text = lookForCsv([
      header,
      ['A', '', 'A hint', '', '', ''],
      ['A', 'x'.repeat(301), '', '', '', ''],
      ['A', 'Students <script>alert(1)</script>', '<b>bold</b>', '', '', ''],
      ['A', 'Tagged', '', '', '', Array.from({ length: 13 }, (_, i) => `t${i}`).join(';')],
      ['A', 'Scale', '', 'scale', `Low|${'h'.repeat(61)}`, ''],
    ]);
    expect(problemsOf(text)).toStrictEqual([
      'row 2: Look-for text is required',
      'row 3: Look-for text is at most 300 characters',
      'row 4: Look-for text cannot contain HTML tags',
      'row 4: Hint cannot contain HTML tags',
      'row 5: At most 12 tags on a look-for',
      'row 6: Label is at most 60 characters (level 2)',
    ]);
  });

  it('refuses a 1 MB look-for text with the length limit', () => {
    const text = lookForCsv([header, ['A', 'a'.repeat(1024 * 1024), '', '', '', '']]);
    expect(problemsOf(text)).toStrictEqual(['row 2: Look-for text is at most 300 characters']);
  });

  it('reports a section title that is too long at its first row', () => {
    const text = lookForCsv([header, ['s'.repeat(121), 'One', '', '', '', '']]);
    expect(problemsOf(text)).toStrictEqual(['row 2: Section title is at most 120 characters']);
  });

  it('refuses a blank protocol name', () => {
    const result = parseLookForCsv(lookForCsv([header, ['A', 'One', '', '', '', '']]), 'f.csv', {
      ...options,
      name: '  ',
    });
    expect(result).toStrictEqual({
      ok: false,
      problems: [{ file: 'f.csv', where: 'name', message: 'Name is required' }],
    });
  });

  it(`refuses more than ${MAX_LOOK_FORS} look-fors`, () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ['A', `Look-for ${i}`, '', '', '', '']);
    expect(problemsOf(lookForCsv([header, ...rows]))).toStrictEqual([
      'file: The file has 10,000 look-fors; a protocol holds at most 200',
    ]);
  });

  it('refuses a 3 MB file before reading it, naming the limit', () => {
    const text = lookForCsv([header, ['A', 'x'.repeat(3 * 1024 * 1024), '', '', '', '']]);
    expect(problemsOf(text)).toStrictEqual([
      'file: The file is 3.0 MB; look-for spreadsheets can be at most 2.0 MB',
    ]);
  });

  it('refuses an empty file or a header with no rows', () => {
    expect(problemsOf('')).toStrictEqual(['file: The file is empty']);
    expect(problemsOf('\uFEFF\r\n\r\n')).toStrictEqual(['file: The file is empty']);
    expect(problemsOf('section,look-for\r\n')).toStrictEqual([
      'file: The file has a header row but no look-fors',
    ]);
  });

  it('refuses a quoted field that is never closed', () => {
    const problems = problemsOf('section,look-for\nA,"Students talk\nA,Two\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^row 2: .*check the quotes in this row$/);
  });

  it('never throws on hostile input', () => {
    const hostile = [
      '"'.repeat(100_000),
      ','.repeat(100_000),
      `section,look-for\n${' '.repeat(500_000)}x`,
      `${' '.repeat(500_000)}\n`,
      'section,look-for\n__proto__,constructor\n',
      '\u0000\u0001\u0002',
    ];
    for (const text of hostile) {
      expect(() => parseLookForCsv(text, 'hostile.csv', options)).not.toThrow();
    }
  });
});

describe('docs/protocol-format.md', () => {
  it('shows an example spreadsheet that imports with the ids it promises', () => {
    const docs = readFileSync(new URL('../../docs/protocol-format.md', import.meta.url), 'utf8');
    const example = /```csv\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(example).toBeDefined();
    const protocol = imported(example!);
    expect(protocol.sections.map((s) => [s.title, s.focus])).toStrictEqual([
      ['Teacher doing', 'teacher'],
      ['Students doing', 'students'],
      ['Room', 'general'],
    ]);
    const ids = protocol.sections.flatMap((s) => s.lookFors.map((l) => l.id));
    expect(ids).toContain('students-explain-their-thinking-to-a-peer-2');
    expect(JSON.stringify(protocol)).toContain('"id":"recall-1"');
  });
});
