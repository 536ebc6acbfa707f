import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxList, OutboxRetried } from '../../../src/shared/answers/outbox';
import {
  auditRows,
  createSchool,
  person,
  setUpDistrictAdmin,
  startAccountsServer,
  type SignedIn,
} from '../../support/accounts';
import { outboxRows, startMailWorld, type MailWorld } from '../../support/email';
import { waitUntil } from '../../support/smtp';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('the outbox for district admins, on %s', (dialect) => {
  let world: MailWorld;
  let admin: SignedIn;
  let schoolId: string;

  beforeEach(async () => {
    world = await startMailWorld(dialect, { maxAttempts: 1 });
    admin = await setUpDistrictAdmin(world.server);
    schoolId = await createSchool(admin.client, 'Lincoln Elementary');
  });
  afterEach(async () => {
    await world.dispose();
  });

  const invite = async (email: string) => {
    const res = await admin.client.post('/api/admin/invites', { schoolId, role: 'teacher', email });
    expect(res.status).toBe(201);
  };
  const list = async (query = '') => {
    const res = await admin.client.get(`/api/admin/emails${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return OutboxList.parse(await res.json());
  };
  const mailsTo = (email: string) => world.smtp.received.filter((m) => m.to.includes(email));

  it('lists each message with its status and never its text', async () => {
    const { email } = person();
    await invite(email);
    await waitUntil(async () => (await list('?status=sent')).entries.length === 1, 'sent');
    const { emailOn, entries } = await list();
    expect(emailOn).toBe(true);
    expect(entries).toEqual([
      expect.objectContaining({
        kind: 'invite',
        to: email,
        subject: 'You are invited to Lookfor',
        status: 'sent',
        attempts: 1,
        lastError: null,
        retryable: false,
        nextAttemptAt: null,
      }),
    ]);
    const raw = await (await admin.client.get('/api/admin/emails')).text();
    expect(raw).not.toContain('Create your account');
    expect(raw).not.toContain('#/invite/');
    expect((await list('?status=failed')).entries).toEqual([]);
  });

  it('shows a failed message with its error and sends it once on "retry now"', async () => {
    await world.smtp.stop();
    const { email } = person();
    await invite(email);
    await waitUntil(async () => (await list('?status=failed')).entries.length === 1, 'given up');
    const [failed] = (await list()).entries;
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, retryable: true });
    expect(failed!.lastError).toMatch(/ECONNREFUSED|connect/i);

    await world.smtp.start();
    const res = await admin.client.post(`/api/admin/emails/${failed!.id}/retry`, {});
    expect(res.status, await res.clone().text()).toBe(200);
    expect(OutboxRetried.parse(await res.json()).entry).toMatchObject({
      status: 'retrying',
      attempts: 0,
    });
    await waitUntil(() => mailsTo(email).length === 1, 'the retried invite arrives');
    await waitUntil(async () => (await outboxRows(world.server))[0]?.sent_at != null, 'sent');
    expect(await auditRows(world.server, 'email.retried')).toHaveLength(1);

    const again = await admin.client.post(`/api/admin/emails/${failed!.id}/retry`, {});
    expect(again.status).toBe(409);
    await world.worker().runOnce();
    expect(mailsTo(email)).toHaveLength(1);
  });

  it('answers 404 for an unknown message and 400 for a bad filter, changing nothing', async () => {
    const unknown = await admin.client.post(`/api/admin/emails/${crypto.randomUUID()}/retry`, {});
    expect(unknown.status).toBe(404);
    const bad = await admin.client.get('/api/admin/emails?status=lost');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: 'invalid_request', details: [expect.objectContaining({ path: 'status' })] },
    });
    expect(await auditRows(world.server, 'email.retried')).toEqual([]);
  });
});

describe.each(dialects)('the outbox with email off, on %s', (dialect) => {
  it('says email is off', async () => {
    const server = await startAccountsServer(dialect);
    try {
      const admin = await setUpDistrictAdmin(server);
      const res = await admin.client.get('/api/admin/emails');
      expect(OutboxList.parse(await res.json())).toEqual({ emailOn: false, entries: [] });
    } finally {
      await server.db.dispose();
    }
  });
});
