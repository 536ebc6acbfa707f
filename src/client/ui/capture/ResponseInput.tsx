import type { ComponentType } from 'preact';
import type { LookFor, ResponseType } from '../../../shared/protocol';
import type { ResponseValue } from '../../../shared/response';
import type { InputProps } from './kinds/input-props';
import { responseInputs } from './kinds/registry';

interface Props {
  lookFor: LookFor;
  labelId: string;
  value: ResponseValue | undefined;
  disabled: boolean;
  onChange: (value: ResponseValue | null) => void;
}

/** The input of a type's own kind (src/client/ui/capture/kinds/<Kind>Input.tsx). */
function inputOf<T extends ResponseType>(type: T): ComponentType<InputProps<T>> {
  // TypeScript cannot tie a union member to its entry of a mapped record; the map's
  // type in kinds/registry.ts is what guarantees each kind's input takes that kind's type.
  return responseInputs[type.kind] as unknown as ComponentType<InputProps<T>>;
}

/** The control for one look-for, by its response type; every change saves at once. */
export function ResponseInput(props: Props) {
  const type = props.lookFor.response;
  const Input = inputOf(type);
  return <Input {...props} type={type} />;
}
