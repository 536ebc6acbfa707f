import type { LookFor } from '../../../shared/protocol';
import type { ResponseValue } from '../../../shared/response';
import { ResponseInput } from './ResponseInput';

interface Props {
  lookFor: LookFor;
  number: number;
  value: ResponseValue | undefined;
  disabled: boolean;
  onChange: (value: ResponseValue | null) => void;
}

/** One look-for: its words, its hint, and large targets; tapping a chosen answer clears it. */
export function LookForItem({ lookFor, number, value, disabled, onChange }: Props) {
  const labelId = `lf-${lookFor.id}`;
  return (
    <li class="look-for">
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
        value={value}
        disabled={disabled}
        onChange={onChange}
      />
    </li>
  );
}
