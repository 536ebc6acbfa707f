import { builtinProtocols } from '../../shared/builtin-protocols';
import { parseStoredProtocol, type Protocol } from '../../shared/protocol';
import type { Queryable } from '../db/queryable';

/** Every published (or archived) version of a protocol, oldest first. */
export async function publishedVersions(db: Queryable, id: string): Promise<Protocol[]> {
  const rows = await db
    .selectFrom('records')
    .select('data')
    .where('entity', '=', 'protocol')
    .where('deleted', '=', 0)
    .where('entity_id', 'like', `${id}.v%`)
    .execute();
  const stored = rows
    .map((r) => parseStoredProtocol(r.data === null ? null : JSON.parse(r.data)))
    .filter((p): p is Protocol => p !== undefined && p.id === id && p.status !== 'draft');
  const builtin = builtinProtocols.filter((p) => p.id === id);
  const versions = new Map([...builtin, ...stored].map((p) => [p.version, p]));
  return [...versions.values()].sort((a, b) => a.version - b.version);
}
