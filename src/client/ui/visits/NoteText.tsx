import { TextAnswer } from '../capture/TextAnswer';

interface Props {
  id: string;
  label: string;
  hint?: string;
  value: string;
  readOnly?: boolean;
  rows?: number;
  /** Marks words that judge rather than describe (notes on a colleague's room). */
  nudges?: boolean;
  onChange: (text: string) => void;
}

/** A labelled note box saved on every keystroke. */
export function NoteText({
  id,
  label,
  hint,
  value,
  readOnly = false,
  rows = 4,
  nudges = false,
  onChange,
}: Props) {
  return (
    <div class="notes">
      <label for={id} class="notes-label">
        {label}
      </label>
      {hint && (
        <p class="muted" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <TextAnswer
        id={id}
        {...(hint ? { describedBy: `${id}-hint` } : {})}
        rows={rows}
        maxLength={10_000}
        value={value}
        readOnly={readOnly}
        nudges={nudges}
        onChange={onChange}
      />
    </div>
  );
}
