import type { ResponseTypeOf } from '../../../../shared/response-kinds/registry';
import { AnswerButtons } from './AnswerButtons';
import type { InputProps } from './input-props';

/** One option, or several when the choice allows it; a tap toggles. */
export function ChoiceInput({
  type,
  labelId,
  value,
  disabled,
  onChange,
}: InputProps<ResponseTypeOf<'choice'>>) {
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
    <AnswerButtons
      labelId={labelId}
      variant="wrap"
      disabled={disabled}
      options={type.options}
      isOn={(id) => chosen.includes(id)}
      onTap={toggle}
    />
  );
}
