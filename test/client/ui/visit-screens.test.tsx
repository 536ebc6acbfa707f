// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { LookforDb } from '../../../src/client/data/db';
import { loadPrefs } from '../../../src/client/data/prefs';
import type { StoreUser } from '../../../src/client/data/store';
import type { SchoolRole } from '../../../src/shared/accounts';
import type { SharedNote } from '../../../src/shared/visits';
import { Reflection, Visit, VisitNote } from '../../../src/shared/visits';
import { renderApp } from '../../support/render-app';
import { visit } from '../../support/visit-factories';

const school = 'b1000000-0000-4000-8000-0000000000b1';
const host = { id: '40000000-0000-4000-8000-000000000001', name: 'Ms Host' };
const observer = { id: '40000000-0000-4000-8000-000000000002', name: 'Mr Colleague' };
const principal = { id: '40000000-0000-4000-8000-000000000004', name: 'Dr Principal' };
const now = () => new Date('2026-11-23T09:30:00Z');

let db: LookforDb;
afterEach(() => {
  cleanup();
  db?.close();
});

const as = (
  who: { id: string; name: string },
  role: SchoolRole = 'teacher',
): Partial<StoreUser> => ({
  ...who,
  districtAdmin: false,
  memberships: [{ schoolId: school, schoolName: 'Lincoln Elementary', role }],
  schools: [{ id: school, name: 'Lincoln Elementary' }],
});

async function seriousViolations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const records = async <T,>(entity: string, schema: { parse: (d: unknown) => T }) =>
  (await db.records.where('entity').equals(entity).toArray()).map((r) => schema.parse(r.data));

const offer = visit({ schoolId: school, hostId: host.id, hostName: host.name });
const booked: Visit = {
  ...offer,
  observerId: observer.id,
  observerName: observer.name,
  needsCoverage: true,
};
const seed = (entity: string, id: string, data: unknown) =>
  db.records.put({
    entity: entity as never,
    id,
    data,
    rev: 1,
    deleted: 0,
    updatedAt: now().toISOString(),
  });

describe('visit screens', () => {
  it('posts an open-door offer with a focus question, refusing one without', async () => {
    ({ db } = renderApp('#/visits/new/peer', now, { user: as(host) }));
    await screen.findByRole('heading', { name: 'Open my door' });
    fireEvent.input(screen.getByLabelText('Room'), { target: { value: 'Room 114' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post the offer' }));
    expect(await screen.findByText('Focus question is required')).toBeTruthy();
    expect(await records('visit', Visit)).toEqual([]);

    fireEvent.input(screen.getByLabelText('Date'), { target: { value: '2026-11-30' } });
    fireEvent.input(screen.getByLabelText('Time'), { target: { value: '13:15' } });
    fireEvent.input(screen.getByLabelText("What I'd like you to notice"), {
      target: { value: 'How do partners explain their strategies?' },
    });
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Post the offer' }));
    await screen.findByRole('heading', { name: /Peer visit · your room, Room 114/ });
    const [stored] = await records('visit', Visit);
    expect(stored).toMatchObject({
      kind: 'peer',
      hostId: host.id,
      hostName: host.name,
      observerId: null,
      focus: 'How do partners explain their strategies?',
      minutes: 30,
    });
    expect(await db.outbox.count()).toBe(1);
  });

  it('lets a colleague book an open offer and ask for a substitute', async () => {
    ({ db } = renderApp('#/visits', now, { user: as(observer) }));
    await seed('visit', offer.id, offer);
    await screen.findByText(offer.focus);
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(screen.getByLabelText('My class needs a substitute while I visit'));
    fireEvent.click(screen.getByRole('button', { name: /Book this visit to Ms Host/ }));
    await screen.findByRole('button', { name: 'Take notes' });
    const [stored] = await records('visit', Visit);
    expect(stored).toMatchObject({ observerId: observer.id, needsCoverage: true });
    expect(screen.getByRole('button', { name: 'Add to calendar (.ics)' })).toBeTruthy();
  });

  it('keeps the host’s focus on top while the observer notes, saving every keystroke', async () => {
    ({ db } = renderApp(`#/visits/${booked.id}`, now, { user: as(observer) }));
    await seed('visit', booked.id, booked);
    fireEvent.click(await screen.findByRole('button', { name: 'Take notes' }));
    await screen.findByRole('note', { name: "The host's focus" });
    expect(screen.getByText(booked.focus)).toBeTruthy();
    const noticings = screen.getByLabelText('Noticings');
    fireEvent.input(noticings, { target: { value: 'Pairs' } });
    fireEvent.input(noticings, { target: { value: 'Pairs compare' } });
    fireEvent.input(screen.getByLabelText('Students doing'), { target: { value: 'Pointing' } });
    await waitFor(async () =>
      expect((await records('visit-note', VisitNote))[0]).toMatchObject({
        notes: 'Pairs compare',
        studentsDoing: 'Pointing',
        status: 'draft',
      }),
    );
    expect(await seriousViolations()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Finish the visit' }));
    await screen.findByRole('heading', { name: 'After your visit to Ms Host' });
    for (const box of screen.getAllByRole('checkbox'))
      expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.input(screen.getByLabelText('One glow'), { target: { value: 'The talk stems' } });
    fireEvent.click(screen.getByLabelText(/^Glow/));
    fireEvent.input(screen.getByLabelText('What I will try in my room'), {
      target: { value: 'Stems on my tables' },
    });
    await waitFor(async () =>
      expect((await records('visit-note', VisitNote))[0]).toMatchObject({
        status: 'complete',
        glow: 'The talk stems',
        reflection: 'Stems on my tables',
        share: { glow: true, notes: false, studentsDoing: false },
      }),
    );
    expect(await seriousViolations()).toEqual([]);
  });

  it('shows the host only what was shared, beside both reflections, and saves the host’s', async () => {
    ({ db } = renderApp(`#/visits/${booked.id}/debrief`, now, { user: as(host) }));
    const shared: SharedNote = {
      noteId: crypto.randomUUID(),
      visitId: booked.id,
      observerId: observer.id,
      hostId: host.id,
      protocolId: booked.protocolId,
      protocolVersion: booked.protocolVersion,
      glow: 'The talk stems',
      sharedAt: now().toISOString(),
    };
    await seed('visit', booked.id, booked);
    await seed('shared-note', shared.noteId, shared);
    const theirs: Reflection = {
      id: crypto.randomUUID(),
      visitId: booked.id,
      authorId: observer.id,
      text: 'I will try stems',
      updatedAt: now().toISOString(),
    };
    await seed('reflection', theirs.id, theirs);
    expect(await screen.findByText('The talk stems')).toBeTruthy();
    expect(screen.getByText('I will try stems')).toBeTruthy();
    expect(screen.queryByText('Noticings')).toBeNull();
    fireEvent.input(screen.getByLabelText(/Your reflection/), {
      target: { value: 'Keep the stems up' },
    });
    await waitFor(async () =>
      expect((await records('reflection', Reflection)).map((r) => r.text).sort()).toEqual([
        'I will try stems',
        'Keep the stems up',
      ]),
    );
    expect(await seriousViolations()).toEqual([]);
  });

  it('lists the visits needing cover for the principal, who marks one arranged', async () => {
    ({ db } = renderApp('#/visits/coverage', now, { user: as(principal, 'principal') }));
    await seed('visit', booked.id, booked);
    await screen.findByText('Mr Colleague visits Ms Host, Room 114');
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(screen.getByLabelText('Substitute arranged'));
    await waitFor(async () =>
      expect((await records('visit', Visit))[0]).toMatchObject({ coverageArranged: true }),
    );
    expect(document.body.textContent).not.toContain(booked.focus);
  });
  it('remembers the school chosen last for the visits of a person in two schools', async () => {
    const second = 'c2000000-0000-4000-8000-0000000000c2';
    const twoSchools: Partial<StoreUser> = {
      ...as(observer),
      memberships: [
        { schoolId: school, schoolName: 'Lincoln Elementary', role: 'teacher' },
        { schoolId: second, schoolName: 'Roosevelt Middle', role: 'teacher' },
      ],
    };
    ({ db } = renderApp('#/visits', now, { user: twoSchools }));
    await screen.findByRole('heading', { name: 'Open doors at Lincoln Elementary' });
    fireEvent.change(screen.getByLabelText('School'), { target: { value: second } });
    await screen.findByRole('heading', { name: 'Open doors at Roosevelt Middle' });
    await waitFor(async () => expect((await loadPrefs()).schoolId).toBe(second));
    cleanup();
    db.close();
    // Nothing shows for the first school before the remembered one is read: the
    // screen would change under the reader's finger (a layout shift).
    const headings = new Set<string>();
    const watch = new MutationObserver(() =>
      document.querySelectorAll('h3').forEach((h) => headings.add(h.textContent ?? '')),
    );
    watch.observe(document.body, { childList: true, subtree: true, characterData: true });
    ({ db } = renderApp('#/visits', now, { user: twoSchools }));
    await screen.findByRole('heading', { name: 'Open doors at Roosevelt Middle' });
    watch.disconnect();
    expect([...headings]).not.toContain('Open doors at Lincoln Elementary');
    expect(await seriousViolations()).toEqual([]);
  });
});
