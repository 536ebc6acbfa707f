import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getObservation,
  startObservation,
  updateObservation,
} from '../../../src/client/data/observations';
import {
  createProtocol,
  getProtocolVersion,
  saveProtocolVersion,
  startNextVersion,
  updateProtocolDraft,
} from '../../../src/client/data/protocols';
import { keepVersion } from '../../../src/client/data/observations';
import { protocolKey, type Protocol } from '../../../src/shared/protocol';
import { addLookFor, updateLookFor } from '../../../src/shared/protocol-edits';
import { finishObservation, setResponse } from '../../../src/shared/observation-rules';
import { publish } from '../../../src/shared/protocol-rules';
import { device, type Device } from '../../support/client-device';
import { TEST_SCHOOL_ID, TEST_USER_ID } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/server-app';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute));
const ids = (() => {
  let n = 0;
  return () => `id${(n += 1)}`;
})();
const setup = {
  schoolId: TEST_SCHOOL_ID,
  school: 'Lincoln Elementary',
  room: '12',
  gradeBand: 'K-2' as const,
  subject: 'Reading',
  observer: 'Coach Rivera',
};

async function publishedProtocol(d: Device): Promise<Protocol> {
  const draft = await createProtocol(
    d.db,
    'Reading walk',
    'blast_walkthrough',
    TEST_SCHOOL_ID,
    at(0),
  );
  await updateProtocolDraft(
    d.db,
    draft.id,
    1,
    (p) => {
      const withOne = addLookFor(
        { ...p, sections: [{ ...p.sections[0]!, title: 'Students doing' }] },
        0,
        ids,
      );
      return updateLookFor(withOne, 0, 0, { text: 'Students read to a partner' });
    },
    at(1),
  );
  const current = (await getProtocolVersion(d.db, draft.id, 1))!.protocol;
  const published = publish(current, at(2));
  await saveProtocolVersion(d.db, published, at(2));
  return published;
}

describe('protocols through the sync engine', () => {
  let server: TestServer;
  let tablet: Device;
  let laptop: Device;

  beforeEach(async () => {
    server = await startTestServer('sqlite');
    tablet = device(server);
    laptop = device(server);
  });
  afterEach(async () => {
    tablet.close();
    laptop.close();
    await server.db.dispose();
  });

  it('finishes and syncs a draft observation started under v1 after v2 is published', async () => {
    const v1 = await publishedProtocol(tablet);
    const lookForId = v1.sections[0]!.lookFors[0]!.id;
    const started = await startObservation(tablet.db, setup, v1, at(3), TEST_USER_ID);
    await updateObservation(tablet.db, started.id, (o) => setResponse(o, lookForId, 'seen'), at(4));

    const v2 = await startNextVersion(tablet.db, v1.id, at(5));
    await updateProtocolDraft(
      tablet.db,
      v1.id,
      v2.version,
      (p) => updateLookFor(p, 0, 0, { text: 'Students read aloud to a partner' }),
      at(6),
    );
    const v2Draft = (await getProtocolVersion(tablet.db, v1.id, 2))!.protocol;
    await saveProtocolVersion(tablet.db, publish(v2Draft, at(7)), at(7));

    const view = await getObservation(tablet.db, started.id);
    expect(view?.observation.protocolVersion).toBe(1);
    const pinned = await getProtocolVersion(tablet.db, v1.id, 1);
    expect(pinned?.protocol.sections[0]?.lookFors[0]?.text).toBe('Students read to a partner');

    await updateObservation(tablet.db, started.id, (o) => finishObservation(o, at(8)), at(8));
    expect(await tablet.sync()).toMatchObject({ ok: true });
    expect(await tablet.db.outbox.count()).toBe(0);
    const rows = await server.db.db.selectFrom('records').select(['entity', 'entity_id']).execute();
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        { entity: 'protocol', entity_id: protocolKey(v1.id, 1) },
        { entity: 'protocol', entity_id: protocolKey(v1.id, 2) },
        { entity: 'observation', entity_id: started.id },
      ]),
    );
  });

  it('keeps both edits when two devices change the same draft, until one is chosen', async () => {
    const draft = await createProtocol(tablet.db, 'Shared draft', 'coaching_visit', null, at(0));
    await tablet.sync();
    await laptop.sync();
    const key = protocolKey(draft.id, 1);

    await updateProtocolDraft(
      tablet.db,
      draft.id,
      1,
      (p) => ({ ...p, purpose: 'From the tablet' }),
      at(1),
    );
    await updateProtocolDraft(
      laptop.db,
      draft.id,
      1,
      (p) => ({ ...p, purpose: 'From the laptop' }),
      at(2),
    );
    await tablet.sync();
    await laptop.sync();

    const onLaptop = await getProtocolVersion(laptop.db, draft.id, 1);
    expect(onLaptop?.syncState).toBe('conflict');
    expect(onLaptop?.protocol.purpose).toBe('From the tablet');
    expect(onLaptop?.conflicts.map((c) => c.data.purpose)).toEqual(['From the laptop']);

    const chosen = onLaptop!.conflicts[0]!;
    await keepVersion(laptop.db, 'protocol', key, chosen.data, [chosen.id], at(3));
    await laptop.sync();
    await tablet.sync();
    const settled = await getProtocolVersion(tablet.db, draft.id, 1);
    expect(settled?.protocol.purpose).toBe('From the laptop');
    expect(settled?.syncState).toBe('synced');
  });
});
