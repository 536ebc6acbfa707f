import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushResult } from '../../../src/shared/sync';
import type { Visit, VisitNote } from '../../../src/shared/visits';
import { startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { noShare, put, visit, visitNote } from '../../support/visit-factories';
import {
  ids,
  latest,
  pullAll,
  school,
  visitSchool,
  type Cookies,
} from '../../support/visit-school';

const dialects = await testDialects();
const client = crypto.randomUUID();

describe.each(dialects)('visit notes and what the host sees, on %s', (dialect) => {
  let server: TestServer;
  let as: Cookies;
  let booked: Visit;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    as = await visitSchool(server);
    const open = visit({ schoolId: school, hostId: ids.host });
    booked = { ...open, observerId: ids.colleague, observerName: 'Mr Colleague' };
    await server.push(client, [put(client, 'visit', open)], as.host);
    await server.push(client, [put(client, 'visit', booked, { baseRev: 1 })], as.colleague);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const writeNote = async (note: VisitNote, cookie = as.colleague, baseRev: number | null = null) =>
    (await server.push(client, [put(client, 'visit-note', note, { baseRev })], cookie))
      .results[0]! as PushResult;
  const sharedFor = async (who: keyof Cookies) =>
    latest(await pullAll(server, as[who]), 'shared-note');

  it('takes notes only from the visit’s observer, under their own id, in the visit’s school', async () => {
    const byHost = await writeNote(visitNote(booked, { observerId: ids.host }), as.host);
    expect(byHost).toMatchObject({ status: 'rejected', errors: [{ path: 'visitId' }] });
    const spoofed = await writeNote(visitNote(booked, { observerId: ids.second }));
    expect(spoofed).toMatchObject({ status: 'rejected', errors: [{ path: 'observerId' }] });
    const moved = await writeNote(
      visitNote(booked, { observerId: ids.colleague, schoolId: crypto.randomUUID() }),
    );
    expect(moved).toMatchObject({ status: 'rejected', errors: [{ path: 'schoolId' }] });
    const own = await writeNote(visitNote(booked, { observerId: ids.colleague }));
    expect(own).toMatchObject({ status: 'applied' });
  });

  it('gives the host nothing while no part is shared, then exactly the shared parts', async () => {
    const note = visitNote(booked, { observerId: ids.colleague });
    await writeNote(note);
    expect((await sharedFor('host')).size).toBe(0);

    await writeNote({ ...note, share: { ...noShare, glow: true, wonderings: true } }, undefined, 1);
    const shared = (await sharedFor('host')).get(note.id)!;
    expect(shared.kind === 'record' && shared.data).toEqual({
      noteId: note.id,
      visitId: booked.id,
      observerId: ids.colleague,
      hostId: ids.host,
      protocolId: note.protocolId,
      protocolVersion: note.protocolVersion,
      glow: note.glow,
      wonderings: note.wonderings,
      sharedAt: expect.any(String),
    });
    const hostSees = JSON.stringify(await pullAll(server, as.host));
    for (const secret of [
      'PRIVATE-NOTICING',
      'PRIVATE-TEACHER',
      'PRIVATE-STUDENTS',
      'PRIVATE-WONDER ',
      'PRIVATE-REFLECTION',
      'PRIVATE-RESPONSE',
    ]) {
      expect(hostSees).not.toContain(secret);
    }
  });

  it('removes a part the observer unshares, and the whole shared note when nothing is left', async () => {
    const note = visitNote(booked, {
      observerId: ids.colleague,
      share: { ...noShare, glow: true, wonder: true },
    });
    await writeNote(note);
    await writeNote({ ...note, share: { ...noShare, wonder: true } }, undefined, 1);
    const one = (await sharedFor('host')).get(note.id)!;
    expect(one.kind === 'record' && one.data).not.toHaveProperty('glow');
    expect(one.kind === 'record' && one.data).toHaveProperty('wonder', note.wonder);
    await writeNote({ ...note, share: noShare }, undefined, 2);
    const gone = (await sharedFor('host')).get(note.id)!;
    expect(gone).toMatchObject({ kind: 'record', deleted: true, data: null });
  });

  it('shares nothing of a note still being taken in the room', async () => {
    const note = visitNote(booked, {
      observerId: ids.colleague,
      status: 'draft',
      endedAt: null,
      share: { ...noShare, notes: true },
    });
    await writeNote(note);
    expect((await sharedFor('host')).size).toBe(0);
  });

  it('never lets a principal, a coach or a district admin pull a note or a shared note', async () => {
    const everything = { ...noShare, notes: true, glow: true, wonder: true, responses: true };
    await writeNote(visitNote(booked, { observerId: ids.colleague, share: everything }));
    for (const who of ['principal', 'coach', 'admin', 'second', 'outsider'] as const) {
      const pulled = await pullAll(server, as[who]);
      expect(
        pulled.filter((c) => c.entity === 'visit-note' || c.entity === 'shared-note'),
        who,
      ).toEqual([]);
      expect(JSON.stringify(pulled), who).not.toContain('PRIVATE-');
    }
    const author = await pullAll(server, as.colleague);
    expect(latest(author, 'visit-note').size).toBe(1);
  });

  it('keeps notes out of every export but the author’s', async () => {
    await writeNote(
      visitNote(booked, { observerId: ids.colleague, share: { ...noShare, glow: true } }),
    );
    const exportOf = async (cookie: string) => {
      const res = await server.app.request('/api/me/export', { headers: { cookie } });
      expect(res.status).toBe(200);
      return res.text();
    };
    for (const who of ['principal', 'admin', 'host', 'coach'] as const) {
      expect(await exportOf(as[who]), who).not.toContain('PRIVATE-');
    }
    const own = await exportOf(as.colleague);
    expect(own).toContain('PRIVATE-REFLECTION');
  });

  it('refuses a write to a guessed note id without revealing the note', async () => {
    const note = visitNote(booked, { observerId: ids.colleague });
    await writeNote(note);
    for (const who of ['principal', 'admin', 'host'] as const) {
      const takeover = { ...note, observerId: ids[who], notes: 'overwritten' };
      for (const baseRev of [null, 1, 7]) {
        const result = await writeNote(takeover, as[who], baseRev);
        expect(result, who).toMatchObject({ status: 'rejected', errors: [{ path: 'id' }] });
        expect(JSON.stringify(result)).not.toContain('PRIVATE-');
      }
      const deletion = await server.push(
        client,
        [{ ...put(client, 'visit-note', note), op: 'delete', data: null, baseRev: 1 }],
        as[who],
      );
      expect(deletion.results[0]).toMatchObject({ status: 'rejected' });
    }
    expect(await server.count('conflicts')).toBe(0);
    const row = await server.db.db
      .selectFrom('records')
      .select('data')
      .where('entity_id', '=', note.id)
      .where('entity', '=', 'visit-note')
      .executeTakeFirstOrThrow();
    expect(row.data).toContain('PRIVATE-NOTICING');
  });

  it('lets no client write a shared note itself', async () => {
    const forged = await server.push(
      client,
      [put(client, 'shared-note', { id: crypto.randomUUID() })],
      as.colleague,
    );
    expect(forged.results[0]).toMatchObject({ status: 'rejected' });
  });
});
