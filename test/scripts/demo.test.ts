import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDemo, type Output } from '../../scripts/demo/cli';
import { DEMO_PASSWORD, demoPeople } from '../../scripts/demo/people';
import { DemoRefused, seedDemo } from '../../scripts/demo/seed';
import { createApp } from '../../src/server/app';
import { Me } from '../../src/shared/accounts';
import type { PullResponse } from '../../src/shared/sync';
import { fastCost } from '../support/accounts';
import { httpClient } from '../support/http-client';
import { createTestDb, postgresUrl, testDialects, type TestDb } from '../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('the demo district on %s', (dialect) => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb(dialect);
  });
  afterEach(async () => {
    await db.dispose();
  });

  const count = async (table: 'schools' | 'users' | 'memberships') =>
    Number(
      (
        await db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const records = (entity: string) =>
    db.db.selectFrom('records').selectAll().where('entity', '=', entity).execute();

  async function signIn(email: string) {
    const app = createApp({ db: db.db, log: () => undefined, passwordCost: fastCost });
    const client = httpClient(app);
    const res = await client.post('/api/auth/login', { email, password: DEMO_PASSWORD });
    expect(res.status, `${email}: ${await res.clone().text()}`).toBe(200);
    const me = Me.parse(await (await client.get('/api/auth/me')).json());
    const pull = async (): Promise<PullResponse> =>
      (await (await client.get('/api/sync/pull?cursor=0&limit=1000')).json()) as PullResponse;
    return { me, pull };
  }

  it('seeds 2 schools, about 20 staff, two closed rounds and about 200 observations in the latest', async () => {
    const summary = await seedDemo(db.db, { passwordCost: fastCost });
    expect(await count('schools')).toBe(2);
    expect(await count('users')).toBe(demoPeople.length);
    expect(demoPeople.length).toBeGreaterThanOrEqual(18);

    const rounds = (await records('round')).map(
      (r) => JSON.parse(r.data!) as Record<string, unknown>,
    );
    expect(rounds.map((r) => [r.name, r.status])).toEqual(
      expect.arrayContaining([
        ['Fall Blast Walkthrough', 'closed'],
        ['Winter Blast Walkthrough', 'closed'],
      ]),
    );
    const observations = (await records('observation')).map(
      (r) => JSON.parse(r.data!) as Record<string, unknown>,
    );
    expect(observations).toHaveLength(summary.observations);
    const winter = rounds.find((r) => r.name === 'Winter Blast Walkthrough')!;
    const inWinter = observations.filter((o) => o.roundId === winter.id);
    expect(inWinter.length).toBeGreaterThanOrEqual(180);
    expect(new Set(inWinter.map((o) => o.roomId)).size).toBeGreaterThanOrEqual(40);
    expect(new Set(inWinter.map((o) => o.gradeBand)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(inWinter.map((o) => o.subject)).size).toBeGreaterThanOrEqual(4);
    // Realistic mixes: every seen / not seen look-for is seen somewhere and missed somewhere.
    const answers = inWinter.flatMap((o) => Object.values(o.responses as object));
    expect(answers.filter((a) => a === 'seen').length).toBeGreaterThan(200);
    expect(answers.filter((a) => a === 'not_seen').length).toBeGreaterThan(200);
    // No observation names a teacher: no such field, and no staff name in a note.
    const names = demoPeople.map((p) => p.name.split(' ')[1]!);
    for (const o of observations) {
      expect(Object.keys(o)).not.toContain('teacher');
      for (const name of names) expect(String(o.notes)).not.toContain(name);
    }
    // The school's own protocol, published by its coach (and in the audit log).
    expect((await records('protocol')).map((r) => [r.entity_id, r.audience])).toEqual([
      ['roosevelt-math-talk.v1', 'school'],
    ]);
    // Every write went through the push, and none was refused.
    const refused = await db.db
      .selectFrom('mutations')
      .select(['entity', 'result'])
      .where('status', '!=', 'applied')
      .execute();
    expect(refused).toEqual([]);
    expect(summary.visits).toBeGreaterThanOrEqual(3);
  });

  it('lets every role sign in and shows each only what that role may read', async () => {
    await seedDemo(db.db, { passwordCost: fastCost });
    const admin = await signIn('admin@demo.lookfor.example');
    expect(admin.me.user.districtAdmin).toBe(true);

    const observationsOf = async (who: Awaited<ReturnType<typeof signIn>>) =>
      (await who.pull()).changes.filter((c) => c.entity === 'observation' && c.kind === 'record');

    for (const [email, role] of [
      ['principal.lincoln@demo.lookfor.example', 'principal'],
      ['coach.lincoln@demo.lookfor.example', 'coach'],
      ['teacher3.lincoln@demo.lookfor.example', 'teacher'],
      ['coach.both@demo.lookfor.example', 'coach'],
    ] as const) {
      const who = await signIn(email);
      expect(who.me.memberships.map((m) => m.role)).toContain(role);
      // Observations reach their own observer only; leaders see aggregates, not records.
      for (const change of await observationsOf(who)) {
        expect((change.data as { observerId: string }).observerId).toBe(who.me.user.id);
      }
    }
    const teamTeacher = await signIn('teacher1.lincoln@demo.lookfor.example');
    expect(await observationsOf(teamTeacher)).toHaveLength(50);
    // Roosevelt's protocol and rounds stay in their schools.
    const rooseveltTeacher = await signIn('teacher1.roosevelt@demo.lookfor.example');
    const seen = (await rooseveltTeacher.pull()).changes.map((c) => c.entity);
    expect(seen).toContain('protocol');
    expect(seen).not.toContain('round');
    const lincolnTeacher = await signIn('teacher3.lincoln@demo.lookfor.example');
    expect((await lincolnTeacher.pull()).changes.map((c) => c.entity)).not.toContain('protocol');
  });

  it('refuses a database that already has users', async () => {
    await seedDemo(db.db, { passwordCost: fastCost });
    await expect(seedDemo(db.db, { passwordCost: fastCost })).rejects.toThrow(DemoRefused);
    expect(await count('users')).toBe(demoPeople.length);
  });
});

describe('npm run demo', () => {
  let dir: string;
  let lines: string[];
  const out: Output = { log: (l) => lines.push(l), error: (l) => lines.push(`ERROR ${l}`) };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lookfor-demo-'));
    lines = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds the SQLite file, refuses to seed it twice, and starts over with --reset', async () => {
    const env = { DATA_DIR: dir };
    expect(await runDemo([], env, out, { passwordCost: fastCost })).toBe(0);
    expect(lines.join('\n')).toContain(`every demo password is ${DEMO_PASSWORD}`);
    expect(lines.join('\n')).toContain('principal.lincoln@demo.lookfor.example');

    lines = [];
    expect(await runDemo([], env, out, { passwordCost: fastCost })).toBe(1);
    expect(lines.join('\n')).toMatch(/ERROR This database already has users.*--reset/);

    lines = [];
    expect(await runDemo(['--reset'], env, out, { passwordCost: fastCost })).toBe(0);
    expect(lines[0]).toContain('Deleted the SQLite database');
  });

  it('never resets PostgreSQL, and refuses options it does not know', async () => {
    const env = { DATABASE_URL: postgresUrl };
    expect(await runDemo(['--reset'], env, out)).toBe(2);
    expect(lines.join('\n')).toContain('--reset only deletes the embedded SQLite file');
    expect(await runDemo(['--force'], { DATA_DIR: dir }, out)).toBe(2);
  });

  it.runIf(dialects.includes('postgres'))(
    'seeds PostgreSQL in the schema DATABASE_SCHEMA names',
    async () => {
      const schema = `demo_${Date.now().toString(36)}`;
      try {
        const env = { DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema };
        expect(await runDemo([], env, out, { passwordCost: fastCost })).toBe(0);
        expect(lines[0]).toContain(`schema ${schema}`);
      } finally {
        const client = new pg.Client({ connectionString: postgresUrl });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      }
    },
  );
});
