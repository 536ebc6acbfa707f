// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResponseInput } from '../../../../src/client/ui/capture/ResponseInput';
import { responseInputs } from '../../../../src/client/ui/capture/kinds/registry';
import type { ResponseType } from '../../../../src/shared/protocol';
import { responseKinds } from '../../../../src/shared/response-kinds/registry';
import { lookFor } from '../../../support/factories';

afterEach(cleanup);

const levels = [
  { id: 'low', label: 'Low' },
  { id: 'high', label: 'High' },
];
const types: Record<(typeof responseKinds)[number], ResponseType> = {
  seen: { kind: 'seen' },
  scale: { kind: 'scale', levels },
  tally: { kind: 'tally' },
  choice: { kind: 'choice', multiple: false, options: levels },
  text: { kind: 'text' },
  quote: { kind: 'quote' },
};

describe("the capture screen's inputs", () => {
  it('has an input for every response kind', () => {
    for (const kind of responseKinds) expect(typeof responseInputs[kind]).toBe('function');
  });

  it.each(responseKinds)('renders the %s input of a look-for and saves a change', (kind) => {
    const onChange = vi.fn();
    render(
      <div>
        <span id="label">Look-for</span>
        <ResponseInput
          lookFor={lookFor({ id: `lf-${kind}`, text: 'Look-for', response: types[kind] })}
          labelId="label"
          value={undefined}
          disabled={false}
          onChange={onChange}
        />
      </div>,
    );
    const box = document.querySelector('textarea');
    if (box) fireEvent.input(box, { target: { value: 'Heard it' } });
    else fireEvent.click(screen.getAllByRole('button').at(-1)!);
    expect(onChange).toHaveBeenCalledOnce();
  });
});
