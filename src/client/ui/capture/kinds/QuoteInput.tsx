import type { ResponseTypeOf } from '../../../../shared/response-kinds/registry';
import { TextAnswer } from '../TextAnswer';
import type { InputProps } from './input-props';

/** A student's words, exactly as said. */
export function QuoteInput({
  lookFor,
  labelId,
  value,
  disabled,
  onChange,
}: InputProps<ResponseTypeOf<'quote'>>) {
  const quote = typeof value === 'object' && 'quote' in value ? value.quote : '';
  return (
    <TextAnswer
      id={`answer-${lookFor.id}`}
      describedBy={labelId}
      label={lookFor.text}
      placeholder="Exactly what the student said"
      value={quote}
      readOnly={disabled}
      onChange={(next) => onChange(next === '' ? null : { quote: next })}
    />
  );
}
