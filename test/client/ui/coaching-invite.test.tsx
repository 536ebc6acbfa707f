// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LookforDb } from '../../../src/client/data/db';
import { Visit } from '../../../src/shared/visits';
import { renderApp } from '../../support/render-app';

const school = 'b1000000-0000-4000-8000-0000000000b1';
const teacher = { id: '40000000-0000-4000-8000-000000000001', name: 'Ms Host' };
const coach = { id: '40000000-0000-4000-8000-000000000005', name: 'Coach Rivera' };
const now = () => new Date('2026-11-23T09:30:00Z');
const member = (who: typeof teacher, role: 'teacher' | 'coach') => ({
  ...who,
  districtAdmin: false,
  memberships: [{ schoolId: school, schoolName: 'Lincoln Elementary', role }],
  schools: [{ id: school, name: 'Lincoln Elementary' }],
});

let db: LookforDb;
afterEach(() => {
  cleanup();
  db?.close();
  vi.unstubAllGlobals();
});

describe('coaching invitations', () => {
  it('lets a teacher invite a coach of the school with a focus, and the coach sees it', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json({ coaches: [{ schoolId: school, id: coach.id, name: coach.name }] }),
      ),
    );
    ({ db } = renderApp('#/visits/new/coaching', now, { user: member(teacher, 'teacher') }));
    await screen.findByRole('heading', { name: 'Invite a coach' });
    fireEvent.input(screen.getByLabelText('Room'), { target: { value: 'Room 9' } });
    fireEvent.input(screen.getByLabelText("What I'd like you to notice"), {
      target: { value: 'Are my exit tickets telling me enough?' },
    });
    fireEvent.input(screen.getByLabelText('Date'), { target: { value: '2026-11-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the invitation' }));
    expect(await screen.findByText('Choose the coach you invite')).toBeTruthy();
    await screen.findByRole('option', { name: coach.name });
    fireEvent.change(screen.getByLabelText('Coach'), { target: { value: coach.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the invitation' }));
    await screen.findByRole('heading', { name: /Coaching visit · your room, Room 9/ });
    const stored = (await db.records.toArray()).map((r) => Visit.parse(r.data));
    expect(stored).toEqual([
      expect.objectContaining({
        kind: 'coaching',
        hostId: teacher.id,
        observerId: coach.id,
        observerName: coach.name,
        focus: 'Are my exit tickets telling me enough?',
      }),
    ]);
    cleanup();
    const invitation = stored[0]!;
    const coachApp = renderApp('#/visits', now, { user: member(coach, 'coach') });
    await coachApp.db.records.put({
      entity: 'visit',
      id: invitation.id,
      data: invitation,
      rev: 1,
      deleted: 0,
      updatedAt: now().toISOString(),
    });
    await screen.findByText(/Coaching visit · Ms Host, Room 9/);
    expect(screen.getByText('Invited you')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Invite a coach' })).toBeNull();
    await waitFor(() => expect(screen.getByText('My visits')).toBeTruthy());
    coachApp.db.close();
  });
});
