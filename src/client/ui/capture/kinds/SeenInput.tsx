import { responseLabels, type SeenResponse } from '../../../../shared/protocol';
import type { ResponseTypeOf } from '../../../../shared/response-kinds/registry';
import { AnswerButtons } from './AnswerButtons';
import type { InputProps } from './input-props';

const seenOrder: SeenResponse[] = ['seen', 'not_seen', 'na'];

/** Seen / not seen / N/A: a second tap on the chosen answer clears it. */
export function SeenInput({
  labelId,
  value,
  disabled,
  onChange,
}: InputProps<ResponseTypeOf<'seen'>>) {
  const chosen = typeof value === 'string' ? value : null;
  return (
    <AnswerButtons
      labelId={labelId}
      variant="three"
      disabled={disabled}
      options={seenOrder.map((id) => ({ id, label: responseLabels[id], tone: id }))}
      isOn={(id) => chosen === id}
      onTap={(id) => {
        const tapped = seenOrder.find((s) => s === id);
        if (tapped) onChange(chosen === tapped ? null : tapped);
      }}
    />
  );
}
