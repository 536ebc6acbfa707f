import * as z from 'zod/mini';
import { issuesToFields } from './errors';
import {
  importErrorMap,
  limitProblems,
  sizeProblem,
  stripBom,
  type ImportProblem,
  type ImportResult,
} from './import-problem';
import { Protocol, ProtocolDraft } from './protocol';
import { isoDateTime } from './time';

export const PROTOCOL_FILE_FORMAT = 'lookfor-protocol';
export const PROTOCOL_FILE_VERSION = 1;
/** Every format version this build reads; a newer app keeps reading the old ones. */
export const understoodFormatVersions: readonly number[] = [PROTOCOL_FILE_VERSION];

/**
 * The portable protocol format: one version of one protocol, draft or published,
 * wrapped with what a reader needs to know before trusting the rest.
 */
export const ProtocolFile = z.object({
  format: z.literal(PROTOCOL_FILE_FORMAT),
  formatVersion: z.literal(PROTOCOL_FILE_VERSION),
  exportedAt: isoDateTime,
  protocol: ProtocolDraft,
});
export type ProtocolFile = z.infer<typeof ProtocolFile>;

/**
 * Which school owned a protocol is this server's business, not the file's: the
 * importing district gives the protocol an owner of its own.
 */
function withoutOwner(protocol: Protocol): Protocol {
  const { schoolId: _owner, ...portable } = protocol;
  return portable;
}

export function exportProtocolFile(protocol: Protocol, now: Date): string {
  const file: ProtocolFile = {
    format: PROTOCOL_FILE_FORMAT,
    formatVersion: PROTOCOL_FILE_VERSION,
    exportedAt: now.toISOString(),
    protocol: withoutOwner(protocol),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The name an exported file is saved under: `equitable-learning.v2.lookfor.json`. */
export const protocolFileName = (protocol: Pick<Protocol, 'id' | 'version'>) =>
  `${protocol.id}.v${protocol.version}.lookfor.json`;

/** Reads a protocol file from any source. Never throws: every refusal is a problem. */
export function parseProtocolFile(text: string, fileName: string): ImportResult<Protocol> {
  const refuse = (where: string, message: string): ImportResult<Protocol> => ({
    ok: false,
    problems: [{ file: fileName, where, message }],
  });
  const tooBig = sizeProblem(text, fileName, 'protocol files');
  if (tooBig) return { ok: false, problems: [tooBig] };

  const body = stripBom(text);
  if (body.trim() === '') return refuse('file', 'The file is empty');

  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return refuse(jsonErrorPlace(error, body), 'The file is not valid JSON');
  }

  const wrongEnvelope = envelopeProblem(data);
  if (wrongEnvelope) return refuse(wrongEnvelope.where, wrongEnvelope.message);

  const parsed = ProtocolFile.safeParse(data, { error: importErrorMap });
  if (!parsed.success) return { ok: false, problems: toProblems(parsed.error, fileName, '') };

  // A published version is only ever finished work: hold it to the publishing rules.
  const protocol = withoutOwner(parsed.data.protocol);
  if (protocol.status !== 'draft') {
    const finished = Protocol.safeParse(protocol, { error: importErrorMap });
    if (!finished.success) {
      return { ok: false, problems: toProblems(finished.error, fileName, 'protocol.') };
    }
  }
  return { ok: true, protocol };
}

function envelopeProblem(data: unknown): { where: string; message: string } | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      where: 'file',
      message: `This is not a Lookfor protocol file: expected an object with "format": "${PROTOCOL_FILE_FORMAT}"`,
    };
  }
  const format = 'format' in data ? data.format : undefined;
  const formatVersion = 'formatVersion' in data ? data.formatVersion : undefined;
  if (format !== PROTOCOL_FILE_FORMAT) {
    return {
      where: 'format',
      message:
        format === undefined
          ? `This is not a Lookfor protocol file: "format" is missing (expected "${PROTOCOL_FILE_FORMAT}")`
          : `This is not a Lookfor protocol file: "format" is ${JSON.stringify(format)}, expected "${PROTOCOL_FILE_FORMAT}"`,
    };
  }
  if (typeof formatVersion !== 'number' || !understoodFormatVersions.includes(formatVersion)) {
    const understood = `this version of Lookfor understands format version ${understoodFormatVersions.join(', ')}`;
    const newer =
      typeof formatVersion === 'number' && formatVersion > Math.max(...understoodFormatVersions);
    return {
      where: 'formatVersion',
      message:
        formatVersion === undefined
          ? `"formatVersion" is missing; ${understood}`
          : `The file uses format version ${JSON.stringify(formatVersion)}; ${understood}${newer ? ' (update Lookfor to open it)' : ''}`,
    };
  }
  return null;
}

function toProblems(error: z.core.$ZodError, file: string, prefix: string): ImportProblem[] {
  const problems = issuesToFields(error).map(({ path, message }) => ({
    file,
    where: path === '(root)' ? 'file' : `${prefix}${path}`,
    message,
  }));
  return limitProblems(problems, file);
}

/** Engines word JSON errors differently; take a line or a position when one is given. */
function jsonErrorPlace(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : '';
  const line = /line (\d+)/i.exec(message);
  if (line) return `line ${line[1]}`;
  const position = /position (\d+)/i.exec(message);
  if (position) {
    const offset = Number(position[1]);
    return `line ${text.slice(0, offset).split('\n').length}`;
  }
  return 'file';
}
