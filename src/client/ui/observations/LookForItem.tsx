import type { LookFor, SeenResponse } from '../../../shared/protocol';
import { responseLabels } from '../../../shared/protocol';

const order: SeenResponse[] = ['seen', 'not_seen', 'na'];

interface Props {
  lookFor: LookFor;
  number: number;
  value: SeenResponse | undefined;
  disabled: boolean;
  onChange: (value: SeenResponse | null) => void;
}

/** One look-for with three large answers; tapping the chosen answer again clears it. */
export function LookForItem({ lookFor, number, value, disabled, onChange }: Props) {
  const labelId = `lf-${lookFor.id}`;
  return (
    <li class="look-for">
      <div class="look-for-text">
        <span class="look-for-number">{number}</span>
        <div>
          <p id={labelId} class="look-for-title">
            {lookFor.text}
          </p>
          {lookFor.hint && <p class="look-for-hint">{lookFor.hint}</p>}
        </div>
      </div>
      <div class="segmented" role="group" aria-labelledby={labelId}>
        {order.map((option) => (
          <button
            key={option}
            type="button"
            class={`answer answer-${option}`}
            aria-pressed={value === option}
            disabled={disabled}
            onClick={() => onChange(value === option ? null : option)}
          >
            {responseLabels[option]}
          </button>
        ))}
      </div>
    </li>
  );
}
