// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErasePersonButton } from '../../../../src/client/ui/admin/ErasePersonButton';
import { DirectoryPerson } from '../../../../src/shared/staff-directory';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const person = DirectoryPerson.parse({
  userId: '70000000-0000-4000-8000-000000000001',
  name: 'Dana Leaver',
  email: 'dana@district.example',
  role: 'teacher',
  status: 'deactivated',
  lastSignInAt: null,
});

function stubServer() {
  const fetch = vi.fn(async () =>
    Response.json({ notes: 3, observations: 1, photos: 2, sessions: 0 }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe("deleting a person's data on request", () => {
  it('asks first, and Cancel deletes nothing', async () => {
    const fetch = stubServer();
    render(<ErasePersonButton person={person} onErased={vi.fn()} onProblem={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete data of Dana Leaver' }));
    expect(screen.getByText("Delete Dana Leaver's data?")).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByText("Delete Dana Leaver's data?")).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('deletes after the confirmation and reports the counts', async () => {
    const fetch = stubServer();
    const onErased = vi.fn();
    render(<ErasePersonButton person={person} onErased={onErased} onProblem={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete data of Dana Leaver' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete their data' }));
    await waitFor(() =>
      expect(onErased).toHaveBeenCalledWith(
        "Dana Leaver's data is deleted: 3 notes, 1 observation outside rounds, 2 photos; 0 sessions ended.",
      ),
    );
    expect(fetch).toHaveBeenCalledWith(
      `/api/staff/${person.userId}/erase`,
      expect.objectContaining({ method: 'POST' }),
    );
  });
});
