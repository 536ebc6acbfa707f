// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { LookforDb } from '../../../src/client/data/db';
import { Observation } from '../../../src/shared/observation';
import { protocolKey } from '../../../src/shared/protocol';
import { Round } from '../../../src/shared/rounds';
import {
  lookFor,
  protocol,
  round as anyRound,
  section,
  TEST_SCHOOL_ID,
  TEST_USER_ID,
} from '../../support/factories';
import { renderApp } from '../../support/render-app';

const teammate = '00000000-0000-4000-8000-0000000000b2';
const tenLookFors = protocol({
  id: 'ten-look-fors',
  kind: 'blast_walkthrough',
  sections: [
    section({
      lookFors: Array.from({ length: 10 }, (_, i) =>
        lookFor({ id: `look-for-${i + 1}`, text: `Look-for number ${i + 1}` }),
      ),
    }),
  ],
});
const plan = (overrides: Partial<Round> = {}) =>
  anyRound({
    protocolId: tenLookFors.id,
    protocolVersion: 1,
    purpose: 'How often do students explain their thinking?',
    team: [
      { userId: TEST_USER_ID, name: 'Coach Rivera' },
      { userId: teammate, name: 'Coach Kim' },
    ],
    rooms: [
      { id: 'r101', room: '101', gradeBand: '3-5', subject: 'Math', assignedTo: TEST_USER_ID },
      { id: 'r102', room: '102', gradeBand: 'K-2', subject: 'Reading', assignedTo: TEST_USER_ID },
      { id: 'r103', room: '103', gradeBand: '6-8', subject: 'Science', assignedTo: teammate },
    ],
    ...overrides,
  });

let db: LookforDb;
afterEach(() => {
  cleanup();
  db?.close();
});

async function seriousViolations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function seed(round: Round) {
  const at = '2026-11-23T08:00:00.000Z';
  await db.records.bulkPut([
    { entity: 'round', id: round.id, data: round, rev: 1, deleted: 0, updatedAt: at },
    {
      entity: 'protocol',
      id: protocolKey(tenLookFors.id, 1),
      data: tenLookFors,
      rev: 1,
      deleted: 0,
      updatedAt: at,
    },
  ]);
}

async function visits(): Promise<Observation[]> {
  const records = await db.records.where('entity').equals('observation').toArray();
  return records.map((r) => Observation.parse(r.data));
}

describe('walking a round', () => {
  it('records one classroom of a 10-look-for protocol in 12 taps from the queue, then moves on', async () => {
    const round = plan();
    ({ db } = renderApp(`#/rounds/${round.id}`));
    await seed(round);
    let taps = 0;
    const tap = (element: HTMLElement) => {
      taps += 1;
      fireEvent.click(element);
    };

    expect(await screen.findByText('Next: Room 101, Grade 3-5, Math')).toBeTruthy();
    expect(screen.getByText(/0 of 3 rooms/)).toBeTruthy();
    tap(screen.getByRole('button', { name: /^Start visit/ }));
    await screen.findByRole('heading', { name: 'Room 101, Grade 3-5, Math' });
    expect(
      screen.getByText('Describe what you see and hear, not a judgement', { exact: false }),
    ).toBeTruthy();
    for (let i = 1; i <= 10; i += 1) {
      const group = await screen.findByRole('group', {
        name: new RegExp(`Look-for number ${i}(?!\\d)`),
      });
      tap(within(group).getByRole('button', { name: 'Seen' }));
      await waitFor(() =>
        expect(
          within(group).getByRole('button', { name: 'Seen' }).getAttribute('aria-pressed'),
        ).toBe('true'),
      );
    }
    expect(screen.getByRole('timer').textContent).toMatch(/of 5:00/);
    tap(screen.getByRole('button', { name: 'Finish and next room' }));

    await screen.findByRole('heading', { name: 'Room 102, Grade K-2, Reading' });
    expect(taps).toBeLessThanOrEqual(15);
    expect(taps).toBe(12);
    expect(screen.getByText(/1 of 3 rooms/)).toBeTruthy();
    expect(screen.getByText('Mine: 1 of 2')).toBeTruthy();
    const [first] = (await visits()).filter((v) => v.roomId === 'r101');
    expect(first).toMatchObject({ status: 'complete', roundId: round.id, gradeBand: '3-5' });
    expect(Object.keys(first!.responses)).toHaveLength(10);
    expect(await seriousViolations()).toEqual([]);
  });

  it('resumes the same visit after the app is closed mid-visit', async () => {
    const round = plan();
    const dbName = `ui-resume-${crypto.randomUUID()}`;
    ({ db } = renderApp(`#/rounds/${round.id}`, undefined, { dbName }));
    await seed(round);
    fireEvent.click(await screen.findByRole('button', { name: /^Start visit/ }));
    const group = await screen.findByRole('group', { name: /Look-for number 3(?!\d)/ });
    fireEvent.click(within(group).getByRole('button', { name: 'Not seen' }));
    await waitFor(async () =>
      expect((await visits())[0]?.responses['look-for-3']).toBe('not_seen'),
    );
    cleanup();
    db.close();

    ({ db } = renderApp(`#/rounds/${round.id}`, undefined, { dbName }));
    await screen.findByRole('heading', { name: 'Room 101, Grade 3-5, Math' });
    const again = await screen.findByRole('group', { name: /Look-for number 3(?!\d)/ });
    expect(
      within(again).getByRole('button', { name: 'Not seen' }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await visits()).toHaveLength(1);
  });

  it('shows a teacher the purpose and progress, and nothing to walk or plan', async () => {
    const round = plan();
    ({ db } = renderApp(`#/rounds/${round.id}`, undefined, {
      user: {
        id: '00000000-0000-4000-8000-0000000000c3',
        districtAdmin: false,
        memberships: [
          { schoolId: TEST_SCHOOL_ID, schoolName: 'Lincoln Elementary', role: 'teacher' },
        ],
      },
    }));
    await seed(round);
    expect(await screen.findByText('How often do students explain their thinking?')).toBeTruthy();
    expect(screen.getByText(/0 of 3 rooms/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Start/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Plan' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('link', { name: 'Rounds' })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});

describe('planning a round', () => {
  it('creates a plan, picks the team from the staff list, adds rooms and splits them', async () => {
    ({ db } = renderApp('#/rounds/new'));
    await db.meta.put({
      key: `staff:${TEST_SCHOOL_ID}`,
      value: {
        schoolId: TEST_SCHOOL_ID,
        fetchedAt: '2026-11-22T08:00:00.000Z',
        staff: [
          { userId: TEST_USER_ID, name: 'Coach Rivera', role: 'coach' },
          { userId: teammate, name: 'Coach Kim', role: 'coach' },
        ],
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Create round' }));
    expect(await screen.findByText('Round name is required')).toBeTruthy();
    expect(await db.records.count()).toBe(0);

    fireEvent.input(screen.getByLabelText('Round name'), { target: { value: 'November blast' } });
    const protocolSelect = screen.getByLabelText('Protocol (published versions)');
    await waitFor(() =>
      expect(protocolSelect.querySelectorAll('option').length).toBeGreaterThan(1),
    );
    fireEvent.change(protocolSelect, { target: { value: 'blast-empowered-learning@1' } });
    fireEvent.input(screen.getByLabelText('Purpose, shared with staff before the walk'), {
      target: { value: 'Where do students talk about their thinking?' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create round' }));
    await screen.findByRole('heading', { name: 'Plan: November blast' });

    fireEvent.click(await screen.findByLabelText(/Coach Rivera/));
    fireEvent.click(screen.getByLabelText(/Coach Kim/));
    for (const [room, subject] of [
      ['101', 'Math'],
      ['102', 'Art'],
      ['103', 'Music'],
    ]) {
      fireEvent.input(screen.getByLabelText('Room'), { target: { value: room } });
      fireEvent.input(screen.getByLabelText('Subject'), { target: { value: subject } });
      fireEvent.click(screen.getByRole('button', { name: 'Add room' }));
      await screen.findAllByText(`Room ${room}, Grade K-2, ${subject}`);
    }
    fireEvent.click(screen.getByRole('button', { name: 'Split rooms among the team' }));
    await waitFor(async () => {
      const [record] = await db.records.where('entity').equals('round').toArray();
      const saved = Round.parse(record!.data);
      expect(saved.rooms.map((r) => r.assignedTo)).toEqual([TEST_USER_ID, TEST_USER_ID, teammate]);
      expect(saved.team.map((t) => t.name)).toEqual(['Coach Rivera', 'Coach Kim']);
      expect(saved.purpose).toBe('Where do students talk about their thinking?');
    });
    expect(await db.outbox.where('entity').equals('round').count()).toBe(1);
    expect(await seriousViolations()).toEqual([]);

    // Closing asks first, saying what it ends.
    fireEvent.click(screen.getByRole('button', { name: 'Close round' }));
    const dialog = await screen.findByRole('dialog', { name: /^Close / });
    expect(dialog.textContent).toContain('Walking stops for the whole team');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close round' }));
    await waitFor(async () => {
      const [record] = await db.records.where('entity').equals('round').toArray();
      expect(Round.parse(record!.data).status).toBe('closed');
    });
  });

  it('lists the rounds of my schools with their progress', async () => {
    const round = plan({ name: 'Spring sweep' });
    ({ db } = renderApp('#/rounds'));
    await seed(round);
    expect(await screen.findByRole('link', { name: 'Spring sweep' })).toBeTruthy();
    expect(await screen.findByText(/0 of 3 rooms/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Plan a round' })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});

describe('the last round', () => {
  it('comes first on the list, to continue where I left off', async () => {
    const older = plan({ name: 'Autumn sweep', startsOn: '2026-10-01', endsOn: '2026-10-01' });
    const newer = plan({ name: 'November blast' });
    ({ db } = renderApp(`#/rounds/${older.id}`));
    await seed(older);
    await seed(newer);
    await screen.findByRole('heading', { name: 'Autumn sweep' });
    fireEvent.click(screen.getByRole('link', { name: 'Rounds' }));
    const links = await screen.findAllByRole('link', { name: /sweep|blast/ });
    expect(links.map((l) => l.textContent)).toEqual(['Continue: Autumn sweep', 'November blast']);
  });
});

describe('a plan changed on two devices', () => {
  it('shows both versions, keeps the one chosen and settles the conflict', async () => {
    const current = plan({ name: 'November blast' });
    const other = { ...current, name: 'November blast (Kim)', rooms: current.rooms.slice(0, 1) };
    ({ db } = renderApp(`#/rounds/${current.id}/plan`));
    await seed(current);
    await db.conflicts.put({
      id: '00000000-0000-4000-8000-00000000c0f1',
      entity: 'round',
      entityId: current.id,
      baseRev: 1,
      data: other,
      createdAt: '2026-11-23T09:00:00.000Z',
      resolved: 0,
    });
    await screen.findByRole('heading', { name: 'This plan was changed on two devices' });
    expect(screen.queryByLabelText('Round name')).toBeNull();
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Keep this version' }));

    expect(await screen.findByLabelText('Round name')).toHaveProperty(
      'value',
      'November blast (Kim)',
    );
    const [row] = await db.outbox.where('entity').equals('round').toArray();
    expect(row).toMatchObject({ resolves: ['00000000-0000-4000-8000-00000000c0f1'] });
    expect(Round.parse(row!.data).rooms).toHaveLength(1);
    expect(await db.conflicts.where('resolved').equals(0).count()).toBe(0);
  });
});
