// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { RevealTogether, useReadyToReveal } from '../../../../src/client/ui/shell/reveal-together';

afterEach(cleanup);

/** A panel that is ready when its test says so. */
function Panel({ name, ready }: { name: string; ready: boolean }) {
  useReadyToReveal(ready);
  return <h3>{name}</h3>;
}

function Screen({ initially }: { initially: [boolean, boolean] }) {
  const [ready, setReady] = useState(initially);
  (window as unknown as { setReady: typeof setReady }).setReady = setReady;
  return (
    <RevealTogether loadingText="Loading the panels…">
      <Panel name="Staff" ready={ready[0]} />
      <Panel name="Settings" ready={ready[1]} />
    </RevealTogether>
  );
}
const setReady = (value: [boolean, boolean]) =>
  act(() => (window as unknown as { setReady: (v: [boolean, boolean]) => void }).setReady(value));

describe('panels shown together', () => {
  it('shows one loading line until every panel is ready, then all of them at once', async () => {
    render(<Screen initially={[false, false]} />);
    expect(screen.getByRole('status').textContent).toBe('Loading the panels…');
    // Mounted (so they load), but not shown: neither is in the accessibility tree.
    expect(screen.queryByRole('heading', { name: 'Staff' })).toBeNull();

    await setReady([true, false]);
    expect(screen.queryByRole('heading', { name: 'Staff' })).toBeNull();
    expect(screen.getByRole('status')).toBeTruthy();

    await setReady([true, true]);
    expect(screen.getByRole('heading', { name: 'Staff' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows at once when every panel is ready on its first render', () => {
    render(<Screen initially={[true, true]} />);
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('is a plain panel outside a reveal', () => {
    render(<Panel name="Alone" ready={false} />);
    expect(screen.getByRole('heading', { name: 'Alone' })).toBeTruthy();
  });
});
