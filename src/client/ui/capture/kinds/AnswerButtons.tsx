import type { NamedValue } from '../../../../shared/protocol';

/** A row of answer buttons, one pressed per chosen value. */
export function AnswerButtons({
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
