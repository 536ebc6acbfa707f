// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '../../../../src/client/ui/dialogs/ConfirmDialog';

afterEach(cleanup);

function renderDialog() {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  render(
    <>
      <button type="button">Publish version 2</button>
      <ConfirmDialog
        title="Publish version 2?"
        confirmLabel="Publish"
        onConfirm={onConfirm}
        onCancel={onCancel}
      >
        <p>This cannot be undone: a published version never changes.</p>
      </ConfirmDialog>
    </>,
  );
  return { onConfirm, onCancel };
}

describe('the confirmation dialog', () => {
  it('is a dialog named by its question and described by what cannot be undone', () => {
    renderDialog();
    const dialog = screen.getByRole('dialog', { name: 'Publish version 2?' });
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    const description = document.getElementById(dialog.getAttribute('aria-describedby')!);
    expect(description?.textContent).toContain('cannot be undone');
  });

  it('starts on Cancel, so a stray Enter changes nothing', () => {
    renderDialog();
    expect(document.activeElement?.textContent).toBe('Cancel');
  });

  it('goes ahead only on the confirm button', () => {
    const { onConfirm, onCancel } = renderDialog();
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('cancels on Cancel and on Escape', () => {
    const { onConfirm, onCancel } = renderDialog();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('gives focus back to where it was when it closes', () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const { unmount } = render(
      <ConfirmDialog title="Close?" confirmLabel="Close" onConfirm={() => {}} onCancel={() => {}}>
        <p>Closing ends walking.</p>
      </ConfirmDialog>,
    );
    expect(document.activeElement).not.toBe(opener);
    unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});
