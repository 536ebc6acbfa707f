import { useEffect, useRef } from 'preact/hooks';
import './dialogs.css';

interface Props {
  /** What was done, e.g. 'Deleted look-for 2, "Students explain"'. */
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}

/**
 * A transient message with Undo, floating with the other toasts so it never moves the
 * page. It stays until undone, dismissed or replaced by the next one; focus goes to
 * Undo so a keyboard user can take it back at once.
 */
export function UndoToast({ message, onUndo, onDismiss }: Props) {
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => undo.current?.focus(), [message]);
  return (
    <div class="toasts">
      <div class="toast info undo-toast" role="status">
        <span>{message}</span>
        <button ref={undo} type="button" class="button small" onClick={onUndo}>
          Undo
        </button>
        <button type="button" class="button quiet small" aria-label="Dismiss" onClick={onDismiss}>
          ✕
        </button>
      </div>
    </div>
  );
}
