// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LookForItem } from '../../../../src/client/ui/capture/LookForItem';
import type { ResponseValue } from '../../../../src/shared/response';
import { lookFor } from '../../../support/factories';

afterEach(cleanup);

/** A write the test finishes by hand, as IndexedDB would some time after the tap. */
function slowWrite() {
  let finish: (result: true | null) => void = () => undefined;
  const promise = new Promise<true | null>((resolve) => {
    finish = resolve;
  });
  return { promise, finish };
}

const item = (value: ResponseValue | undefined, onChange: (v: ResponseValue | null) => unknown) => (
  <ol>
    <LookForItem
      lookFor={lookFor({ id: 'talk', text: 'Students explain their thinking to a peer' })}
      number={1}
      value={value}
      disabled={false}
      onChange={(v) => onChange(v) as Promise<unknown>}
    />
  </ol>
);

const pressed = (name: string) =>
  screen.getByRole('button', { name, exact: true }).getAttribute('aria-pressed');

describe('a look-for in the room', () => {
  it('shows the tapped answer pressed at once, before its write completes', async () => {
    const write = slowWrite();
    const { rerender } = render(item(undefined, () => write.promise));
    fireEvent.click(screen.getByRole('button', { name: 'Seen', exact: true }));
    await waitFor(() => expect(pressed('Seen')).toBe('true'));
    // The saved copy arrives, and the write completes: the answer stays pressed.
    rerender(item('seen', () => write.promise));
    write.finish(true);
    await write.promise;
    expect(pressed('Seen')).toBe('true');
    expect(pressed('Not seen')).toBe('false');
  });

  it('shows the saved answer again when the write fails', async () => {
    const write = slowWrite();
    render(item('not_seen', () => write.promise));
    fireEvent.click(screen.getByRole('button', { name: 'Seen', exact: true }));
    await waitFor(() => expect(pressed('Seen')).toBe('true'));
    expect(pressed('Not seen')).toBe('false');
    write.finish(null);
    await waitFor(() => expect(pressed('Not seen')).toBe('true'));
    expect(pressed('Seen')).toBe('false');
  });

  it('keeps the latest of two quick taps while an older saved copy comes back', async () => {
    const first = slowWrite();
    const second = slowWrite();
    const writes = [first, second];
    const save = () => writes.shift()!.promise;
    const { rerender } = render(item(undefined, save));
    fireEvent.click(screen.getByRole('button', { name: 'Seen', exact: true }));
    await waitFor(() => expect(pressed('Seen')).toBe('true'));
    fireEvent.click(screen.getByRole('button', { name: 'Not seen', exact: true }));
    await waitFor(() => expect(pressed('Not seen')).toBe('true'));
    first.finish(true);
    rerender(item('seen', save));
    await first.promise;
    expect(pressed('Not seen')).toBe('true');
    second.finish(true);
    rerender(item('not_seen', save));
    await second.promise;
    expect(pressed('Not seen')).toBe('true');
    expect(pressed('Seen')).toBe('false');
  });
});
