import { findBuiltinProtocol } from '../../shared/builtin-protocols';
import { parseStoredProtocol, protocolKey, type Protocol } from '../../shared/protocol';
import { findRecord, type Queryable } from './repository';

/** One version as the server knows it: the starter library, then stored versions. */
export async function findProtocolVersion(
  db: Queryable,
  id: string,
  version: number,
): Promise<Protocol | undefined> {
  const builtin = findBuiltinProtocol(id, version);
  if (builtin) return builtin;
  const stored = await findRecord(db, 'protocol', protocolKey(id, version));
  return stored && !stored.deleted ? parseStoredProtocol(stored.data) : undefined;
}
