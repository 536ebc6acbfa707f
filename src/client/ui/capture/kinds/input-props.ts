import type { LookFor } from '../../../../shared/protocol';
import type { ResponseValue } from '../../../../shared/response';

/** What every response kind's input gets: its look-for, its own type and the answer so far. */
export interface InputProps<Type> {
  lookFor: LookFor;
  type: Type;
  labelId: string;
  value: ResponseValue | undefined;
  disabled: boolean;
  /** Every change saves at once; null clears the answer. */
  onChange: (value: ResponseValue | null) => void;
}
