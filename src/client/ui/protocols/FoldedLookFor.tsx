import { responseKindLabels, type LookFor } from '../../../shared/protocol';

interface Props {
  lookFor: LookFor;
  index: number;
  draggable: boolean;
  hasProblem: boolean;
  onOpen: () => void;
}

/** A look-for in the outline: its words and kind on one card; the whole card opens it. */
export function FoldedLookFor({ lookFor, index, draggable, hasProblem, onOpen }: Props) {
  return (
    <li class={`editor-card look-for-editor folded ${hasProblem ? 'has-problem' : ''}`}>
      {draggable && (
        <span class="drag-handle" title="Drag to move" aria-hidden="true">
          ⠿
        </span>
      )}
      <button
        type="button"
        class="outline-item"
        aria-expanded="false"
        aria-controls={`lf-${lookFor.id}-editor`}
        onClick={onOpen}
      >
        <span class="outline-number">{index + 1}</span>
        <span class="outline-text">{lookFor.text || 'No words yet'}</span>
        <span class="outline-kind">
          {responseKindLabels[lookFor.response.kind]}
          {hasProblem && ' · needs a fix'}
        </span>
      </button>
    </li>
  );
}
