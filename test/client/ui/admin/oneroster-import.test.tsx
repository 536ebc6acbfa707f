// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OneRosterImport } from '../../../../src/client/ui/admin/OneRosterImport';
import { planRoster } from '../../../../src/shared/oneroster/plan';
import type { RosterImportRequest } from '../../../../src/shared/oneroster/plan-schema';
import { readExport } from '../../../../src/shared/oneroster/read-export';
import { rosterFixture } from '../../../support/oneroster-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A server that plans with the shared rules against an empty district, as the real one does. */
function stubServer() {
  const requests: { path: string; body: RosterImportRequest }[] = [];
  const fetch = vi.fn(async (path: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as RosterImportRequest;
    requests.push({ path, body });
    const { roster, problems } = readExport(body.files);
    if (!roster || problems.length > 0)
      return Response.json(
        {
          error: {
            code: 'invalid_request',
            message: 'Nothing was imported; fix these rows and try again',
            details: problems.map((p) => ({
              path: `${p.file}, line ${p.line}, ${p.field}`,
              message: p.message,
            })),
          },
        },
        { status: 400 },
      );
    const { plan } = planRoster(roster, body.mapping, {
      schools: [],
      people: [],
      accounts: new Map(),
    });
    if (path.endsWith('/dry-run'))
      return Response.json({ ok: true, planId: 'p1', plan, problems: [] });
    return Response.json({
      plan,
      invites: plan.add.map((p) => ({ ...p, link: `/#/invite/${p.sourceId}-token-0123456789` })),
      emailOn: false,
    });
  });
  vi.stubGlobal('fetch', fetch);
  return requests;
}

const choose = (fixture: Parameters<typeof rosterFixture>[0]) => {
  const files = Object.entries(rosterFixture(fixture)).map(
    ([name, text]) => new File([text], name, { type: 'text/csv' }),
  );
  fireEvent.change(screen.getByLabelText('Choose export files (zip or CSV)'), {
    target: { files },
  });
};

describe('the OneRoster import', () => {
  it('shows the dry run, follows an edited mapping, and imports exactly that plan', async () => {
    const requests = stubServer();
    render(<OneRosterImport />);
    choose('bulk');
    await screen.findByText('Dry run: nothing is written yet');
    const counts = screen.getByRole('list', { name: 'Dry run summary' });
    expect(counts.textContent).toContain('3 to add');
    expect(counts.textContent).toContain('3 students and families skipped');
    expect(screen.getByText(/Carla Moss \(carla.moss@district.example\): principal/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('administrator'), { target: { value: 'coach' } });
    await screen.findByText(/Carla Moss \(carla.moss@district.example\): coach/);
    expect(requests.at(-1)?.body.mapping.administrator).toBe('coach');

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported: 3 added, 0 changed, 0 deactivated.');
    const last = requests.at(-1)!;
    expect(last.path).toBe('/api/roster/oneroster/import');
    expect(last.body.planId).toBe('p1');
    expect(screen.getByText(/Email is off on this server/)).toBeTruthy();
  });

  it('names every bad row and offers no import', async () => {
    stubServer();
    render(<OneRosterImport />);
    choose('bad-rows');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('users.csv, line 3, enabledUser: Must be true or false');
    expect(alert.textContent).toContain(
      'roles.csv, line 4, role: headmaster is not a OneRoster role',
    );
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });

  it('says so when no OneRoster file was chosen', async () => {
    const requests = stubServer();
    render(<OneRosterImport />);
    fireEvent.change(screen.getByLabelText('Choose export files (zip or CSV)'), {
      target: { files: [new File(['a,b'], 'classes.csv')] },
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('None of these'));
    expect(requests).toEqual([]);
  });
});
