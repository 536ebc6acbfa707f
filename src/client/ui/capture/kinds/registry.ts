import type { ComponentType } from 'preact';
import type { ResponseKind, ResponseTypeOf } from '../../../../shared/response-kinds/registry';
import { ChoiceInput } from './ChoiceInput';
import type { InputProps } from './input-props';
import { QuoteInput } from './QuoteInput';
import { ScaleInput } from './ScaleInput';
import { SeenInput } from './SeenInput';
import { TallyInput } from './TallyInput';
import { TextInput } from './TextInput';

/** The capture screen's input of every response kind: a kind missing here does not compile. */
export const responseInputs: { [K in ResponseKind]: ComponentType<InputProps<ResponseTypeOf<K>>> } =
  {
    seen: SeenInput,
    scale: ScaleInput,
    tally: TallyInput,
    choice: ChoiceInput,
    text: TextInput,
    quote: QuoteInput,
  };
