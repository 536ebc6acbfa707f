import { useState } from 'preact/hooks';
import { jumpTo } from './PublishProblems';

export interface Outline {
  /** The outline view is on: look-fors show one line each until opened. */
  on: boolean;
  setOn: (on: boolean) => void;
  isFolded: (lookForId: string) => boolean;
  toggle: (lookForId: string) => void;
  /** Opens the look-for a field belongs to ("lf-<id>-text"), then moves to the field. */
  jump: (fieldId: string) => void;
}

/** The protocol editor's outline: which look-fors are folded, kept per visit to the screen. */
export function useOutline(): Outline {
  const [on, setOnState] = useState(false);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const open = (id: string) => setOpened((current) => new Set(current).add(id));
  return {
    on,
    setOn: (next) => {
      setOnState(next);
      setOpened(new Set());
    },
    isFolded: (id) => on && !opened.has(id),
    toggle: (id) =>
      opened.has(id)
        ? setOpened((current) => new Set([...current].filter((o) => o !== id)))
        : open(id),
    jump: (fieldId) => {
      const lookForId = /^lf-(.+)-(?:text|hint)$/.exec(fieldId)?.[1];
      if (!on || lookForId === undefined || opened.has(lookForId)) {
        jumpTo(fieldId);
        return;
      }
      open(lookForId);
      // The field exists once the opened look-for has rendered.
      requestAnimationFrame(() => jumpTo(fieldId));
    },
  };
}
