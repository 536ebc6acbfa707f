// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProjectorView } from '../../../../src/client/ui/dashboard/ProjectorView';
import { hiddenRow, seenRow } from './result-rows';

afterEach(cleanup);

const rows = [seenRow('a', 80), seenRow('b', 55), hiddenRow('c'), seenRow('d', 30), hiddenRow('e')];

function open() {
  const onClose = vi.fn();
  render(
    <ProjectorView
      title="Lincoln · Winter sweep"
      rows={rows}
      threshold={5}
      targets={[{ lookForId: 'b', round: null, year: 70 }]}
      onClose={onClose}
    />,
  );
  const dialog = screen.getByRole('dialog', { name: /Projector view/ });
  const press = (key: string) => fireEvent.keyDown(dialog, { key });
  const heading = () => screen.getByRole('heading', { level: 2 }).textContent;
  return { dialog, press, heading, onClose };
}

describe('the projector view', () => {
  it('shows one look-for per slide, then one slide for the folded ones', () => {
    const { heading } = open();
    expect(heading()).toBe('Look-for a');
    expect(screen.getByText('80%')).toBeTruthy();
    expect(screen.getByText('Slide 1 of 4')).toBeTruthy();
  });

  it('takes focus, so the keyboard pages at once', () => {
    const { dialog } = open();
    expect(document.activeElement).toBe(dialog);
  });

  it('pages with arrows, PageUp/PageDown, Home and End, and stops at either end', () => {
    const { press, heading } = open();
    press('ArrowRight');
    expect(heading()).toBe('Look-for b');
    expect(screen.getByText(/Target 70% \(school year\)/)).toBeTruthy();
    press('PageDown');
    expect(heading()).toBe('Look-for d');
    press('ArrowDown');
    expect(heading()).toBe('2 look-fors rest on fewer than 5 classrooms');
    press('ArrowRight');
    expect(screen.getByText('Slide 4 of 4')).toBeTruthy();
    press('PageUp');
    expect(heading()).toBe('Look-for d');
    press('ArrowLeft');
    press('ArrowUp');
    expect(heading()).toBe('Look-for a');
    press('ArrowLeft');
    expect(heading()).toBe('Look-for a');
    press('End');
    expect(screen.getByText('Slide 4 of 4')).toBeTruthy();
    press('Home');
    expect(heading()).toBe('Look-for a');
  });

  it('pages with its buttons too', () => {
    const { heading } = open();
    fireEvent.click(screen.getByRole('button', { name: 'Next →' }));
    expect(heading()).toBe('Look-for b');
    fireEvent.click(screen.getByRole('button', { name: '← Previous' }));
    expect(heading()).toBe('Look-for a');
  });

  it('leaves on Escape and on Close', () => {
    const { press, onClose } = open();
    press('Escape');
    expect(onClose).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('asks the browser for full screen', () => {
    const { dialog } = open();
    const request = vi.fn(async () => undefined);
    Object.assign(dialog, { requestFullscreen: request });
    fireEvent.click(screen.getByRole('button', { name: 'Full screen' }));
    expect(request).toHaveBeenCalledOnce();
  });
});
