import { useState } from 'preact/hooks';

interface Props {
  initial: string;
  readOnly: boolean;
  onChange: (notes: string) => void;
}

/**
 * The notes box keeps its own text while the user types (so the caret never jumps
 * when the saved copy comes back) and saves every keystroke.
 */
export function NotesField({ initial, readOnly, onChange }: Props) {
  const [text, setText] = useState(initial);
  return (
    <div class="notes">
      <label for="notes" class="notes-label">
        Low-inference notes
      </label>
      <p class="muted" id="notes-hint">
        Describe what you see and hear, not a judgement: "4 of 6 groups compared strategies".
      </p>
      <textarea
        id="notes"
        aria-describedby="notes-hint"
        rows={5}
        maxLength={10_000}
        value={text}
        readOnly={readOnly}
        onInput={(e) => {
          const value = e.currentTarget.value;
          setText(value);
          onChange(value);
        }}
      />
    </div>
  );
}
