import type { ResponseTypeOf } from '../../../../shared/response-kinds/registry';
import type { InputProps } from './input-props';

/** A count with − and +; unanswered and an observed zero differ: "0" is an answer, "–" is none yet. */
export function TallyInput({
  labelId,
  value,
  disabled,
  onChange,
}: InputProps<ResponseTypeOf<'tally'>>) {
  const count = typeof value === 'object' && 'count' in value ? value.count : null;
  return (
    <div class="tally" role="group" aria-labelledby={labelId}>
      <button
        type="button"
        class="answer"
        aria-label={count === 0 ? 'Clear the count' : 'One fewer'}
        disabled={disabled || count === null}
        onClick={() => onChange(count === null || count === 0 ? null : { count: count - 1 })}
      >
        −
      </button>
      <output class="tally-count" aria-live="polite">
        {count ?? (
          <>
            <span aria-hidden="true">–</span>
            <span class="visually-hidden">Not counted</span>
          </>
        )}
      </output>
      <button
        type="button"
        class="answer"
        aria-label="One more"
        disabled={disabled || (count ?? 0) >= 9999}
        onClick={() => onChange({ count: (count ?? 0) + 1 })}
      >
        +
      </button>
      {count === null && (
        <button
          type="button"
          class="answer tally-zero"
          disabled={disabled}
          onClick={() => onChange({ count: 0 })}
        >
          None seen (0)
        </button>
      )}
    </div>
  );
}
