import type { ResponseTypeOf } from '../../../../shared/response-kinds/registry';
import { TextAnswer } from '../TextAnswer';
import type { InputProps } from './input-props';

/** What the observer saw or heard, in their own words. */
export function TextInput({
  lookFor,
  labelId,
  value,
  disabled,
  onChange,
}: InputProps<ResponseTypeOf<'text'>>) {
  const text = typeof value === 'object' && 'text' in value ? value.text : '';
  return (
    <TextAnswer
      id={`answer-${lookFor.id}`}
      describedBy={labelId}
      label={lookFor.text}
      placeholder="What you saw or heard"
      value={text}
      readOnly={disabled}
      nudges
      onChange={(next) => onChange(next === '' ? null : { text: next })}
    />
  );
}
