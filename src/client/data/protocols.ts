import { type FieldIssue } from '../../shared/errors';
import {
  parseStoredProtocol,
  protocolKey,
  ProtocolDraft,
  type Protocol,
  type ProtocolKind,
} from '../../shared/protocol';
import { blankProtocol, draftFrom, nextVersion } from '../../shared/protocol-rules';
import type { LookforDb } from './db';
import type { SyncState } from './observations';
import { writeRecord } from './write-record';

export interface ProtocolVersionView {
  protocol: Protocol;
  builtin: boolean;
  syncState: SyncState;
  rejections: FieldIssue[];
  conflicts: Array<{ id: string; data: Protocol; createdAt: string }>;
}

/** One protocol id with all its versions, newest first. */
export interface ProtocolFamily {
  id: string;
  name: string;
  versions: ProtocolVersionView[];
}

async function storedVersions(db: LookforDb): Promise<ProtocolVersionView[]> {
  const [records, rows, conflicts] = await Promise.all([
    db.records.where('entity').equals('protocol').toArray(),
    db.outbox.filter((r) => r.entity === 'protocol').toArray(),
    db.conflicts.filter((c) => c.entity === 'protocol' && c.resolved === 0).toArray(),
  ]);
  return records.flatMap((record) => {
    const protocol = record.deleted === 0 ? parseStoredProtocol(record.data) : undefined;
    if (!protocol) return [];
    const mine = rows.filter((r) => r.entityId === record.id);
    const siblings = conflicts.filter((c) => c.entityId === record.id);
    const rejected = mine.filter((r) => r.state === 'rejected');
    return [
      {
        protocol,
        builtin: false,
        syncState: rejected.length
          ? 'rejected'
          : siblings.length
            ? 'conflict'
            : mine.length
              ? 'waiting'
              : 'synced',
        rejections: rejected.flatMap((r) => r.errors ?? []),
        conflicts: siblings.flatMap((c) => {
          const data = parseStoredProtocol(c.data);
          return data ? [{ id: c.id, data, createdAt: c.createdAt }] : [];
        }),
      },
    ];
  });
}

const builtinView = (protocol: Protocol): ProtocolVersionView => ({
  protocol,
  builtin: true,
  syncState: 'synced',
  rejections: [],
  conflicts: [],
});

/**
 * The starter library's text is loaded on first use, keeping it off the first
 * screen. Live queries must read Dexie before awaiting it: Dexie stops tracking a
 * query's reads once it awaits a promise that is not Dexie's.
 */
const starterLibrary = () => import('../../shared/builtin-protocols');

/** The library: starter protocols and this school's own, grouped by id. */
export async function listProtocolFamilies(db: LookforDb): Promise<ProtocolFamily[]> {
  const stored = await storedVersions(db);
  const { builtinProtocols } = await starterLibrary();
  const all = [...builtinProtocols.map(builtinView), ...stored];
  const families = new Map<string, ProtocolVersionView[]>();
  for (const view of all) {
    families.set(view.protocol.id, [...(families.get(view.protocol.id) ?? []), view]);
  }
  return [...families.entries()]
    .map(([id, versions]) => {
      versions.sort((a, b) => b.protocol.version - a.protocol.version);
      return { id, name: versions[0]!.protocol.name, versions };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function getProtocolVersion(
  db: LookforDb,
  id: string,
  version: number,
): Promise<ProtocolVersionView | null> {
  const views = await storedVersions(db);
  const builtin = (await starterLibrary()).findBuiltinProtocol(id, version);
  if (builtin) return builtinView(builtin);
  return views.find((v) => v.protocol.id === id && v.protocol.version === version) ?? null;
}

/** Protocols an observer may start with: the newest published version of each. */
export async function usableProtocols(db: LookforDb): Promise<Protocol[]> {
  const families = await listProtocolFamilies(db);
  return families.flatMap((f) => {
    const latest = f.versions.find((v) => v.protocol.status !== 'draft');
    return latest && latest.protocol.status === 'published' ? [latest.protocol] : [];
  });
}

function versionsOf(families: ProtocolFamily[], id: string): number[] {
  return families.find((f) => f.id === id)?.versions.map((v) => v.protocol.version) ?? [];
}

export async function saveProtocolVersion(
  db: LookforDb,
  protocol: Protocol,
  now: Date,
  resolves?: string[],
): Promise<void> {
  const valid = ProtocolDraft.parse(protocol);
  await writeRecord(db, 'protocol', protocolKey(valid.id, valid.version), valid, {
    now,
    ...(resolves ? { resolves } : {}),
  });
}

/** Applies an editor change to the stored draft inside one transaction. */
export async function updateProtocolDraft(
  db: LookforDb,
  id: string,
  version: number,
  change: (current: Protocol) => Protocol,
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.records, db.outbox, async () => {
    const key = protocolKey(id, version);
    const record = await db.records.get(['protocol', key]);
    const current = record ? parseStoredProtocol(record.data) : undefined;
    if (!current || current.status !== 'draft') {
      throw new Error('Only a draft version can be edited');
    }
    const next = ProtocolDraft.parse({ ...change(current), updatedAt: now.toISOString() });
    await writeRecord(db, 'protocol', key, next, { now, existing: record });
  });
}

/** Starts the next version of a protocol as a draft, copied from its newest version. */
export async function startNextVersion(db: LookforDb, id: string, now: Date): Promise<Protocol> {
  const families = await listProtocolFamilies(db);
  const family = families.find((f) => f.id === id);
  if (!family) throw new Error(`No protocol ${id} on this device`);
  const openDraft = family.versions.find((v) => v.protocol.status === 'draft');
  if (openDraft) return openDraft.protocol;
  const draft = draftFrom(family.versions[0]!.protocol, nextVersion(versionsOf(families, id)), now);
  await saveProtocolVersion(db, draft, now);
  return draft;
}

export async function createProtocol(
  db: LookforDb,
  name: string,
  kind: ProtocolKind,
  schoolId: string | null,
  now: Date,
): Promise<Protocol> {
  const blank = blankProtocol(name, kind, now, crypto.randomUUID().slice(0, 6));
  const protocol: Protocol = { ...blank, schoolId };
  await saveProtocolVersion(db, protocol, now);
  return protocol;
}

/**
 * Adds an imported protocol as a draft of the importer's school (`schoolId`, or null
 * for district-wide): same id and look-for ids (so trends line up across schools),
 * at the next version free on this device.
 */
export async function addImportedProtocol(
  db: LookforDb,
  imported: Protocol,
  schoolId: string | null,
  now: Date,
): Promise<Protocol> {
  const families = await listProtocolFamilies(db);
  const version = nextVersion(versionsOf(families, imported.id));
  const draft: Protocol = { ...draftFrom(imported, version, now), schoolId };
  await saveProtocolVersion(db, draft, now);
  return draft;
}
