import type { LookFor } from '../../../shared/protocol';
import type { ResponseValue } from '../../../shared/response';
import { ResponseInput } from './ResponseInput';
import { useOptimisticAnswer } from './use-optimistic-answer';

interface Props {
  lookFor: LookFor;
  number: number;
  value: ResponseValue | undefined;
  disabled: boolean;
  /** Saves the answer; resolves to null when the write failed. */
  onChange: (value: ResponseValue | null) => Promise<unknown> | void;
}

/** One look-for: its words, its hint, and large targets; tapping a chosen answer clears it. */
export function LookForItem({ lookFor, number, value, disabled, onChange }: Props) {
  const labelId = `lf-${lookFor.id}`;
  const [shown, change] = useOptimisticAnswer(value, onChange);
  // Three answer buttons fit beside the words on a tablet: more look-fors on one screen.
  const inline = lookFor.response.kind === 'seen';
  return (
    <li class={`look-for ${inline ? 'inline' : ''}`}>
      <div class="look-for-text">
        <span class="look-for-number" aria-hidden="true">
          {number}
        </span>
        <div>
          <p id={labelId} class="look-for-title">
            {lookFor.text}
          </p>
          {lookFor.hint && <p class="look-for-hint">{lookFor.hint}</p>}
        </div>
      </div>
      <ResponseInput
        lookFor={lookFor}
        labelId={labelId}
        value={shown}
        disabled={disabled}
        onChange={change}
      />
    </li>
  );
}
