import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinProtocols } from '../../src/shared/builtin-protocols';
import { ProtocolFile, exportProtocolFile } from '../../src/shared/protocol-file';
import {
  PROTOCOL_SCHEMA_PATH,
  protocolFileJsonSchema,
} from '../../src/shared/protocol-json-schema';

const committedPath = new URL(`../../public${PROTOCOL_SCHEMA_PATH}`, import.meta.url);

describe('the protocol file JSON Schema', () => {
  it('matches the committed file (run `npm run schema` after changing the zod schema)', () => {
    const committed: unknown = JSON.parse(readFileSync(committedPath, 'utf8'));
    const generated: unknown = JSON.parse(JSON.stringify(protocolFileJsonSchema()));
    expect(committed).toStrictEqual(generated);
  });

  it('names itself, its location and its dialect', () => {
    const schema = protocolFileJsonSchema();
    expect(schema.$id).toBe('/schemas/protocol-file.v1.schema.json');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toMatch(/Lookfor protocol file/);
    expect(schema.description).toMatch(/HTML tags/);
  });

  it('requires the envelope and fixes the format and its version', () => {
    const schema = protocolFileJsonSchema();
    expect(schema.required).toStrictEqual(['format', 'formatVersion', 'exportedAt', 'protocol']);
    expect(schema.properties).toMatchObject({
      format: { const: 'lookfor-protocol' },
      formatVersion: { const: 1 },
      exportedAt: { format: 'date-time' },
    });
  });

  it('describes every response type', () => {
    const text = JSON.stringify(protocolFileJsonSchema());
    for (const kind of ['seen', 'scale', 'tally', 'choice', 'text', 'quote']) {
      expect(text).toContain(`"const":"${kind}"`);
    }
  });

  for (const protocol of builtinProtocols) {
    it(`accepts the exported file of ${protocol.id}`, () => {
      const exported: unknown = JSON.parse(exportProtocolFile(protocol, new Date()));
      expect(ProtocolFile.safeParse(exported).success).toBe(true);
    });
  }
});
