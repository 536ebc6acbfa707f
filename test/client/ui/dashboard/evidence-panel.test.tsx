// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EvidencePanel } from '../../../../src/client/ui/dashboard/EvidencePanel';
import type { Evidence } from '../../../../src/shared/dashboard';

const ROUND = '50000000-0000-4000-8000-000000000001';
const leaderView: Evidence = {
  suppressed: false,
  staffView: false,
  notes: ['Exit tickets on every desk.', 'Socratic circle; 12 students spoke in room 14.'],
  quotes: [],
  picks: [{ id: 'p1', kind: 'note', lookForId: null, text: 'Exit tickets' }],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function stubFetch(answer: () => Response) {
  const fetch = vi.fn(async (_path: string, _init?: RequestInit) => answer());
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const renderPanel = (evidence: Evidence, roundId: string | null = ROUND) => {
  const onChanged = vi.fn();
  render(
    <EvidencePanel evidence={evidence} threshold={5} roundId={roundId} onChanged={onChanged} />,
  );
  return onChanged;
};

describe('the evidence panel', () => {
  it('lets a leader share a trimmed note with staff', async () => {
    const fetch = stubFetch(() =>
      Response.json(
        { id: 'p2', kind: 'note', lookForId: null, text: 'Socratic circle' },
        { status: 201 },
      ),
    );
    const onChanged = renderPanel(leaderView);
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Share with staff: Socratic circle; 12 students spoke in room 14.',
      }),
    );
    const editor = screen.getByLabelText<HTMLTextAreaElement>('Text staff will read');
    expect(editor.value).toBe('Socratic circle; 12 students spoke in room 14.');
    fireEvent.input(editor, { target: { value: 'Socratic circle' } });
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    const [path, init] = fetch.mock.calls[0]!;
    expect(path).toBe('/api/dashboard/staff-evidence');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({
      roundId: ROUND,
      kind: 'note',
      text: 'Socratic circle',
    });
    expect(screen.queryByLabelText('Text staff will read')).toBeNull();
  });

  it('shows why the server refused a shared text, and keeps the editor open', async () => {
    stubFetch(() =>
      Response.json(
        {
          error: {
            code: 'invalid_request',
            message: 'Only a note of this round, or a part of one, can be shared',
          },
        },
        { status: 400 },
      ),
    );
    const onChanged = renderPanel(leaderView);
    fireEvent.click(
      screen.getByRole('button', { name: 'Share with staff: Exit tickets on every desk.' }),
    );
    fireEvent.input(screen.getByLabelText('Text staff will read'), {
      target: { value: 'Something nobody wrote' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Only a note of this round, or a part of one, can be shared',
    );
    expect(onChanged).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Text staff will read')).toBeTruthy();
  });

  it('lists what staff read, each with a Remove button that takes it back', async () => {
    const fetch = stubFetch(() => Response.json({ id: 'p1', removed: true }));
    const onChanged = renderPanel(leaderView);
    expect(screen.getByRole('heading', { name: 'Shared with staff' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove from staff view: Exit tickets' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    const [path, init] = fetch.mock.calls[0]!;
    expect(path).toBe('/api/dashboard/staff-evidence/p1');
    expect(init?.method).toBe('DELETE');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
  });

  it('lets a leader share a student quote of one look-for', async () => {
    const fetch = stubFetch(() =>
      Response.json(
        { id: 'p3', kind: 'quote', lookForId: 'student-voice', text: 'We find patterns' },
        { status: 201 },
      ),
    );
    const onChanged = renderPanel({
      ...leaderView,
      quotes: [
        {
          lookForId: 'student-voice',
          text: 'What students say they are learning',
          quotes: ['We find patterns in room 14'],
        },
      ],
    });
    fireEvent.click(screen.getByText('Student quotes: What students say they are learning (1)'));
    fireEvent.click(
      screen.getByRole('button', { name: 'Share with staff: We find patterns in room 14' }),
    );
    fireEvent.input(screen.getByLabelText('Text staff will read'), {
      target: { value: 'We find patterns' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(JSON.parse(String(fetch.mock.calls[0]![1]?.body))).toEqual({
      roundId: ROUND,
      kind: 'quote',
      lookForId: 'student-voice',
      text: 'We find patterns',
    });
  });

  it('shows none of an answer an older version of the app kept on the device', () => {
    const kept = { suppressed: false, notes: ['Exit tickets on every desk.'], quotes: [] };
    renderPanel(kept as unknown as Evidence);
    expect(screen.queryByText('Exit tickets on every desk.')).toBeNull();
    expect(screen.getByText('Reconnect to read the evidence of this view.')).toBeTruthy();
  });

  it('offers no sharing for a date range: staff read evidence round by round', () => {
    renderPanel({ ...leaderView, picks: [] }, null);
    expect(screen.queryByRole('button', { name: /Share with staff/ })).toBeNull();
    expect(screen.getByText('Choose a round to share notes with staff.')).toBeTruthy();
  });

  it('shows a teacher only what leaders shared, with no way to share', () => {
    renderPanel({ suppressed: false, staffView: true, notes: ['Socratic circle'], quotes: [] });
    expect(screen.getByRole('heading', { name: 'Evidence your leaders shared' })).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Socratic circle',
    ]);
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('tells a teacher when leaders have shared nothing yet, or share by round', () => {
    renderPanel({ suppressed: false, staffView: true, notes: [], quotes: [] });
    expect(
      screen.getByText('Your leaders have not shared any notes from this round yet.'),
    ).toBeTruthy();
    cleanup();
    renderPanel(
      { suppressed: false, staffView: true, notes: [], quotes: [], roundsOnly: true },
      null,
    );
    expect(
      screen.getByText('Your leaders share notes round by round: choose a round to read them.'),
    ).toBeTruthy();
  });
});
