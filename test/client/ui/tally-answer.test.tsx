// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { ResponseInput } from '../../../src/client/ui/capture/ResponseInput';
import type { ResponseValue } from '../../../src/shared/response';
import { lookFor } from '../../support/factories';

afterEach(cleanup);

const answers: Array<ResponseValue | null> = [];

function Tally() {
  const [value, setValue] = useState<ResponseValue | undefined>(undefined);
  return (
    <>
      <p id="label">Students who asked a question</p>
      <ResponseInput
        lookFor={lookFor({ id: 'questions', response: { kind: 'tally' } })}
        labelId="label"
        value={value}
        disabled={false}
        onChange={(next) => {
          answers.push(next);
          setValue(next ?? undefined);
        }}
      />
    </>
  );
}

const shown = () => document.querySelector('output')!.textContent;

describe('a tally', () => {
  it('records an observed zero, which is not the same as no answer', () => {
    answers.length = 0;
    render(<Tally />);
    expect(shown()).toBe('–Not counted');
    expect(screen.getByRole('button', { name: 'One fewer' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'None seen (0)' }));
    expect(answers).toEqual([{ count: 0 }]);
    expect(shown()).toBe('0');
    expect(screen.queryByRole('button', { name: 'None seen (0)' })).toBeNull();
  });

  it('counts down to an observed zero, and only then clears the answer', () => {
    answers.length = 0;
    render(<Tally />);
    fireEvent.click(screen.getByRole('button', { name: 'One more' }));
    fireEvent.click(screen.getByRole('button', { name: 'One more' }));
    fireEvent.click(screen.getByRole('button', { name: 'One fewer' }));
    fireEvent.click(screen.getByRole('button', { name: 'One fewer' }));
    expect(shown()).toBe('0');
    fireEvent.click(screen.getByRole('button', { name: 'Clear the count' }));
    expect(answers).toEqual([{ count: 1 }, { count: 2 }, { count: 1 }, { count: 0 }, null]);
    expect(shown()).toBe('–Not counted');
  });
});
