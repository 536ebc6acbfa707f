import { TextAnswer } from '../capture/TextAnswer';

interface Props {
  value: string;
  readOnly: boolean;
  onChange: (notes: string) => void;
}

export function NotesField({ value, readOnly, onChange }: Props) {
  return (
    <div class="notes">
      <label for="notes" class="notes-label">
        Low-inference notes
      </label>
      <p class="muted" id="notes-hint">
        Describe what you see and hear, not a judgement: "4 of 6 groups compared strategies".
      </p>
      <TextAnswer
        id="notes"
        describedBy="notes-hint"
        rows={5}
        maxLength={10_000}
        value={value}
        readOnly={readOnly}
        nudges
        onChange={onChange}
      />
    </div>
  );
}
