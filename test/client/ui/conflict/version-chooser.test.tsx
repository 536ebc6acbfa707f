// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VersionChooser } from '../../../../src/client/ui/conflict/VersionChooser';

afterEach(cleanup);

interface Note {
  words: string;
}

const others = [
  { id: 'b', data: { words: 'from the iPad' }, savedAt: 'Tuesday' },
  { id: 'c', data: { words: 'from the laptop' }, savedAt: 'Wednesday' },
];

function renderChooser(onKeep = vi.fn(), otherLabel?: (o: (typeof others)[number]) => string) {
  render(
    <VersionChooser<Note, (typeof others)[number]>
      titleId="note-conflict"
      title="This note was changed on two devices"
      resumes="editing"
      current={{ words: 'from this tablet' }}
      others={others}
      summary={(note) => <p>{note.words}</p>}
      otherLabel={otherLabel}
      onKeep={onKeep}
    />,
  );
  return onKeep;
}

describe('the one version chooser', () => {
  it('shows every version side by side under a heading that names the region', () => {
    renderChooser();
    const region = screen.getByRole('region', { name: 'This note was changed on two devices' });
    expect(within(region).getByText(/editing resumes once you have chosen/)).toBeTruthy();
    const versions = within(region).getAllByRole('article');
    expect(versions.map((v) => within(v).getByRole('heading').textContent)).toEqual([
      'Current version',
      'Other version',
      'Other version',
    ]);
    expect(versions.map((v) => v.querySelector('p')?.textContent)).toEqual([
      'from this tablet',
      'from the iPad',
      'from the laptop',
    ]);
  });

  it('keeps the current version and sets every other one aside', () => {
    const onKeep = renderChooser();
    fireEvent.click(screen.getByRole('button', { name: 'Keep current version' }));
    expect(onKeep).toHaveBeenCalledWith({ words: 'from this tablet' }, ['b', 'c']);
  });

  it('keeps another version, passing the record chosen', () => {
    const onKeep = renderChooser();
    fireEvent.click(screen.getAllByRole('button', { name: 'Keep this version' })[1]!);
    expect(onKeep).toHaveBeenCalledWith({ words: 'from the laptop' }, ['b', 'c']);
  });

  it('labels other versions as the caller says', () => {
    renderChooser(vi.fn(), (o) => `Saved ${o.savedAt}`);
    expect(screen.getByRole('heading', { name: 'Saved Wednesday' })).toBeTruthy();
  });
});
