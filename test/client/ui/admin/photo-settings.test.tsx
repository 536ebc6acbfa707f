// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PhotoSettings } from '../../../../src/client/ui/admin/PhotoSettings';

const LINCOLN = '60000000-0000-4000-8000-000000000001';
const WEST = '60000000-0000-4000-8000-000000000002';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A server holding each school's setting; answers like the real routes. */
function stubServer(allowed: Record<string, boolean>, refusePut = false) {
  const fetch = vi.fn(async (path: string, init?: RequestInit) => {
    if (path === '/api/dashboard/options') {
      return Response.json({
        schools: [
          { id: LINCOLN, name: 'Lincoln', shareWithStaff: true, mayChangeSharing: true },
          { id: WEST, name: 'West', shareWithStaff: true, mayChangeSharing: false },
        ],
      });
    }
    const id = /\/api\/schools\/([^/]+)\/photos/.exec(path)?.[1] ?? '';
    if (init?.method === 'PUT') {
      if (refusePut) {
        return Response.json(
          { error: { code: 'forbidden', message: 'Only a principal or a district admin decides' } },
          { status: 403 },
        );
      }
      allowed[id] = (JSON.parse(String(init.body)) as { photosAllowed: boolean }).photosAllowed;
    }
    return Response.json({ schoolId: id, photosAllowed: allowed[id] ?? true });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('the photo setting of each school', () => {
  it('lists only the schools this person decides for, and turns photos off', async () => {
    const allowed: Record<string, boolean> = { [LINCOLN]: true, [WEST]: true };
    stubServer(allowed);
    render(<PhotoSettings />);
    const box = await screen.findByLabelText('Allow photos in Lincoln');
    expect(screen.queryByLabelText('Allow photos in West')).toBeNull();
    expect((box as HTMLInputElement).checked).toBe(true);
    fireEvent.click(box);
    await waitFor(() => expect(allowed[LINCOLN]).toBe(false));
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(false));
  });

  it('says why a change was refused, and the school’s setting stays as it was', async () => {
    const allowed: Record<string, boolean> = { [LINCOLN]: false };
    stubServer(allowed, true);
    render(<PhotoSettings />);
    const box = (await screen.findByLabelText('Allow photos in Lincoln')) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Only a principal or a district admin decides',
    );
    expect(allowed[LINCOLN]).toBe(false);
  });
});
