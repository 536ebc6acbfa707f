import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const doc = readFileSync('docs/privacy.md', 'utf8');
const plain = (text: string) => text.replace(/[’‘]/g, "'");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('docs/privacy.md', () => {
  it('names only test files that exist', () => {
    const paths = [...doc.matchAll(/`(test\/[^`]+)`/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(15);
    expect(paths.filter((p) => !existsSync(p))).toEqual([]);
  });

  it('quotes test names and labels that are really in the code', () => {
    const code = plain(
      [...filesUnder('test'), ...filesUnder('src')].map((f) => readFileSync(f, 'utf8')).join('\n'),
    );
    const flowing = plain(doc).replace(/\s*\n\s*/g, ' ');
    const quoted = [...flowing.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    expect(quoted.length).toBeGreaterThan(15);
    // An ellipsis stands for words left out: every part around it must be there.
    const missing = quoted.filter((q) =>
      q
        .split('…')
        .map((part) => part.trim())
        .some((part) => part.length > 0 && !code.includes(part)),
    );
    expect(missing).toEqual([]);
  });

  it('promises nothing as coming: every rule is built and names its test', () => {
    expect(doc.match(/\(coming\)/g)).toBeNull();
  });
});
