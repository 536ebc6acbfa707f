import type { LookFor, NamedValue, SeenResponse } from '../../../shared/protocol';
import { responseLabels } from '../../../shared/protocol';
import type { ResponseValue } from '../../../shared/response';
import { TextAnswer } from './TextAnswer';

interface Props {
  lookFor: LookFor;
  labelId: string;
  value: ResponseValue | undefined;
  disabled: boolean;
  onChange: (value: ResponseValue | null) => void;
}

const seenOrder: SeenResponse[] = ['seen', 'not_seen', 'na'];

function Buttons({
  labelId,
  options,
  isOn,
  disabled,
  onTap,
  variant,
}: {
  labelId: string;
  options: Array<NamedValue & { tone?: string }>;
  isOn: (id: string) => boolean;
  disabled: boolean;
  onTap: (id: string) => void;
  variant: 'three' | 'wrap';
}) {
  return (
    <div
      class={`segmented ${variant === 'wrap' ? 'wrap' : ''}`}
      role="group"
      aria-labelledby={labelId}
    >
      {options.map((o) => (
        <button
          key={o.id}
          type="button"
          class={`answer ${o.tone ? `answer-${o.tone}` : 'answer-chosen'}`}
          aria-pressed={isOn(o.id)}
          disabled={disabled}
          onClick={() => onTap(o.id)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

/** The control for one look-for, by its response type; every change saves at once. */
export function ResponseInput({ lookFor, labelId, value, disabled, onChange }: Props) {
  const type = lookFor.response;
  switch (type.kind) {
    case 'seen':
      return (
        <Buttons
          labelId={labelId}
          variant="three"
          disabled={disabled}
          options={seenOrder.map((id) => ({ id, label: responseLabels[id], tone: id }))}
          isOn={(id) => value === id}
          onTap={(id) => onChange(value === id ? null : (id as SeenResponse))}
        />
      );
    case 'scale': {
      const level = typeof value === 'object' && 'level' in value ? value.level : null;
      return (
        <Buttons
          labelId={labelId}
          variant="wrap"
          disabled={disabled}
          options={type.levels}
          isOn={(id) => level === id}
          onTap={(id) => onChange(level === id ? null : { level: id })}
        />
      );
    }
    case 'choice': {
      const chosen = typeof value === 'object' && 'choices' in value ? value.choices : [];
      const toggle = (id: string) => {
        const next = chosen.includes(id)
          ? chosen.filter((c) => c !== id)
          : type.multiple
            ? [...chosen, id]
            : [id];
        onChange(next.length === 0 ? null : { choices: next });
      };
      return (
        <Buttons
          labelId={labelId}
          variant="wrap"
          disabled={disabled}
          options={type.options}
          isOn={(id) => chosen.includes(id)}
          onTap={toggle}
        />
      );
    }
    case 'tally': {
      // Unanswered and an observed zero differ: "0" is an answer, "–" is none yet.
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
    case 'text':
    case 'quote': {
      const key = type.kind;
      const text =
        typeof value === 'object' && key in value ? (value as Record<string, string>)[key] : '';
      return (
        <TextAnswer
          id={`answer-${lookFor.id}`}
          describedBy={labelId}
          label={lookFor.text}
          placeholder={key === 'quote' ? 'Exactly what the student said' : 'What you saw or heard'}
          value={text ?? ''}
          readOnly={disabled}
          onChange={(next) =>
            onChange(next === '' ? null : key === 'quote' ? { quote: next } : { text: next })
          }
        />
      );
    }
  }
}
