import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visitEmailHook } from '../../../src/server/email/visit-emails';
import type { Actor } from '../../../src/server/sync/access/actor';
import type { PushReads } from '../../../src/server/sync/access/policy';
import { placeVisit } from '../../../src/server/sync/access/visit-lookup';
import type { Visit } from '../../../src/shared/visits';
import { startAccountsServer } from '../../support/accounts';
import { outboxRows, PUBLIC_URL, startMailWorld, type MailWorld } from '../../support/email';
import { partOf, waitUntil } from '../../support/smtp';
import { testDialects } from '../../support/test-db';
import { put, visit } from '../../support/visit-factories';
import { ids, school, visitSchool, type Cookies } from '../../support/visit-school';

const dialects = await testDialects();
const client = crypto.randomUUID();
const address = (id: string) => `${id}@lookfor.test`;
const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, '');

describe.each(dialects)('the emails a visit or a sharing change sends, on %s', (dialect) => {
  let world: MailWorld;
  let as: Cookies;

  beforeEach(async () => {
    world = await startMailWorld(dialect);
    as = await visitSchool(world.server);
  });
  afterEach(async () => {
    await world.dispose();
  });

  const mailsTo = (id: string) => world.smtp.received.filter((m) => m.to.includes(address(id)));
  const offer = (overrides: Partial<Visit> = {}) =>
    visit({ schoolId: school, hostId: ids.host, hostName: 'Ms Host', ...overrides });
  const booked = (v: Visit, needsCoverage = false): Visit => ({
    ...v,
    observerId: ids.colleague,
    observerName: 'Mr Colleague',
    needsCoverage,
  });
  const write = async (cookie: string, v: Visit, baseRev: number | null = 1) =>
    (await world.server.push(client, [put(client, 'visit', v, { baseRev })], cookie)).results[0]!;
  /** Every queued message has been sent: the worker has nothing left to do. */
  const allSent = () =>
    waitUntil(
      async () => (await outboxRows(world.server)).every((r) => r.sent_at !== null),
      'every queued email is sent',
    );

  it('emails the host once when a colleague books, with the visit as an .ics', async () => {
    const v = offer();
    await write(as.host, v, null);
    const mutation = put(client, 'visit', booked(v), { baseRev: 1 });
    expect((await world.server.push(client, [mutation], as.colleague)).results[0]).toMatchObject({
      status: 'applied',
    });
    await waitUntil(() => mailsTo(ids.host).length === 1, 'the host hears of the booking');
    const [mail] = mailsTo(ids.host);
    expect(mail!.subject).toBe('Mr Colleague booked your peer visit');
    expect(mail!.text).toContain(v.focus);
    expect(mail!.text).toContain(`${PUBLIC_URL}/#/visits/${v.id}`);
    const ics = unfold(partOf(mail!.raw, 'text/calendar'));
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`UID:${v.id}@lookfor`);
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(mail!.raw).toMatch(/filename="?visit-.*\.ics/);

    // The same mutation replayed, and the same booking written again, tell nobody twice.
    await world.server.push(client, [mutation], as.colleague);
    await write(as.colleague, booked(v), 2);
    await allSent();
    await world.worker().runOnce();
    expect(mailsTo(ids.host)).toHaveLength(1);
    expect(await outboxRows(world.server)).toHaveLength(1);
    const [row] = await outboxRows(world.server);
    expect(row).toMatchObject({ kind: 'visit-booked', text_body: null, attachment_text: null });
  });

  it('asks the principal for cover, and nobody else', async () => {
    const v = offer();
    await write(as.host, v, null);
    await write(as.colleague, booked(v, true));
    await waitUntil(() => mailsTo(ids.principal).length === 1, 'the principal hears');
    const [mail] = mailsTo(ids.principal);
    expect(mail!.subject).toMatch(/^Cover requested: Mr Colleague/);
    expect(mail!.text).toContain(`${PUBLIC_URL}/#/visits/coverage`);
    await waitUntil(() => mailsTo(ids.host).length === 1, 'the host hears of the booking');
    await allSent();
    expect(
      world.smtp.received
        .map((m) => m.to)
        .flat()
        .sort(),
    ).toEqual([address(ids.host), address(ids.principal)].sort());
  });

  it('tells the host when the observer cancels, and the observer when the host cancels', async () => {
    const v = offer();
    await write(as.host, v, null);
    await write(as.colleague, booked(v));
    await write(as.colleague, { ...booked(v), observerId: null, observerName: null }, 2);
    await waitUntil(() => mailsTo(ids.host).length === 2, 'the host hears of the cancellation');
    // Two emails sent in one batch may arrive in either order; find the cancellation by its subject.
    const cancelled = mailsTo(ids.host).find((m) => m.subject === 'A peer visit was cancelled');
    if (!cancelled)
      throw new Error(
        `no cancellation among ${mailsTo(ids.host)
          .map((m) => m.subject)
          .join(', ')}`,
      );
    expect(cancelled.text).toContain('Mr Colleague cancelled their booking');
    expect(unfold(partOf(cancelled.raw, 'text/calendar'))).toContain('STATUS:CANCELLED');

    await write(as.colleague, booked(v), 3);
    await write(as.host, { ...v, cancelled: true }, 4);
    await waitUntil(() => mailsTo(ids.colleague).length === 1, 'the observer hears');
    expect(mailsTo(ids.colleague)[0]!.text).toContain('Ms Host cancelled the peer visit');
  });

  it('sends nothing for a refused booking', async () => {
    const v = offer();
    await write(as.host, v, null);
    await write(as.colleague, booked(v));
    const second = { ...v, observerId: ids.second, observerName: 'Ms Second', needsCoverage: true };
    expect(await write(as.second, second)).toMatchObject({ status: 'rejected' });
    await waitUntil(() => mailsTo(ids.host).length === 1, 'the first booking is told');
    await allSent();
    expect(await outboxRows(world.server)).toHaveLength(1);
    expect(mailsTo(ids.principal)).toEqual([]);
  });

  it('queues nothing when the push that staged the email rolls back', async () => {
    const v = offer();
    const run = visitEmailHook(
      { publicUrl: PUBLIC_URL, queued: () => undefined },
      () => new Date(),
    ).begin();
    const actor: Actor = { userId: ids.colleague, districtAdmin: false, memberships: [] };
    // The visit hook reads nothing through the push: no reads are needed.
    const keep = await run.stage({} as PushReads, {
      actor,
      entityId: v.id,
      previous: v,
      data: booked(v),
      deleted: false,
      placement: placeVisit(booked(v)),
      stamp: new Date().toISOString(),
    });
    keep?.();
    await expect(
      world.server.db.db.transaction().execute(async (trx) => {
        await run.flush(trx);
        expect(await trx.selectFrom('email_outbox').select('id').execute()).toHaveLength(1);
        throw new Error('the push failed');
      }),
    ).rejects.toThrow('the push failed');
    expect(await outboxRows(world.server)).toEqual([]);
  });

  it('tells the teachers once when the principal shares results with staff', async () => {
    const sharing = (shareWithStaff: boolean) =>
      world.server.app.request(`/api/dashboard/sharing/${school}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie: as.principal },
        body: JSON.stringify({ shareWithStaff }),
      });
    // On by default: turning it on again tells nobody.
    expect((await sharing(true)).status).toBe(200);
    expect((await sharing(false)).status).toBe(200);
    expect(await outboxRows(world.server)).toEqual([]);
    expect((await sharing(true)).status).toBe(200);
    const teachers = [ids.host, ids.colleague, ids.second];
    await waitUntil(
      () => teachers.every((id) => mailsTo(id).length === 1),
      'every teacher of the school hears',
    );
    await allSent();
    expect(mailsTo(ids.principal)).toEqual([]);
    expect(mailsTo(ids.coach)).toEqual([]);
    expect(mailsTo(ids.outsider)).toEqual([]);
    expect(mailsTo(ids.host)[0]!.text).toContain(`${PUBLIC_URL}/#/results`);
  });
});

describe.each(dialects)('visit email with email off, on %s', (dialect) => {
  it('queues nothing when a colleague books', async () => {
    const server = await startAccountsServer(dialect);
    try {
      const as = await visitSchool(server);
      const v = visit({ schoolId: school, hostId: ids.host });
      await server.push(client, [put(client, 'visit', v, { baseRev: null })], as.host);
      const booking = {
        ...v,
        observerId: ids.colleague,
        observerName: 'Mr C',
        needsCoverage: true,
      };
      const result = await server.push(
        client,
        [put(client, 'visit', booking, { baseRev: 1 })],
        as.colleague,
      );
      expect(result.results[0]).toMatchObject({ status: 'applied' });
      expect(await server.count('email_outbox')).toBe(0);
    } finally {
      await server.db.dispose();
    }
  });
});
