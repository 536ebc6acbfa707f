// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { LookforDb } from '../../../src/client/data/db';
import { saveProtocolVersion } from '../../../src/client/data/protocols';
import type { StoreUser } from '../../../src/client/data/store';
import type { SchoolRole } from '../../../src/shared/accounts';
import { parseStoredProtocol, type Protocol } from '../../../src/shared/protocol';
import { protocolFileData, protocol as protocolFactory } from '../../support/factories';
import { renderApp, testUser } from '../../support/render-app';

const LINCOLN = '00000000-0000-4000-8000-0000000000a1';
const ROOSEVELT = '00000000-0000-4000-8000-0000000000a2';
const names: Record<string, string> = { [LINCOLN]: 'Lincoln', [ROOSEVELT]: 'Roosevelt' };

let db: LookforDb;
afterEach(() => {
  cleanup();
  db?.close();
});

/** A staff member (not a district admin) with these roles. */
function staff(...roles: Array<[string, SchoolRole]>): StoreUser {
  const memberships = roles.map(([schoolId, role]) => ({
    schoolId,
    schoolName: names[schoolId]!,
    role,
  }));
  return {
    ...testUser(),
    districtAdmin: false,
    memberships,
    schools: memberships.map((m) => ({ id: m.schoolId, name: m.schoolName })),
  };
}

async function storedProtocols(): Promise<Protocol[]> {
  const records = await db.records.where('entity').equals('protocol').toArray();
  return records.map((r) => parseStoredProtocol(r.data)!).filter(Boolean);
}

/** The library and editor load lazily; a busy test machine may take a while. */
const loaded = { timeout: 5000 };

async function create(name: string) {
  fireEvent.input(await screen.findByLabelText('New protocol name', {}, loaded), {
    target: { value: name },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Create protocol' }));
}

describe('who owns and edits a protocol on the device', () => {
  it("gives a coach's new protocol to the coach's school", async () => {
    ({ db } = renderApp('#/protocols', undefined, { user: staff([LINCOLN, 'coach']) }));
    expect(await screen.findByText('New protocols belong to Lincoln.', {}, loaded)).toBeTruthy();
    await create('Lincoln look-fors');
    await screen.findByRole('button', { name: 'Publish version 1' }, loaded);
    expect(await storedProtocols()).toEqual([
      expect.objectContaining({ name: 'Lincoln look-fors', schoolId: LINCOLN }),
    ]);
  });

  it('asks a principal who leads two schools which one the protocol belongs to', async () => {
    ({ db } = renderApp('#/protocols', undefined, {
      user: staff([LINCOLN, 'principal'], [ROOSEVELT, 'coach']),
    }));
    await create('Shared walk');
    expect(await screen.findByText('Choose the school this protocol belongs to')).toBeTruthy();
    expect(await db.records.count()).toBe(0);

    fireEvent.change(screen.getByLabelText('Belongs to'), { target: { value: ROOSEVELT } });
    fireEvent.click(screen.getByRole('button', { name: 'Create protocol' }));
    await screen.findByRole('button', { name: 'Publish version 1' }, loaded);
    expect((await storedProtocols())[0]).toMatchObject({ schoolId: ROOSEVELT });
  });

  it('offers a coach only the schools they lead, never the whole district', async () => {
    ({ db } = renderApp('#/protocols', undefined, {
      user: staff([LINCOLN, 'teacher'], [ROOSEVELT, 'coach']),
    }));
    expect(await screen.findByText('New protocols belong to Roosevelt.', {}, loaded)).toBeTruthy();
    expect(screen.queryByLabelText('Belongs to')).toBeNull();
  });

  it('lets a teacher read protocols but neither create, import nor edit them', async () => {
    ({ db } = renderApp('#/protocols', undefined, { user: staff([LINCOLN, 'teacher']) }));
    await screen.findByRole('heading', { name: 'Protocols' }, loaded);
    await screen.findAllByText(/Starter library/);
    expect(screen.queryByLabelText('New protocol name')).toBeNull();
    expect(screen.queryByLabelText('Import a file (JSON or CSV)')).toBeNull();
    cleanup();
    db.close();

    ({ db } = renderApp('#/protocols/blast-empowered-learning/v1', undefined, {
      user: staff([LINCOLN, 'teacher']),
    }));
    await screen.findByRole('button', { name: 'Export file' }, loaded);
    expect(screen.queryByRole('button', { name: 'Edit as version 2' })).toBeNull();
  });

  it("lets a coach version their school's protocol but not a district-wide one", async () => {
    const coach = staff([LINCOLN, 'coach']);
    const now = new Date('2026-11-23T09:00:00Z');
    ({ db } = renderApp('#/protocols/district-walk/v1', undefined, { user: coach }));
    await saveProtocolVersion(db, protocolFactory({ id: 'district-walk', schoolId: null }), now);
    await screen.findByText(/Whole district/, {}, loaded);
    await screen.findByRole('button', { name: 'Export file' }, loaded);
    expect(screen.queryByRole('button', { name: 'Edit as version 2' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Archive' })).toBeNull();
    cleanup();
    db.close();

    ({ db } = renderApp('#/protocols/lincoln-walk/v1', undefined, { user: coach }));
    await saveProtocolVersion(db, protocolFactory({ id: 'lincoln-walk', schoolId: LINCOLN }), now);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit as version 2' }, loaded));
    await screen.findByRole('button', { name: 'Publish version 2' }, loaded);
    await waitFor(async () =>
      expect((await storedProtocols()).find((p) => p.version === 2)).toMatchObject({
        schoolId: LINCOLN,
        status: 'draft',
      }),
    );
  });

  it("imports a file as a draft of the importer's school, whatever school the file names", async () => {
    ({ db } = renderApp('#/protocols', undefined, { user: staff([LINCOLN, 'coach']) }));
    const file = JSON.stringify(
      protocolFileData({ protocol: { ...protocolFactory(), schoolId: ROOSEVELT } }),
    );
    const input = (await screen.findByLabelText(
      'Import a file (JSON or CSV)',
      {},
      loaded,
    )) as HTMLInputElement;
    fireEvent.change(input, {
      target: { files: [new File([file], 'rounds.lookfor.json', { type: 'application/json' })] },
    });
    await screen.findByRole('button', { name: 'Publish version 1' }, loaded);
    expect(await storedProtocols()).toEqual([
      expect.objectContaining({ id: 'morning-rounds', status: 'draft', schoolId: LINCOLN }),
    ]);
  });

  it('lets a district admin make district-wide protocols by default, or pick a school', async () => {
    ({ db } = renderApp('#/protocols'));
    expect(
      ((await screen.findByLabelText('Belongs to', {}, loaded)) as HTMLSelectElement).value,
    ).toBe('district');
    await create('District walk');
    await screen.findByRole('button', { name: 'Publish version 1' }, loaded);
    await waitFor(async () =>
      expect((await storedProtocols())[0]).toMatchObject({ schoolId: null }),
    );
  });
});
