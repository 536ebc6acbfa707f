import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Visit } from '../../../src/shared/visits';
import { startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { put, visit } from '../../support/visit-factories';
import {
  ids,
  latest,
  otherSchool,
  pullAll,
  school,
  visitSchool,
  type Cookies,
} from '../../support/visit-school';

const dialects = await testDialects();
const client = crypto.randomUUID();

describe.each(dialects)('visits on %s', (dialect) => {
  let server: TestServer;
  let as: Cookies;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    as = await visitSchool(server);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const offer = (overrides: Partial<Visit> = {}) =>
    visit({ schoolId: school, hostId: ids.host, ...overrides });
  const write = async (cookie: string, v: Visit, baseRev: number | null = 1) =>
    (await server.push(client, [put(client, 'visit', v, { baseRev })], cookie)).results[0]!;
  const stored = async (id: string) => {
    const row = await server.db.db
      .selectFrom('records')
      .select('data')
      .where('entity', '=', 'visit')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    return JSON.parse(row.data!) as Visit;
  };
  const booking = (v: Visit, who: 'colleague' | 'second', needsCoverage = false): Visit => ({
    ...v,
    observerId: ids[who],
    observerName: who === 'colleague' ? 'Mr Colleague' : 'Ms Second',
    needsCoverage,
  });

  it('lets a teacher post an open offer for their own room, and nobody else’s', async () => {
    expect(await write(as.host, offer(), null)).toMatchObject({ status: 'applied' });
    const forSomeoneElse = await write(as.colleague, offer(), null);
    expect(forSomeoneElse).toMatchObject({ status: 'rejected', errors: [{ path: 'hostId' }] });
    const prebooked = await write(
      as.host,
      offer({ observerId: ids.colleague, observerName: 'Mr Colleague' }),
      null,
    );
    expect(prebooked).toMatchObject({ status: 'rejected', errors: [{ path: 'observerId' }] });
    const covered = await write(as.host, offer({ coverageArranged: true }), null);
    expect(covered).toMatchObject({ status: 'rejected', errors: [{ path: 'coverageArranged' }] });
    const elsewhere = await write(as.outsider, offer({ hostId: ids.outsider }), null);
    expect(elsewhere).toMatchObject({ status: 'rejected', errors: [{ path: 'schoolId' }] });
  });

  it('shows a peer offer to its school (and district admins) but not to another school', async () => {
    const v = offer();
    await write(as.host, v, null);
    for (const who of ['host', 'colleague', 'principal', 'coach', 'admin'] as const) {
      expect(latest(await pullAll(server, as[who]), 'visit').has(v.id), who).toBe(true);
    }
    expect(await pullAll(server, as.outsider)).toEqual([]);
  });

  it('lets a colleague book an open offer from a stale copy without a conflict', async () => {
    const v = offer();
    await write(as.host, v, null);
    await write(as.host, { ...v, place: 'Room 120', minutes: 20 });
    // The colleague booked from revision 1, which still says Room 114 and 30 minutes.
    const result = await write(as.colleague, booking(v, 'colleague', true));
    expect(result).toMatchObject({ status: 'applied', rev: 3 });
    expect(await stored(v.id)).toMatchObject({
      place: 'Room 120',
      minutes: 20,
      observerId: ids.colleague,
      observerName: 'Mr Colleague',
      needsCoverage: true,
      coverageArranged: false,
    });
    expect(await server.count('conflicts')).toBe(0);
  });

  it('keeps as a conflict a booking that rests on a revision the server never gave', async () => {
    const v = offer();
    await write(as.host, v, null);
    const result = await write(as.colleague, booking(v, 'colleague'), 7);
    expect(result).toMatchObject({ status: 'conflict', current: { rev: 1 } });
    expect(await stored(v.id)).toMatchObject({ observerId: null });
    expect(await server.count('conflicts')).toBe(1);
  });

  it('refuses a second booking of a booked visit with a reason, keeping the first', async () => {
    const v = offer();
    await write(as.host, v, null);
    await write(as.colleague, booking(v, 'colleague'));
    const second = await write(as.second, booking(v, 'second'));
    expect(second).toMatchObject({
      status: 'rejected',
      errors: [{ path: 'observerId', message: expect.stringContaining('booked this visit first') }],
    });
    expect(await stored(v.id)).toMatchObject({ observerId: ids.colleague });
  });

  it('lets the observer cancel only their own booking, which clears the coverage flag', async () => {
    const v = offer();
    await write(as.host, v, null);
    await write(as.colleague, booking(v, 'colleague', true));
    await write(as.second, { ...v, observerId: null, observerName: null });
    expect(await stored(v.id)).toMatchObject({ observerId: ids.colleague, needsCoverage: true });
    await write(as.colleague, { ...v, observerId: null, observerName: null });
    expect(await stored(v.id)).toMatchObject({
      observerId: null,
      observerName: null,
      needsCoverage: false,
      coverageArranged: false,
    });
  });

  it('keeps the stored value of every field the writer may not change', async () => {
    const v = offer();
    await write(as.host, v, null);
    await write(as.colleague, { ...booking(v, 'colleague', true), focus: 'Changed', place: 'X' });
    await write(as.principal, {
      ...v,
      focus: 'Rewritten by the principal',
      place: 'The office',
      needsCoverage: false,
      coverageArranged: true,
      cancelled: true,
    });
    await write(as.host, { ...v, coverageArranged: false, observerId: null, needsCoverage: false });
    expect(await stored(v.id)).toMatchObject({
      focus: v.focus,
      place: v.place,
      cancelled: false,
      observerId: ids.colleague,
      needsCoverage: true,
      coverageArranged: true,
      hostId: ids.host,
      schoolId: school,
    });
  });

  it('lets only the principal mark coverage arranged, and only where it was asked for', async () => {
    const v = offer();
    await write(as.host, v, null);
    await write(as.principal, { ...v, coverageArranged: true });
    expect(await stored(v.id)).toMatchObject({ coverageArranged: false });
    await write(as.colleague, booking(v, 'colleague', true));
    await write(as.coach, { ...v, coverageArranged: true });
    await write(as.host, { ...booking(v, 'colleague', true), coverageArranged: true });
    expect(await stored(v.id)).toMatchObject({ coverageArranged: false });
    await write(as.principal, { ...v, coverageArranged: true });
    expect(await stored(v.id)).toMatchObject({ coverageArranged: true, needsCoverage: true });
  });

  it('lets the host reschedule and cancel, and refuses everyone outside the school', async () => {
    const v = offer();
    await write(as.host, v, null);
    await write(as.host, { ...v, startsAt: '2026-12-01T09:00:00.000Z', cancelled: true });
    expect(await stored(v.id)).toMatchObject({
      startsAt: '2026-12-01T09:00:00.000Z',
      cancelled: true,
    });
    const outsider = await write(as.outsider, booking(v, 'colleague'));
    expect(outsider).toMatchObject({ status: 'rejected', errors: [{ path: 'id' }] });
    const admin = await write(as.admin, { ...v, cancelled: false });
    expect(admin).toMatchObject({ status: 'rejected' });
    expect(await stored(v.id)).toMatchObject({ cancelled: true });
  });

  it('sends a coaching invitation only to a coach of the school, read by the two of them', async () => {
    const invitation = offer({
      kind: 'coaching',
      observerId: ids.coach,
      observerName: 'Coach Rivera',
    });
    const toTeacher = await write(
      as.host,
      { ...invitation, id: crypto.randomUUID(), observerId: ids.colleague },
      null,
    );
    expect(toTeacher).toMatchObject({ status: 'rejected', errors: [{ path: 'observerId' }] });
    expect(await write(as.host, invitation, null)).toMatchObject({ status: 'applied' });
    for (const who of ['host', 'coach'] as const) {
      expect(latest(await pullAll(server, as[who]), 'visit').has(invitation.id), who).toBe(true);
    }
    for (const who of ['colleague', 'principal', 'admin', 'outsider'] as const) {
      expect(latest(await pullAll(server, as[who]), 'visit').size, who).toBe(0);
    }
    const guessed = await write(as.principal, { ...invitation, focus: 'x' });
    expect(guessed).toMatchObject({
      status: 'rejected',
      errors: [{ path: 'id', message: 'This visit is not yours to change' }],
    });
    expect(JSON.stringify(guessed)).not.toContain(invitation.focus);
  });

  it('keeps a visit in its school', async () => {
    const v = offer();
    await write(as.host, v, null);
    await write(as.host, { ...v, schoolId: otherSchool, kind: 'coaching', hostId: ids.second });
    expect(await stored(v.id)).toMatchObject({ schoolId: school, kind: 'peer', hostId: ids.host });
  });
  it('lets only the host remove an offer, and nobody take its id afterwards', async () => {
    const v = offer();
    await write(as.host, v, null);
    const remove = (cookie: string, baseRev: number) =>
      server.push(
        client,
        [{ ...put(client, 'visit', v), op: 'delete', data: null, baseRev }],
        cookie,
      );
    expect((await remove(as.colleague, 1)).results[0]).toMatchObject({ status: 'rejected' });
    expect((await remove(as.principal, 1)).results[0]).toMatchObject({ status: 'rejected' });
    expect((await remove(as.host, 1)).results[0]).toMatchObject({ status: 'applied' });
    const takeover = await write(as.colleague, { ...v, hostId: ids.colleague }, 2);
    expect(takeover).toMatchObject({ status: 'rejected', errors: [{ path: 'id' }] });
    const gone = latest(await pullAll(server, as.colleague), 'visit').get(v.id);
    expect(gone).toMatchObject({ deleted: true });
  });
});
