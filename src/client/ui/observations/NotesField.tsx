import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  value: string;
  readOnly: boolean;
  onChange: (notes: string) => void;
}

/**
 * The notes box keeps its own text while the user types (so the caret never jumps
 * when the saved copy comes back) and saves every keystroke. When the stored notes
 * change from elsewhere (a sync, a chosen version) and the box is not being typed
 * in, it shows them, so nobody edits a copy that is no longer current.
 */
export function NotesField({ value, readOnly, onChange }: Props) {
  const [text, setText] = useState(value);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (readOnly || document.activeElement !== box.current) setText(value);
  }, [value, readOnly]);
  return (
    <div class="notes">
      <label for="notes" class="notes-label">
        Low-inference notes
      </label>
      <p class="muted" id="notes-hint">
        Describe what you see and hear, not a judgement: "4 of 6 groups compared strategies".
      </p>
      <textarea
        ref={box}
        id="notes"
        aria-describedby="notes-hint"
        rows={5}
        maxLength={10_000}
        value={text}
        readOnly={readOnly}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          onChange(next);
        }}
      />
    </div>
  );
}
