import { Protocol, protocolKey, type ProtocolKind } from '../../shared/protocol';
import { archive, publish } from '../../shared/protocol-rules';
import { keepVersion } from './observations';
import {
  addImportedProtocol,
  createProtocol,
  saveProtocolVersion,
  startNextVersion,
  updateProtocolDraft,
} from './protocols';
import type { Store } from './store';

/**
 * What the protocol editor may do with this device's data. It extends the store
 * from the protocol screens' chunk, so the editing rules never weigh on the first
 * screen; every write is tracked like any other store write.
 */
export function createProtocolEditing(store: Store) {
  const { db, saved, now } = store;
  const done = () => true as const;
  return {
    /** `schoolId` owns the new protocol; null makes it district-wide. */
    createProtocol: (name: string, kind: ProtocolKind, schoolId: string | null) =>
      saved(() => createProtocol(db, name, kind, schoolId, now())),
    startNextVersion: (id: string) => saved(() => startNextVersion(db, id, now())),
    updateDraft: (id: string, version: number, change: (current: Protocol) => Protocol) =>
      saved(() => updateProtocolDraft(db, id, version, change, now()).then(done)),
    /** Publishes a draft; the strict schema must pass first (the editor shows why not). */
    publish: (draft: Protocol) =>
      saved(() => saveProtocolVersion(db, Protocol.parse(publish(draft, now())), now()).then(done)),
    archive: (protocol: Protocol) =>
      saved(() => saveProtocolVersion(db, archive(protocol, now()), now()).then(done)),
    importProtocol: (protocol: Protocol, schoolId: string | null) =>
      saved(() => addImportedProtocol(db, protocol, schoolId, now())),
    keepProtocolVersion: (chosen: Protocol, conflictIds: string[]) =>
      saved(() =>
        keepVersion(
          db,
          'protocol',
          protocolKey(chosen.id, chosen.version),
          chosen,
          conflictIds,
          now(),
        ).then(done),
      ),
  };
}

export type ProtocolEditing = ReturnType<typeof createProtocolEditing>;

const made = new WeakMap<Store, ProtocolEditing>();

/** One set of editing functions per store. */
export function protocolEditingOf(store: Store): ProtocolEditing {
  let editing = made.get(store);
  if (!editing) made.set(store, (editing = createProtocolEditing(store)));
  return editing;
}
