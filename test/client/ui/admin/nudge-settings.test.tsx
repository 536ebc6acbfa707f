// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NudgeList } from '../../../../src/shared/evidence/nudges';
import { NudgeSettings } from '../../../../src/client/ui/admin/NudgeSettings';
import { linesOf, listOf } from '../../../../src/client/ui/admin/nudge-lines';

const LINCOLN = '61000000-0000-4000-8000-000000000001';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the judgement words as the principal edits them', () => {
  it('reads "phrase: suggestion" lines, keeps a known word’s exceptions and skips blanks', () => {
    const before: NudgeList = [
      { phrase: 'engaged', suggestion: 'In what?', unlessFollowedBy: ['in'] },
    ];
    expect(linesOf(before)).toBe('engaged: In what?');
    expect(
      listOf('engaged: Engaged in what?\n\n  super  \nlazy: Say what they did', before),
    ).toEqual([
      { phrase: 'engaged', suggestion: 'Engaged in what?', unlessFollowedBy: ['in'] },
      { phrase: 'super', suggestion: 'What did you see or hear?' },
      { phrase: 'lazy', suggestion: 'Say what they did' },
    ]);
  });

  it('saves the school’s own list, and says why the server refused one', async () => {
    let stored: NudgeList = [{ phrase: 'great', suggestion: 'What did you see?' }];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (path: string, init?: RequestInit) => {
        if (path === '/api/dashboard/options') {
          return Response.json({
            schools: [
              { id: LINCOLN, name: 'Lincoln', shareWithStaff: true, mayChangeSharing: true },
            ],
          });
        }
        if (init?.method === 'PUT') {
          const words = (JSON.parse(String(init.body)) as { words: NudgeList }).words;
          if (words.some((w) => w.phrase.length < 2)) {
            return Response.json(
              {
                error: {
                  code: 'invalid_request',
                  message: 'Check the highlighted fields',
                  details: [
                    { path: 'words.0.phrase', message: 'A nudge word needs at least 2 characters' },
                  ],
                },
              },
              { status: 400 },
            );
          }
          stored = words;
        }
        return Response.json({ schoolId: LINCOLN, words: stored, custom: init?.method === 'PUT' });
      }),
    );
    render(<NudgeSettings />);
    const box = (await screen.findByLabelText('Words and suggestions')) as HTMLTextAreaElement;
    await waitFor(() => expect(box.value).toBe('great: What did you see?'));
    expect(screen.getByText(/uses the starter list/)).toBeTruthy();
    fireEvent.input(box, { target: { value: 'great: What did you see?\nsuper' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save words' }));
    await screen.findByText('Saved 2 words.');
    expect(stored.map((w) => w.phrase)).toEqual(['great', 'super']);
    fireEvent.input(box, { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save words' }));
    expect((await screen.findByRole('alert')).textContent).toContain('at least 2 characters');
    expect(stored.map((w) => w.phrase)).toEqual(['great', 'super']);
  });
});
