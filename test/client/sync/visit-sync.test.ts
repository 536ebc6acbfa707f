import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startVisitNote, updateVisitNote } from '../../../src/client/data/visit-notes';
import {
  acceptVisitRefusal,
  getVisit,
  saveVisit,
  sharedNotesOf,
  updateVisit,
} from '../../../src/client/data/visits';
import { bookVisit, finishNote, markCoverage } from '../../../src/shared/visit-rules';
import { device, type Device } from '../../support/client-device';
import { startTestServer, type TestServer } from '../../support/server-app';
import { visit } from '../../support/visit-factories';
import { ids, school, visitSchool, type Cookies, type Who } from '../../support/visit-school';

const now = new Date('2026-11-23T09:00:00.000Z');

describe('a peer visit between devices (sqlite)', () => {
  let server: TestServer;
  let as: Cookies;
  const devices: Device[] = [];

  /** A tablet signed in as one person of the visit school. */
  const tablet = (who: Who): Device => {
    const d = device(server, as[who]);
    devices.push(d);
    return d;
  };
  const synced = async (d: Device) => expect(await d.sync()).toMatchObject({ ok: true });

  beforeEach(async () => {
    server = await startTestServer('sqlite');
    as = await visitSchool(server);
  });
  afterEach(async () => {
    for (const d of devices.splice(0)) d.close();
    await server.db.dispose();
  });

  it('books on one tablet, arranges cover on another, and every tablet ends with the merged visit', async () => {
    const [host, observer, principal] = [tablet('host'), tablet('colleague'), tablet('principal')];
    const offer = await saveVisit(host.db, visit({ schoolId: school, hostId: ids.host }), now);
    await synced(host);
    await synced(observer);
    await synced(principal);

    const me = { id: ids.colleague, name: 'Mr Colleague' };
    await updateVisit(observer.db, offer.id, (v) => bookVisit(v, me, true, now), now);
    // The host moves the room meanwhile, from the same starting revision.
    await updateVisit(host.db, offer.id, (v) => ({ ...v, place: 'Library' }), now);
    await synced(observer);
    await synced(host);
    // The principal's copy predates the booking: the server merges, no conflict.
    await synced(principal);
    await updateVisit(principal.db, offer.id, (v) => markCoverage(v, true, now), now);
    await synced(principal);

    for (const d of [host, observer, principal]) {
      await synced(d);
      expect((await getVisit(d.db, offer.id))?.visit).toMatchObject({
        place: 'Library',
        observerId: ids.colleague,
        needsCoverage: true,
        coverageArranged: true,
      });
    }
    expect(await server.count('conflicts')).toBe(0);
  });

  it('shows a refused second booking with its reason until accepted, then the first booking', async () => {
    const [host, first, second] = [tablet('host'), tablet('colleague'), tablet('second')];
    const offer = await saveVisit(host.db, visit({ schoolId: school, hostId: ids.host }), now);
    await synced(host);
    await synced(first);
    await synced(second);
    await updateVisit(
      first.db,
      offer.id,
      (v) => bookVisit(v, { id: ids.colleague, name: 'Mr Colleague' }, false, now),
      now,
    );
    await updateVisit(
      second.db,
      offer.id,
      (v) => bookVisit(v, { id: ids.second, name: 'Ms Second' }, false, now),
      now,
    );
    await synced(first);
    await synced(second);
    const refused = await getVisit(second.db, offer.id);
    expect(refused?.rejections).toEqual([
      { path: 'observerId', message: 'Mr Colleague booked this visit first; choose another time' },
    ]);
    await acceptVisitRefusal(second.db, offer.id);
    await synced(second);
    const after = await getVisit(second.db, offer.id);
    expect(after).toMatchObject({ rejections: [], visit: { observerId: ids.colleague } });
  });

  it('brings the host exactly the shared parts once the observer finishes', async () => {
    const [host, observer] = [tablet('host'), tablet('colleague')];
    const offer = await saveVisit(host.db, visit({ schoolId: school, hostId: ids.host }), now);
    await synced(host);
    await synced(observer);
    const me = { id: ids.colleague, name: 'Mr Colleague' };
    await updateVisit(observer.db, offer.id, (v) => bookVisit(v, me, false, now), now);
    const booked = (await getVisit(observer.db, offer.id))!.visit;
    const note = await startVisitNote(observer.db, booked, ids.colleague, now);
    await updateVisitNote(
      observer.db,
      note.id,
      (n) => ({
        ...n,
        notes: 'SECRET noticing',
        glow: 'Shared glow',
        share: { ...n.share, glow: true },
      }),
      now,
    );
    await synced(observer);
    await synced(host);
    expect(await sharedNotesOf(host.db, offer.id)).toEqual([]);
    await updateVisitNote(observer.db, note.id, (n) => finishNote(n, now), now);
    await synced(observer);
    await synced(host);
    const shared = await sharedNotesOf(host.db, offer.id);
    expect(shared).toEqual([expect.objectContaining({ glow: 'Shared glow' })]);
    expect(JSON.stringify(await host.db.records.toArray())).not.toContain('SECRET');
  });
});
