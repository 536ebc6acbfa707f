// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UndoToast } from '../../../../src/client/ui/dialogs/UndoToast';

afterEach(cleanup);

describe('the undo toast', () => {
  it('says what was done, as a status, with focus on Undo', () => {
    render(<UndoToast message="Deleted look-for 2" onUndo={() => {}} onDismiss={() => {}} />);
    expect(screen.getByRole('status').textContent).toContain('Deleted look-for 2');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Undo' }));
  });

  it('undoes, or goes away when dismissed', () => {
    const onUndo = vi.fn();
    const onDismiss = vi.fn();
    render(<UndoToast message="Deleted look-for 2" onUndo={onUndo} onDismiss={onDismiss} />);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onUndo).toHaveBeenCalledTimes(1);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});
