// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LookforDb } from '../../../../src/client/data/db';
import type { PairList, PairReport } from '../../../../src/shared/answers/calibration';
import { Observation } from '../../../../src/shared/observation';
import { PairScreen } from '../../../../src/client/ui/calibration/PairScreen';
import { PartnersScreen } from '../../../../src/client/ui/calibration/PartnersScreen';
import { renderApp } from '../../../support/render-app';

const school = 'b1000000-0000-4000-8000-0000000000b1';
const elsewhere = 'b2000000-0000-4000-8000-0000000000b2';
const me = { id: '41000000-0000-4000-8000-000000000001', name: 'Sam Lee' };
const ana = { id: '41000000-0000-4000-8000-00000000000a', name: 'Ana Ruiz' };
const ben = { id: '41000000-0000-4000-8000-00000000000b', name: 'Ben Osei' };
const now = () => new Date('2026-11-23T09:30:00Z');

let db: LookforDb | undefined;
afterEach(() => {
  cleanup();
  db?.close();
  db = undefined;
  vi.unstubAllGlobals();
});

/** Answers `path` with `body`; every other call fails as if offline. */
const serve = (answers: Record<string, () => Response>) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const path = new URL(String(input), 'http://lookfor.test').pathname;
      const answer = answers[path];
      if (!answer) throw new TypeError('offline');
      return answer();
    }),
  );

describe('choosing a calibration partner on the start form', () => {
  const teacher = {
    ...me,
    districtAdmin: false,
    memberships: [{ schoolId: school, schoolName: 'Lincoln Elementary', role: 'teacher' as const }],
    schools: [{ id: school, name: 'Lincoln Elementary' }],
  };

  async function fillIn() {
    await screen.findByRole('heading', { name: 'Start an observation' });
    fireEvent.input(screen.getByLabelText('Room'), { target: { value: '114' } });
    fireEvent.click(screen.getByLabelText('Grade 3-5'));
    fireEvent.input(screen.getByLabelText('Subject'), { target: { value: 'Math' } });
    await screen.findByLabelText(/Blast Walkthrough: Empowered Learning/);
  }

  it('offers colleagues of the school, stores the choice, and works offline from the kept list', async () => {
    serve({
      '/api/calibration/colleagues': () =>
        Response.json({
          colleagues: [
            { schoolId: school, id: ana.id, name: ana.name },
            { schoolId: elsewhere, id: ben.id, name: ben.name },
          ],
        }),
    });
    ({ db } = renderApp('#/start', now, { user: teacher }));
    await fillIn();
    const partner = screen.getByLabelText(/Calibrating with/);
    await within(partner).findByRole('option', { name: ana.name });
    // A colleague of another school is not offered.
    expect(within(partner).queryByRole('option', { name: ben.name })).toBeNull();
    fireEvent.change(partner, { target: { value: ana.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await screen.findByRole('heading', { name: /Room 114/ });
    const [stored] = (await db.records.toArray()).map((r) => Observation.parse(r.data));
    expect(stored).toMatchObject({ room: '114', calibrationPartnerId: ana.id });

    // Later, offline: the list this device kept is offered.
    cleanup();
    db.close();
    serve({});
    ({ db } = renderApp('#/start', now, { user: teacher }));
    await fillIn();
    await within(screen.getByLabelText(/Calibrating with/)).findByRole('option', {
      name: ana.name,
    });
  });

  it('starts without a partner by default: the record carries none', async () => {
    serve({});
    ({ db } = renderApp('#/start', now, { user: { ...teacher, id: crypto.randomUUID() } }));
    await fillIn();
    expect(await screen.findByText(/No colleagues of this school on this device yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await screen.findByRole('heading', { name: /Room 114/ });
    const [stored] = (await db.records.toArray()).map((r) => Observation.parse(r.data));
    expect(stored && 'calibrationPartnerId' in stored).toBe(false);
  });
});

describe('my calibration partners', () => {
  it('links each partner with rooms visited together, and lists who is still awaited', async () => {
    const list: PairList = {
      partners: [
        { partnerId: ana.id, name: ana.name, rooms: 2 },
        { partnerId: ben.id, name: ben.name, rooms: 0 },
      ],
    };
    serve({ '/api/calibration/pairs': () => Response.json(list) });
    render(<PartnersScreen />);
    const link = await screen.findByRole('link', { name: /Ana Ruiz/ });
    expect(link.getAttribute('href')).toBe(`#/calibration/${ana.id}`);
    expect(link.textContent).toContain('2 rooms visited together');
    expect(screen.getByRole('heading', { name: 'Waiting for their notes' })).toBeTruthy();
    expect(screen.getByText(ben.name)).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Ben Osei/ })).toBeNull();
  });

  it('explains how to pair up when there is no partner yet', async () => {
    serve({ '/api/calibration/pairs': () => Response.json({ partners: [] }) });
    render(<PartnersScreen />);
    expect(await screen.findByText(/choose each other under “Calibrating with”/)).toBeTruthy();
  });

  it('is linked from my observations', async () => {
    serve({});
    ({ db } = renderApp('#/', now));
    const link = await screen.findByRole('link', { name: 'Calibration partners' });
    expect(link.getAttribute('href')).toBe('#/calibration');
  });
});

describe('a pair’s agreement', () => {
  const report: PairReport = {
    partnerId: ana.id,
    partnerName: ana.name,
    protocols: [
      {
        protocolId: 'blast-empowered-learning',
        protocolVersion: 1,
        protocolName: 'Blast Walkthrough: Empowered Learning',
        rooms: 1,
        observers: [ana.name, me.name],
        lookFors: [
          {
            lookForId: 'talk',
            text: 'Students explain their thinking to a peer',
            rooms: 1,
            percent: 0,
            kappa: null,
            method: 'cohen',
            disagreements: [
              {
                room: '114',
                answers: [
                  { observer: me.name, answer: 'Seen', notes: 'Pairs compared answers' },
                  {
                    observer: ana.name,
                    answer: 'Not seen',
                    notes: 'Talk went through the teacher',
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
  const path = `/api/calibration/pairs/${ana.id}`;

  it('shows agreement per look-for and each disagreement beside both notes', async () => {
    serve({ [path]: () => Response.json(report) });
    render(<PairScreen partnerId={ana.id} />);
    expect(
      await screen.findByRole('heading', { name: `Calibration with ${ana.name}` }),
    ).toBeTruthy();
    const row = screen.getByRole('rowheader', { name: /explain their thinking/ }).parentElement!;
    expect(within(row).getByText('0%')).toBeTruthy();
    const room = screen.getByRole('region', { name: 'Room 114' });
    expect(within(room).getByText('Pairs compared answers')).toBeTruthy();
    expect(within(room).getByText('Talk went through the teacher')).toBeTruthy();
    expect(screen.getByText(/1 room visited together by Ana Ruiz, Sam Lee/)).toBeTruthy();
  });

  it('waits for both observers’ notes, and says why when refused', async () => {
    serve({ [path]: () => Response.json({ ...report, protocols: [] }) });
    render(<PairScreen partnerId={ana.id} />);
    expect(await screen.findByText(/appears once both observers’ visits/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    cleanup();
    serve({
      [path]: () =>
        Response.json(
          {
            error: {
              code: 'forbidden',
              message: 'Only the two observers who paired up see how they agreed',
            },
          },
          { status: 403 },
        ),
    });
    render(<PairScreen partnerId={ana.id} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('two observers'));
  });
});
