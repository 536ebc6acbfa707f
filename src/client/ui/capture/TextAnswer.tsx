import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  id: string;
  value: string;
  readOnly: boolean;
  rows?: number;
  maxLength?: number;
  describedBy?: string;
  label?: string;
  placeholder?: string;
  onChange: (text: string) => void;
}

/**
 * A text box that keeps its own text while the user types (the caret never jumps
 * when the saved copy comes back) and saves every keystroke. When the stored text
 * changes from elsewhere and the box is not being typed in, it shows that text.
 */
export function TextAnswer({
  id,
  value,
  readOnly,
  rows = 3,
  maxLength = 2_000,
  describedBy,
  label,
  placeholder,
  onChange,
}: Props) {
  const [text, setText] = useState(value);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (readOnly || document.activeElement !== box.current) setText(value);
  }, [value, readOnly]);
  return (
    <textarea
      ref={box}
      id={id}
      aria-describedby={describedBy}
      aria-label={label}
      placeholder={placeholder}
      rows={rows}
      maxLength={maxLength}
      value={text}
      readOnly={readOnly}
      onInput={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        onChange(next);
      }}
    />
  );
}
