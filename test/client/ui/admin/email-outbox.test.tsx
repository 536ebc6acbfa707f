// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmailOutboxPanel } from '../../../../src/client/ui/admin/EmailOutboxPanel';
import type { OutboxEntry } from '../../../../src/shared/answers/outbox';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const entry = (overrides: Partial<OutboxEntry>): OutboxEntry => ({
  id: crypto.randomUUID(),
  kind: 'invite',
  to: 'someone@lincoln.example',
  subject: 'You are invited to Lookfor',
  status: 'sent',
  attempts: 1,
  lastError: null,
  createdAt: '2026-12-01T02:00:00.000Z',
  nextAttemptAt: null,
  sentAt: '2026-12-01T02:00:05.000Z',
  failedAt: null,
  retryable: false,
  ...overrides,
});

describe('the email outbox', () => {
  it('shows a failed email with its error and retries it on "Retry now"', async () => {
    const failed = entry({
      kind: 'visit-booked',
      to: 'hana@lincoln.example',
      status: 'failed',
      attempts: 12,
      lastError: 'connect ECONNREFUSED 10.0.0.5:587',
      sentAt: null,
      failedAt: '2026-12-01T08:00:00.000Z',
      retryable: true,
    });
    const paths: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (path: string, init?: RequestInit) => {
        paths.push(`${init?.method ?? 'GET'} ${path}`);
        if (init?.method === 'POST') {
          return Response.json({ entry: { ...failed, status: 'retrying', attempts: 0 } });
        }
        return Response.json({ emailOn: true, entries: [failed, entry({})] });
      }),
    );
    render(<EmailOutboxPanel />);
    expect(await screen.findByText('connect ECONNREFUSED 10.0.0.5:587')).toBeTruthy();
    expect(screen.getByText('Visit booked')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^Retry now/ })).toHaveLength(1);
    fireEvent.click(
      screen.getByRole('button', { name: 'Retry now: Visit booked to hana@lincoln.example' }),
    );
    await waitFor(() => expect(paths).toContain(`POST /api/admin/emails/${failed.id}/retry`));
    await waitFor(() => expect(paths.filter((p) => p === 'GET /api/admin/emails')).toHaveLength(2));
  });

  it('says when email is off', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ emailOn: false, entries: [] })),
    );
    render(<EmailOutboxPanel />);
    expect(await screen.findByText(/Email is off/)).toBeTruthy();
    expect(screen.getByText('No emails.')).toBeTruthy();
  });
});
