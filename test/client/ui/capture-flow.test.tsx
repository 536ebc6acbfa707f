// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LookforDb } from '../../../src/client/data/db';
import { Observation } from '../../../src/shared/observation';
import { renderApp } from '../../support/render-app';

describe('the capture flow', () => {
  let db: LookforDb;
  let saves: () => number;

  beforeEach(() => {
    ({ db, saves } = renderApp('#/'));
  });
  afterEach(() => {
    cleanup();
    db.close();
  });

  async function startRoom(room: string, grade: string, subject: string) {
    fireEvent.click(await screen.findByRole('link', { name: 'Start an observation' }));
    await screen.findByRole('heading', { name: 'Start an observation' });
    fireEvent.input(screen.getByLabelText('School'), { target: { value: 'Lincoln' } });
    fireEvent.input(screen.getByLabelText('Room'), { target: { value: room } });
    fireEvent.click(screen.getByLabelText(grade));
    fireEvent.input(screen.getByLabelText('Subject'), { target: { value: subject } });
    fireEvent.input(screen.getByLabelText('Observer (your name)'), { target: { value: 'Sam' } });
    await screen.findByLabelText(/Blast Walkthrough: Empowered Learning/);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await screen.findByRole('heading', { name: new RegExp(`Room ${room}`) });
  }

  const stored = async () => {
    const records = await db.records.toArray();
    return records.map((r) => Observation.parse(r.data));
  };

  it('starts, taps, notes and finishes an observation, saving every step', async () => {
    await screen.findByText(/No observations on this device yet/);
    fireEvent.click(screen.getByRole('link', { name: 'Start an observation' }));

    await screen.findByRole('heading', { name: 'Start an observation' });
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByText('Room is required')).toBeTruthy();
    expect(await stored()).toEqual([]);

    fireEvent.input(screen.getByLabelText('School'), { target: { value: 'Lincoln Elementary' } });
    fireEvent.input(screen.getByLabelText('Room'), { target: { value: '114' } });
    fireEvent.click(screen.getByLabelText('Grade 3-5'));
    fireEvent.input(screen.getByLabelText('Subject'), { target: { value: 'Math' } });
    fireEvent.input(screen.getByLabelText('Observer (your name)'), {
      target: { value: 'Coach Rivera' },
    });
    await screen.findByLabelText(/Blast Walkthrough: Empowered Learning/);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));

    await screen.findByRole('heading', { name: 'Room 114 · Grade 3-5 · Math' });
    const [started] = await stored();
    expect(started).toMatchObject({
      room: '114',
      gradeBand: '3-5',
      status: 'draft',
      responses: {},
    });

    const peer = await screen.findByRole('group', {
      name: 'Students explain their thinking to a peer',
    });
    fireEvent.click(within(peer).getByRole('button', { name: 'Seen' }));
    await waitFor(() =>
      expect(within(peer).getByRole('button', { name: 'Seen' }).getAttribute('aria-pressed')).toBe(
        'true',
      ),
    );
    const choice = await screen.findByRole('group', {
      name: 'Students make a choice about how they learn or show learning',
    });
    fireEvent.click(within(choice).getByRole('button', { name: 'Not seen' }));
    await screen.findByText('2 of 8 look-fors answered');

    fireEvent.input(screen.getByLabelText('Low-inference notes'), {
      target: { value: 'Pairs compared two strategies.' },
    });
    await waitFor(async () =>
      expect((await stored())[0]?.notes).toBe('Pairs compared two strategies.'),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Finish observation' }));
    await screen.findByRole('heading', { name: 'My observations' });
    expect(await screen.findByText('Waiting to sync')).toBeTruthy();

    const [finished] = await stored();
    expect(finished).toMatchObject({
      status: 'complete',
      endedAt: '2026-11-23T09:30:00.000Z',
      notes: 'Pairs compared two strategies.',
      responses: { 'students-talk-to-peer': 'seen', 'students-choose': 'not_seen' },
    });
    // Every edit reached the outbox, folded into the one unsent mutation.
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.data).toEqual(finished);
    expect(saves()).toBeGreaterThanOrEqual(5);
    expect(screen.getByTestId('sync-status').textContent).toContain('Offline. 1 note waiting');
  });

  it('clears an answer when the chosen answer is tapped again', async () => {
    await startRoom('9', 'Mixed', 'Art');

    const group = await screen.findByRole('group', {
      name: 'Students ask questions of the teacher or each other',
    });
    fireEvent.click(within(group).getByRole('button', { name: 'N/A' }));
    await screen.findByText('1 of 8 look-fors answered');
    fireEvent.click(within(group).getByRole('button', { name: 'N/A' }));
    await screen.findByText('0 of 8 look-fors answered');
    expect((await stored())[0]?.responses).toEqual({});
  });

  it('tells the user when a tap cannot be saved, and changes nothing', async () => {
    await startRoom('12', 'PreK', 'Play');

    db.outbox.hook('updating', () => {
      throw new Error('QuotaExceededError: the disk is full');
    });
    const group = await screen.findByRole('group', {
      name: 'Students give, receive or use feedback',
    });
    fireEvent.click(within(group).getByRole('button', { name: 'Seen' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('could not be saved on this device');
    expect(alert.textContent).toContain('the disk is full');
    expect(within(group).getByRole('button', { name: 'Seen' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    expect((await stored())[0]?.responses).toEqual({});
  });
});
