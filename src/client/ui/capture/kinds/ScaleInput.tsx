import type { ResponseTypeOf } from '../../../../shared/response-kinds/registry';
import { AnswerButtons } from './AnswerButtons';
import type { InputProps } from './input-props';

/** One level of a scale; a second tap clears it. */
export function ScaleInput({
  type,
  labelId,
  value,
  disabled,
  onChange,
}: InputProps<ResponseTypeOf<'scale'>>) {
  const level = typeof value === 'object' && 'level' in value ? value.level : null;
  return (
    <AnswerButtons
      labelId={labelId}
      variant="wrap"
      disabled={disabled}
      options={type.levels}
      isOn={(id) => level === id}
      onTap={(id) => onChange(level === id ? null : { level: id })}
    />
  );
}
