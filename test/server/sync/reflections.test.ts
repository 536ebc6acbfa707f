import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Visit } from '../../../src/shared/visits';
import { startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { noShare, put, reflection, visit, visitNote } from '../../support/visit-factories';
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

describe.each(dialects)('reflections and coaching visits on %s', (dialect) => {
  let server: TestServer;
  let as: Cookies;
  let coaching: Visit;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    as = await visitSchool(server);
    coaching = visit({
      schoolId: school,
      hostId: ids.host,
      kind: 'coaching',
      observerId: ids.coach,
      observerName: 'Coach Rivera',
    });
    await server.push(client, [put(client, 'visit', coaching)], as.host);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  it('lets the host and the observer reflect, each under their own id, and nobody else', async () => {
    const byHost = reflection(coaching, { authorId: ids.host, text: 'HOST-REFLECTION' });
    const byCoach = reflection(coaching, { authorId: ids.coach, text: 'COACH-REFLECTION' });
    const results = await Promise.all([
      server.push(client, [put(client, 'reflection', byHost)], as.host),
      server.push(client, [put(client, 'reflection', byCoach)], as.coach),
      server.push(
        client,
        [put(client, 'reflection', reflection(coaching, { authorId: ids.principal }))],
        as.principal,
      ),
      server.push(
        client,
        [put(client, 'reflection', reflection(coaching, { authorId: ids.coach }))],
        as.host,
      ),
    ]);
    expect(results.map((r) => r.results[0]!.status)).toEqual([
      'applied',
      'applied',
      'rejected',
      'rejected',
    ]);
    for (const who of ['host', 'coach'] as const) {
      expect(latest(await pullAll(server, as[who]), 'reflection').size, who).toBe(2);
    }
    for (const who of ['principal', 'admin', 'colleague', 'outsider'] as const) {
      const pulled = JSON.stringify(await pullAll(server, as[who]));
      expect(pulled, who).not.toContain('REFLECTION');
    }
  });

  it('shares a coach’s finished notes with the inviting teacher only', async () => {
    const note = visitNote(coaching, {
      observerId: ids.coach,
      share: { ...noShare, notes: true, glow: true, wonder: true },
    });
    const written = await server.push(client, [put(client, 'visit-note', note)], as.coach);
    expect(written.results[0]).toMatchObject({ status: 'applied' });
    const teacher = latest(await pullAll(server, as.host), 'shared-note').get(note.id);
    expect(teacher).toMatchObject({ data: { notes: note.notes, glow: note.glow } });
    expect(JSON.stringify(teacher)).not.toContain('PRIVATE-REFLECTION');
    for (const who of ['principal', 'admin', 'colleague'] as const) {
      expect(JSON.stringify(await pullAll(server, as[who])), who).not.toContain('PRIVATE-');
    }
  });
});
