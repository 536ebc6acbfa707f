import * as z from 'zod/mini';
import { MAX_LOOK_FORS } from './protocol';
import { PROTOCOL_FILE_FORMAT, PROTOCOL_FILE_VERSION, ProtocolFile } from './protocol-file';

/** Where the app serves the schema; also its `$id`, resolved against the serving host. */
export const PROTOCOL_SCHEMA_PATH = `/schemas/protocol-file.v${PROTOCOL_FILE_VERSION}.schema.json`;

const envelopeDescriptions: Record<string, string> = {
  format: `Always "${PROTOCOL_FILE_FORMAT}".`,
  formatVersion: `The version of this file format (not of the protocol): ${PROTOCOL_FILE_VERSION}.`,
  exportedAt: 'When the file was written, as an ISO 8601 date-time with an offset.',
  protocol: 'One version of one protocol, draft or published.',
};

/**
 * The JSON Schema of the portable protocol file, generated from the zod schema so the
 * two cannot disagree. Rules JSON Schema cannot state are listed in the description.
 */
export function protocolFileJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ProtocolFile, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  const { $schema, properties, ...rest } = generated;
  const described = Object.fromEntries(
    Object.entries(properties ?? {}).map(([key, value]) => [
      key,
      typeof value === 'object' && envelopeDescriptions[key]
        ? { description: envelopeDescriptions[key], ...value }
        : value,
    ]),
  );
  return {
    $schema,
    $id: PROTOCOL_SCHEMA_PATH,
    title: `Lookfor protocol file, format version ${PROTOCOL_FILE_VERSION}`,
    description: [
      'A look-for protocol exported from Lookfor, to share between schools, districts and tools.',
      'Lookfor also checks what this schema cannot express:',
      'ids are unique (sections within a protocol, look-fors within a protocol, levels and options within a look-for);',
      'no text contains HTML tags;',
      'text is trimmed before its length is checked;',
      'a published or archived version has a publishedAt date, a name, section titles,',
      'look-for texts, level and option labels, and at least 2 levels or options for each scale or choice;',
      `a protocol holds at most ${MAX_LOOK_FORS} look-fors in all.`,
      'See docs/protocol-format.md.',
    ].join(' '),
    ...rest,
    properties: described,
  };
}
