// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../../src/client/data/observation-page';
import { saveObservation } from '../../../src/client/data/observations';
import { BIG_ROUND_ID, PROTOCOLS, SCHOOLS, storeYearsOfNotes } from '../../support/device-scale';
import { round } from '../../support/factories';
import { renderApp } from '../../support/render-app';

const threeSchools = {
  schools: SCHOOLS.map((id, i) => ({ id, name: `School ${i + 1}` })),
};
const rows = () => screen.queryAllByTestId('observation-row');

async function seriousViolations() {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the observations list with hundreds of notes', () => {
  afterEach(() => cleanup());

  it('puts only the newest page of rows in the page, and "Show more" adds the next', async () => {
    const { db } = renderApp('#/', undefined, { user: threeSchools });
    const notes = await storeYearsOfNotes(db, 300);
    await waitFor(() => expect(rows()).toHaveLength(PAGE_SIZE));
    expect(rows()[0]?.querySelector('a')?.getAttribute('href')).toBe(`#/observe/${notes[0]?.id}`);
    expect(screen.getByTestId('observation-list').children).toHaveLength(PAGE_SIZE);

    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(rows()).toHaveLength(PAGE_SIZE * 2));
    expect(rows()[PAGE_SIZE]?.querySelector('a')?.getAttribute('href')).toBe(
      `#/observe/${notes[PAGE_SIZE]?.id}`,
    );
  });

  it('shows a change to a note on the page at once', async () => {
    const { db } = renderApp('#/', undefined, { user: threeSchools });
    const notes = await storeYearsOfNotes(db, 120);
    await waitFor(() => expect(rows()).toHaveLength(PAGE_SIZE));
    expect(rows()[0]?.textContent).toContain('Synced');
    await saveObservation(db, { ...notes[0]!, room: '999' }, new Date());
    await waitFor(() => expect(rows()[0]?.textContent).toContain('Room 999'));
    expect(rows()[0]?.textContent).toContain('Waiting to sync');
  });

  it('narrows the list by school, protocol and day, and clears the filters', async () => {
    const { db } = renderApp('#/', undefined, { user: threeSchools });
    await storeYearsOfNotes(db, 300);
    await waitFor(() => expect(rows()).toHaveLength(PAGE_SIZE));

    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    const school = await screen.findByLabelText('School');
    fireEvent.change(school, { target: { value: SCHOOLS[1] } });
    await waitFor(() =>
      expect(rows().every((r) => r.textContent?.includes('School 2'))).toBe(true),
    );
    expect(rows()).toHaveLength(PAGE_SIZE);
    expect(screen.getByRole('button', { name: 'Filters (1)' })).toBeTruthy();

    const day = new Date(Date.UTC(2026, 10, 20, 12));
    const local = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    fireEvent.change(screen.getByLabelText('From'), { target: { value: local } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: local } });
    // Three notes a day, one in each school.
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(await seriousViolations()).toEqual([]);

    // That one note (School 2, that day) used the first protocol.
    const protocol = screen.getByLabelText('Protocol');
    await waitFor(() => expect(protocol.querySelectorAll('option').length).toBeGreaterThan(2));
    fireEvent.change(protocol, { target: { value: PROTOCOLS[1] } });
    await screen.findByText('No observations on this device match these filters.');
    fireEvent.change(protocol, { target: { value: PROTOCOLS[0] } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Filters (4)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rows()).toHaveLength(PAGE_SIZE));
    expect(screen.getByRole('button', { name: 'Filter' })).toBeTruthy();
  });

  it('lists the visits of one round', async () => {
    const { db } = renderApp('#/', undefined, { user: threeSchools });
    const notes = await storeYearsOfNotes(db, 300);
    const plan = round({ id: BIG_ROUND_ID, name: 'Fall blast', startsOn: '2026-10-01' });
    await db.records.put({
      entity: 'round',
      id: plan.id,
      data: plan,
      rev: 1,
      deleted: 0,
      updatedAt: plan.updatedAt,
    });
    await waitFor(() => expect(rows()).toHaveLength(PAGE_SIZE));
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    const select = await screen.findByLabelText('Round');
    fireEvent.change(select, { target: { value: BIG_ROUND_ID } });
    const visits = notes.filter((o) => o.roundId === BIG_ROUND_ID);
    await waitFor(() => expect(rows()).toHaveLength(visits.length));
    expect(rows().map((r) => r.querySelector('a')?.getAttribute('href'))).toEqual(
      visits.map((o) => `#/observe/${o.id}`),
    );
  });

  it('says how far a first pull has come while showing the notes already here', async () => {
    const { db } = renderApp('#/', undefined, { user: threeSchools });
    await db.meta.put({ key: 'pullProgress', value: { cursor: 400, latest: 1000 } });
    await storeYearsOfNotes(db, 60);
    expect((await screen.findByTestId('pull-progress')).textContent).toContain(
      'Fetching your notes… 40%',
    );
    await waitFor(() => expect(rows()).toHaveLength(PAGE_SIZE));
    await db.meta.delete('pullProgress');
    await waitFor(() => expect(screen.queryByTestId('pull-progress')).toBeNull());
  });
});
