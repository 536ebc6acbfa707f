import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimDue, queueEmail } from '../../../src/server/email/outbox';
import { backoff } from '../../../src/server/email/worker';
import {
  createSchool,
  person,
  setUpDistrictAdmin,
  startAccountsServer,
  type SignedIn,
} from '../../support/accounts';
import { outboxRows, PUBLIC_URL, startMailWorld, type MailWorld } from '../../support/email';
import { linkIn, waitUntil } from '../../support/smtp';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe('the retry delay', () => {
  it('doubles after each failure from the base, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => backoff(n, 30_000, 3_600_000))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 3_600_000,
    ]);
  });
});

describe.each(dialects)('email through the outbox, on %s', (dialect) => {
  let world: MailWorld;
  let admin: SignedIn;
  let schoolId: string;

  beforeEach(async () => {
    world = await startMailWorld(dialect);
    admin = await setUpDistrictAdmin(world.server);
    schoolId = await createSchool(admin.client, 'Lincoln Elementary');
  });
  afterEach(async () => {
    await world.dispose();
  });

  const inviteBy = async (email: string) => {
    const res = await admin.client.post('/api/admin/invites', { schoolId, role: 'teacher', email });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as { link: string; emailQueued: boolean };
  };
  const mailsTo = (email: string) => world.smtp.received.filter((m) => m.to.includes(email));

  it('delivers an invite once, with the link the admin screen shows', async () => {
    const { email } = person();
    const invite = await inviteBy(email);
    expect(invite.emailQueued).toBe(true);
    await waitUntil(() => mailsTo(email).length === 1, 'the invite arrives');
    const [mail] = mailsTo(email);
    expect(mail!.subject).toBe('You are invited to Lookfor');
    expect(mail!.text).toContain('Lincoln Elementary');
    expect(linkIn(mail!, `${PUBLIC_URL}/#/invite/`)).toBe(`${PUBLIC_URL}${invite.link}`);
    expect(mail!.raw).toMatch(/Content-Type: text\/html/i);
    await waitUntil(
      async () => (await outboxRows(world.server))[0]?.sent_at != null,
      'marked sent',
    );
    await world.worker().runOnce();
    const [row] = await outboxRows(world.server);
    expect(row).toMatchObject({ attempts: 1, last_error: null, text_body: null, html_body: null });
    expect(mailsTo(email)).toHaveLength(1);
  });

  it('retries after a refused connection and delivers once when the mail server is back', async () => {
    await world.smtp.stop();
    const { email } = person();
    await inviteBy(email);
    await waitUntil(
      async () => (await outboxRows(world.server))[0]?.last_error != null,
      'a refused attempt is recorded',
    );
    const [failed] = await outboxRows(world.server);
    expect(failed!.sent_at).toBeNull();
    expect(failed!.last_error).toMatch(/ECONNREFUSED|connect/i);
    await world.smtp.start();
    await waitUntil(() => mailsTo(email).length === 1, 'the invite arrives after the retry');
    await waitUntil(
      async () => (await outboxRows(world.server))[0]?.sent_at != null,
      'marked sent',
    );
    await world.worker().runOnce();
    const [row] = await outboxRows(world.server);
    expect(Number(row!.attempts)).toBeGreaterThanOrEqual(2);
    expect(mailsTo(email)).toHaveLength(1);
  });

  it('gives a message up after the last attempt and keeps the last error', async () => {
    await world.stopWorker();
    await world.smtp.stop();
    world.startWorker({ maxAttempts: 2 });
    await inviteBy(person().email);
    await waitUntil(
      async () => (await outboxRows(world.server))[0]?.failed_at != null,
      'the message is given up',
    );
    const [row] = await outboxRows(world.server);
    expect(row).toMatchObject({ attempts: 2, sent_at: null });
    // Kept so a district admin can send it again from the outbox screen.
    expect(row!.text_body).toContain('Create your account');
    expect(row!.last_error).toMatch(/ECONNREFUSED|connect/i);
  });

  it('sends nothing for a rolled-back action', async () => {
    const rolledBack = person().email;
    await expect(
      world.server.db.db.transaction().execute(async (trx) => {
        await queueEmail(
          trx,
          { kind: 'invite', to: rolledBack, subject: 'Never', text: 'never', html: '<p>never</p>' },
          new Date(),
        );
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    // A later message arriving shows the worker ran past the point the first would have.
    const later = person().email;
    await inviteBy(later);
    await waitUntil(() => mailsTo(later).length === 1, 'the later invite arrives');
    expect(mailsTo(rolledBack)).toEqual([]);
    expect(await outboxRows(world.server)).toHaveLength(1);
  });

  it('queues nothing for an invite without an email address', async () => {
    const res = await admin.client.post('/api/admin/invites', { schoolId, role: 'teacher' });
    expect(((await res.json()) as { emailQueued: boolean }).emailQueued).toBe(false);
    expect(await outboxRows(world.server)).toEqual([]);
  });

  it('picks up pending mail after a restart of the worker', async () => {
    await world.stopWorker();
    const { email } = person();
    await inviteBy(email);
    const [pending] = await outboxRows(world.server);
    expect(pending).toMatchObject({ sent_at: null, attempts: 0 });
    expect(world.smtp.received).toEqual([]);
    world.startWorker();
    await waitUntil(() => mailsTo(email).length === 1, 'the new worker sends it');
  });

  it('sends a message claimed by a worker that died once its claim runs out', async () => {
    await world.stopWorker();
    const { email } = person();
    await inviteBy(email);
    // A worker claims the message and dies before sending it.
    expect(await claimDue(world.server.db.db, new Date(), 300, 10)).toHaveLength(1);
    expect(await claimDue(world.server.db.db, new Date(), 300, 10)).toEqual([]);
    world.startWorker();
    await waitUntil(() => mailsTo(email).length === 1, 'the claim runs out and it is sent');
  });

  it('sends each message once when two workers share the outbox', async () => {
    await world.stopWorker();
    const emails = Array.from({ length: 12 }, () => person().email);
    for (const email of emails) await inviteBy(email);
    const first = world.startWorker({ batchSize: 2 });
    const second = world.startWorker({ batchSize: 2 });
    await Promise.all([first.runOnce(), second.runOnce(), first.runOnce(), second.runOnce()]);
    await waitUntil(() => world.smtp.received.length >= emails.length, 'every invite arrives');
    await Promise.all([first.runOnce(), second.runOnce()]);
    await first.stop();
    await second.stop();
    expect(emails.map((e) => mailsTo(e).length)).toEqual(emails.map(() => 1));
    expect(world.smtp.received).toHaveLength(emails.length);
  });
});

describe.each(dialects)('email off (no SMTP_URL), on %s', (dialect) => {
  it('queues nothing and says so when an invite is made', async () => {
    const server = await startAccountsServer(dialect);
    try {
      const admin = await setUpDistrictAdmin(server);
      const schoolId = await createSchool(admin.client, 'Lincoln Elementary');
      const res = await admin.client.post('/api/admin/invites', {
        schoolId,
        role: 'teacher',
        email: person().email,
      });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ emailQueued: false, link: expect.any(String) });
      expect(await server.count('email_outbox')).toBe(0);
    } finally {
      await server.db.dispose();
    }
  });
});
