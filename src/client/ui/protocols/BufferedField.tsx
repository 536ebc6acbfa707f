import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  multiline?: boolean;
  maxLength: number;
  readOnly?: boolean;
  placeholder?: string;
  list?: string;
  onChange: (value: string) => void;
}

/**
 * A labelled field that keeps its own text while the user types and saves every
 * keystroke; it follows the stored value whenever it is not being typed in.
 */
export function BufferedField(props: Props) {
  const { id, label, value, error, multiline, maxLength, readOnly, placeholder, list, onChange } =
    props;
  const [text, setText] = useState(value);
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    if (readOnly || document.activeElement !== field.current) setText(value);
  }, [value, readOnly]);
  const shared = {
    id,
    ref: field,
    value: text,
    maxLength,
    readOnly,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    onInput: (e: Event) => {
      const next = (e.currentTarget as HTMLInputElement).value;
      setText(next);
      onChange(next);
    },
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? <textarea rows={2} {...shared} /> : <input list={list} {...shared} />}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
