import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface DragMove {
  from: { section: number; index: number };
  to: { section: number; index: number };
}

/**
 * Lets look-fors be dragged (by their handle, with a finger or a mouse) within and
 * between sections. SortableJS moves the DOM; we put it back and apply the move to
 * the stored draft, so Preact stays the only thing that renders the list.
 */
export function useSortableLookFors(
  list: RefObject<HTMLOListElement>,
  enabled: boolean,
  onMove: (move: DragMove) => void,
): void {
  const latest = useRef(onMove);
  latest.current = onMove;
  useEffect(() => {
    if (!enabled || !list.current) return;
    let destroyed = false;
    let destroy = () => undefined as void;
    void import('sortablejs').then(({ default: Sortable }) => {
      if (destroyed || !list.current) return;
      const sortable = Sortable.create(list.current, {
        group: 'look-fors',
        handle: '.drag-handle',
        animation: 150,
        onEnd: (event) => {
          const { from, to, item, oldIndex, newIndex } = event;
          if (oldIndex === undefined || newIndex === undefined) return;
          from.insertBefore(item, from.children[oldIndex] ?? null);
          if (from === to && oldIndex === newIndex) return;
          latest.current({
            from: { section: Number(from.dataset.section), index: oldIndex },
            to: { section: Number(to.dataset.section), index: newIndex },
          });
        },
      });
      // A marker tests can wait for: dragging works from here on.
      list.current.dataset.sortable = 'ready';
      destroy = () => sortable.destroy();
    });
    return () => {
      destroyed = true;
      destroy();
    };
  }, [enabled, list]);
}
