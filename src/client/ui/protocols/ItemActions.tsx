interface Props {
  what: string;
  index: number;
  count: number;
  disabled: boolean;
  onMove: (to: number) => void;
  onDuplicate: () => void;
  onDelete?: (() => void) | undefined;
}

/** Keyboard-friendly reordering and the other per-item actions, each a 44 px target. */
export function ItemActions({
  what,
  index,
  count,
  disabled,
  onMove,
  onDuplicate,
  onDelete,
}: Props) {
  return (
    <div class="item-actions" role="group" aria-label={`${what} actions`}>
      <button
        type="button"
        class="button quiet small"
        aria-label={`Move ${what} up`}
        disabled={disabled || index === 0}
        onClick={() => onMove(index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        class="button quiet small"
        aria-label={`Move ${what} down`}
        disabled={disabled || index === count - 1}
        onClick={() => onMove(index + 1)}
      >
        ↓
      </button>
      <button
        type="button"
        class="button quiet small"
        aria-label={`Duplicate ${what}`}
        disabled={disabled}
        onClick={onDuplicate}
      >
        Duplicate
      </button>
      {onDelete && (
        <button
          type="button"
          class="button quiet small danger"
          aria-label={`Delete ${what}`}
          disabled={disabled}
          onClick={onDelete}
        >
          Delete
        </button>
      )}
    </div>
  );
}
