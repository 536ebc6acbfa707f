import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinProtocols } from '../../src/shared/builtin-protocols';
import { MAX_PROBLEMS, describeProblem } from '../../src/shared/import-problem';
import { blankProtocol } from '../../src/shared/protocol-rules';
import {
  PROTOCOL_FILE_FORMAT,
  ProtocolFile,
  exportProtocolFile,
  parseProtocolFile,
  protocolFileName,
} from '../../src/shared/protocol-file';
import { protocolFileData } from '../support/factories';

const now = new Date('2026-11-23T10:00:00.000Z');

function problemsOf(text: string, fileName = 'shared.json') {
  const result = parseProtocolFile(text, fileName);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

/** A file holding the first builtin protocol with `change` applied to a copy of it. */
function fileWith(change: (protocol: Record<string, unknown>) => void): string {
  const data = protocolFileData();
  change(data.protocol as Record<string, unknown>);
  return JSON.stringify(data);
}

function firstLookFor(protocol: Record<string, unknown>): Record<string, unknown> {
  const sections = protocol.sections as Array<{ lookFors: Array<Record<string, unknown>> }>;
  return sections[0]!.lookFors[0]!;
}

describe('exportProtocolFile', () => {
  it('wraps the protocol with the format, its version and the export time', () => {
    const data: unknown = JSON.parse(exportProtocolFile(builtinProtocols[0]!, now));
    expect(data).toStrictEqual({
      format: PROTOCOL_FILE_FORMAT,
      formatVersion: 1,
      exportedAt: '2026-11-23T10:00:00.000Z',
      protocol: builtinProtocols[0],
    });
  });

  it('leaves out the school that owns the protocol on this server', () => {
    const owned = { ...builtinProtocols[0]!, schoolId: '00000000-0000-4000-8000-0000000000a1' };
    const text = exportProtocolFile(owned, now);
    expect(text).not.toContain('schoolId');
    expect(text).not.toContain(owned.schoolId);
    const read = parseProtocolFile(text, 'lincoln.json');
    expect(read).toStrictEqual({ ok: true, protocol: builtinProtocols[0] });
  });

  it('writes indented JSON a person can read and diff', () => {
    const text = exportProtocolFile(builtinProtocols[0]!, now);
    expect(text).toContain('\n  "format": "lookfor-protocol",\n');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('names the file after the protocol and its version', () => {
    expect(protocolFileName({ id: 'equitable-learning', version: 2 })).toBe(
      'equitable-learning.v2.lookfor.json',
    );
  });

  it('exports a draft with empty fields the editor still holds', () => {
    const draft = blankProtocol('New walkthrough', 'coaching_visit', now, 'abc123');
    draft.sections[0]!.lookFors.push({ id: 'x-1', text: '', tags: [], response: { kind: 'seen' } });
    const result = parseProtocolFile(exportProtocolFile(draft, now), 'draft.json');
    expect(result).toStrictEqual({ ok: true, protocol: draft });
  });
});

describe('parseProtocolFile round trip', () => {
  for (const protocol of builtinProtocols) {
    it(`gives back ${protocol.id} exactly as exported`, () => {
      const result = parseProtocolFile(exportProtocolFile(protocol, now), `${protocol.id}.json`);
      expect(result).toStrictEqual({ ok: true, protocol });
    });
  }

  it('reads a file saved with a byte order mark and Windows line endings', () => {
    const text = `\uFEFF${exportProtocolFile(builtinProtocols[1]!, now).replace(/\n/g, '\r\n')}`;
    expect(parseProtocolFile(text, 'windows.json')).toStrictEqual({
      ok: true,
      protocol: builtinProtocols[1],
    });
  });

  it('drops a school id a hand-written file carries, so an import never claims a school', () => {
    const text = fileWith((p) => (p.schoolId = '00000000-0000-4000-8000-0000000000b2'));
    const read = parseProtocolFile(text, 'claims-a-school.json');
    expect(read.ok && 'schoolId' in read.protocol).toBe(false);
  });

  it('ignores fields it does not know', () => {
    const text = JSON.stringify(protocolFileData({ exportedBy: 'District office' }));
    expect(parseProtocolFile(text, 'extra.json').ok).toBe(true);
  });
});

describe('parseProtocolFile refusals', () => {
  it('refuses an empty file', () => {
    expect(problemsOf('')).toStrictEqual([
      { file: 'shared.json', where: 'file', message: 'The file is empty' },
    ]);
    expect(problemsOf('  \n\t')[0]!.message).toBe('The file is empty');
  });

  it('refuses text that is not JSON and says on which line', () => {
    const problems = problemsOf('{\n  "format": "lookfor-protocol",\n  oops\n}');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe('The file is not valid JSON');
    expect(problems[0]!.where).toBe('line 3');
  });

  it('refuses a CSV handed to the JSON reader', () => {
    expect(problemsOf('section,look-for\nA,B\n')[0]!.message).toBe('The file is not valid JSON');
  });

  it('refuses JSON that is not an object', () => {
    for (const text of ['[]', '"lookfor-protocol"', '42', 'null']) {
      expect(problemsOf(text)[0]!.message, text).toMatch(/not a Lookfor protocol file/);
    }
  });

  it('refuses a file of another format, naming the one it expects', () => {
    const [problem] = problemsOf(JSON.stringify(protocolFileData({ format: 'kobo-form' })));
    expect(problem).toStrictEqual({
      file: 'shared.json',
      where: 'format',
      message:
        'This is not a Lookfor protocol file: "format" is "kobo-form", expected "lookfor-protocol"',
    });
    const [missing] = problemsOf(JSON.stringify({ protocol: {} }));
    expect(missing!.message).toMatch(/"format" is missing/);
  });

  it('refuses an unknown format version and says which versions it understands', () => {
    const [newer] = problemsOf(JSON.stringify(protocolFileData({ formatVersion: 2 })));
    expect(newer).toStrictEqual({
      file: 'shared.json',
      where: 'formatVersion',
      message:
        'The file uses format version 2; this version of Lookfor understands format version 1 (update Lookfor to open it)',
    });
    const [text] = problemsOf(JSON.stringify(protocolFileData({ formatVersion: '1' })));
    expect(text!.message).toBe(
      'The file uses format version "1"; this version of Lookfor understands format version 1',
    );
    const [missing] = problemsOf(JSON.stringify(protocolFileData({ formatVersion: undefined })));
    expect(missing!.message).toMatch(/"formatVersion" is missing/);
  });

  it('reports every wrong type with its JSON path', () => {
    const text = fileWith((p) => {
      p.version = '1';
      p.kind = 'walkthrough';
      const lookFor = firstLookFor(p);
      lookFor.text = 42;
      lookFor.tags = 'Equitable';
      lookFor.response = { kind: 'rating' };
    });
    expect(problemsOf(text)).toStrictEqual([
      {
        file: 'shared.json',
        where: 'protocol.version',
        message: 'Expected a number, found text',
      },
      {
        file: 'shared.json',
        where: 'protocol.kind',
        message:
          'Must be one of "blast_walkthrough", "peer_observation", "coaching_visit", "instructional_rounds"',
      },
      {
        file: 'shared.json',
        where: 'protocol.sections.0.lookFors.0.text',
        message: 'Look-for text must be text',
      },
      {
        file: 'shared.json',
        where: 'protocol.sections.0.lookFors.0.tags',
        message: 'Expected a list, found text',
      },
      {
        file: 'shared.json',
        where: 'protocol.sections.0.lookFors.0.response.kind',
        message: 'Must be one of "seen", "scale", "tally", "choice", "text", "quote"',
      },
    ]);
  });

  it('says which field is missing', () => {
    const problems = problemsOf(fileWith((p) => delete p.name));
    expect(problems).toStrictEqual([
      { file: 'shared.json', where: 'protocol.name', message: 'Name must be text' },
    ]);
    const noDate = problemsOf(JSON.stringify(protocolFileData({ exportedAt: 'yesterday' })));
    expect(noDate[0]).toMatchObject({ where: 'exportedAt', message: 'Must be an ISO date-time' });
  });

  it('refuses <script> and other markup in any text', () => {
    const problems = problemsOf(
      fileWith((p) => {
        firstLookFor(p).text = 'Students <script>alert(1)</script> talk';
        firstLookFor(p).hint = '<img src=x onerror=alert(1)>';
      }),
    );
    expect(problems.map((p) => [p.where, p.message])).toStrictEqual([
      ['protocol.sections.0.lookFors.0.text', 'Look-for text cannot contain HTML tags'],
      ['protocol.sections.0.lookFors.0.hint', 'Hint cannot contain HTML tags'],
    ]);
  });

  it('refuses a 1 MB look-for text with the length limit', () => {
    const problems = problemsOf(fileWith((p) => (firstLookFor(p).text = 'a'.repeat(1024 * 1024))));
    expect(problems).toStrictEqual([
      {
        file: 'shared.json',
        where: 'protocol.sections.0.lookFors.0.text',
        message: 'Look-for text is at most 300 characters',
      },
    ]);
  });

  it('refuses 10,000 look-fors with the protocol limit', () => {
    const lookFors = Array.from({ length: 10_000 }, (_, i) => ({
      id: `l${i}`,
      text: 'x',
      tags: [],
      response: { kind: 'seen' },
    }));
    const problems = problemsOf(
      fileWith((p) => {
        p.sections = [{ id: 's', title: 'All', focus: 'general', lookFors }];
      }),
    );
    expect(problems).toContainEqual({
      file: 'shared.json',
      where: 'protocol.sections.0.lookFors',
      message: 'At most 200 look-fors',
    });
  });

  it('lists only the first problems when there are thousands', () => {
    const lookFors = Array.from({ length: 150 }, (_, i) => ({ id: `l${i}`, text: 1, tags: [] }));
    const problems = problemsOf(
      fileWith((p) => {
        p.sections = [{ id: 's', title: 'All', focus: 'general', lookFors }];
      }),
    );
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems.at(-1)!.message).toBe('…and 250 more problems');
  });

  it('refuses a 3 MB file before reading it, naming the limit', () => {
    const text = fileWith((p) => (p.purpose = 'a'.repeat(3 * 1024 * 1024)));
    expect(problemsOf(text, 'huge.json')).toStrictEqual([
      {
        file: 'huge.json',
        where: 'file',
        message: 'The file is 3.0 MB; protocol files can be at most 2.0 MB',
      },
    ]);
  });

  it('counts the size in bytes, not characters', () => {
    const text = fileWith((p) => (p.purpose = 'é'.repeat(1.5 * 1024 * 1024)));
    expect(problemsOf(text)[0]!.message).toMatch(/^The file is 3\.0 MB/);
  });

  it('holds a published version to the publishing rules', () => {
    const problems = problemsOf(fileWith((p) => (firstLookFor(p).text = '')));
    expect(problems).toStrictEqual([
      {
        file: 'shared.json',
        where: 'protocol.sections.0.lookFors.0.text',
        message: 'Look-for text is required',
      },
    ]);
    const draft = fileWith((p) => {
      p.status = 'draft';
      p.publishedAt = null;
      firstLookFor(p).text = '';
    });
    expect(parseProtocolFile(draft, 'draft.json').ok).toBe(true);
  });

  it('refuses two look-fors with the same id', () => {
    const problems = problemsOf(
      fileWith((p) => {
        const sections = p.sections as Array<{ lookFors: unknown[] }>;
        sections[0]!.lookFors.push({ ...firstLookFor(p), text: 'Reworded' });
      }),
    );
    expect(problems).toContainEqual({
      file: 'shared.json',
      where: 'protocol.sections',
      message: 'Two look-fors share an id',
    });
  });

  it('never throws on hostile JSON', () => {
    const hostile = [
      '['.repeat(100_000),
      `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
      '{"__proto__": {"polluted": true}, "format": "lookfor-protocol", "formatVersion": 1}',
      JSON.stringify(protocolFileData({ protocol: { sections: [[[[[[[]]]]]]] } })),
      JSON.stringify(protocolFileData({ protocol: null })),
    ];
    for (const text of hostile) {
      expect(() => parseProtocolFile(text, 'hostile.json')).not.toThrow();
      expect(parseProtocolFile(text, 'hostile.json').ok).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('describes a problem in one line for a list on screen', () => {
    const [problem] = problemsOf('');
    expect(describeProblem(problem!)).toBe('shared.json, file: The file is empty');
  });

  it('exports only what the ProtocolFile schema accepts', () => {
    for (const protocol of builtinProtocols) {
      const data: unknown = JSON.parse(exportProtocolFile(protocol, now));
      expect(ProtocolFile.safeParse(data).success, protocol.id).toBe(true);
    }
  });
});

describe('docs/protocol-format.md', () => {
  it('shows an example file that Lookfor accepts', () => {
    const docs = readFileSync(new URL('../../docs/protocol-format.md', import.meta.url), 'utf8');
    const example = /```json\n(\{\n {2}"format"[\s\S]*?)```/.exec(docs)?.[1];
    expect(example).toBeDefined();
    expect(parseProtocolFile(example!, 'example.json').ok).toBe(true);
  });
});
