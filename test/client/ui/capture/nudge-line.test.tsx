// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STARTER_NUDGES } from '../../../../src/shared/evidence/nudges';
import { nudgeText } from '../../../../src/client/ui/capture/NudgeLine';
import { TextAnswer } from '../../../../src/client/ui/capture/TextAnswer';

afterEach(cleanup);

const line = () => document.getElementById('notes-nudge')!;

describe('the nudge under a note', () => {
  it('names the judging words and what to write instead', () => {
    expect(nudgeText('A great lesson, students engaged.', STARTER_NUDGES)).toBe(
      '“great lesson”, “engaged” — What did you see or hear? Name what students said or did.',
    );
    expect(nudgeText('Students engaged in partner talk.', STARTER_NUDGES)).toBe('');
  });

  it('appears after a pause in typing, politely, while every keystroke is still saved', async () => {
    const saved = vi.fn();
    render(<TextAnswer id="notes" value="" readOnly={false} nudges onChange={saved} />);
    const box = screen.getByRole('textbox');
    expect(line().getAttribute('aria-live')).toBe('polite');
    expect(box.getAttribute('aria-describedby')).toBe('notes-nudge');
    expect(line().textContent).toBe('');
    box.focus();
    fireEvent.input(box, { target: { value: 'The class was chaotic' } });
    expect(saved).toHaveBeenLastCalledWith('The class was chaotic');
    await waitFor(() =>
      expect(line().textContent).toContain('“chaotic” — What did you see or hear?'),
    );
    // The nudge never takes the caret away.
    expect(document.activeElement).toBe(box);
    fireEvent.input(box, { target: { value: 'Four groups talked over one another' } });
    await waitFor(() => expect(line().textContent).toBe(''));
  });

  it('is not there for a read-only note or a field that does not ask for it', () => {
    render(<TextAnswer id="notes" value="great" readOnly nudges onChange={() => {}} />);
    expect(document.getElementById('notes-nudge')).toBeNull();
    cleanup();
    render(<TextAnswer id="notes" value="great" readOnly={false} onChange={() => {}} />);
    expect(document.getElementById('notes-nudge')).toBeNull();
  });
});
