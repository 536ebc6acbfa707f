import { useEffect, useRef, useState } from 'preact/hooks';
import { useNudgeList } from '../../data/nudges';
import { NudgeLine } from './NudgeLine';

interface Props {
  id: string;
  value: string;
  readOnly: boolean;
  rows?: number;
  maxLength?: number;
  describedBy?: string;
  label?: string;
  placeholder?: string;
  /** Marks words that judge rather than describe, on a line under the box (notes only). */
  nudges?: boolean;
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
  nudges = false,
  onChange,
}: Props) {
  const list = useNudgeList();
  const [text, setText] = useState(value);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (readOnly || document.activeElement !== box.current) setText(value);
  }, [value, readOnly]);
  const nudging = nudges && !readOnly;
  const described = [describedBy, nudging ? `${id}-nudge` : undefined].filter(Boolean).join(' ');
  const field = (
    <textarea
      ref={box}
      id={id}
      aria-describedby={described || undefined}
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
  if (!nudging) return field;
  return (
    <>
      {field}
      <NudgeLine id={`${id}-nudge`} text={text} list={list} />
    </>
  );
}
