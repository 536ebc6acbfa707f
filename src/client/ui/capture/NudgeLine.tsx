import './nudge.css';
import { useEffect, useState } from 'preact/hooks';
import { findNudges, type NudgeList } from '../../../shared/evidence/nudges';

/** How long typing pauses before the line updates: it never flickers under the fingers. */
export const NUDGE_DELAY_MS = 500;

/** The words a note judges with, and what to write instead: "“great” — What did you see…". */
export function nudgeText(text: string, list: NudgeList): string {
  const found = findNudges(text, list);
  const first = found[0];
  if (!first) return '';
  const words = [...new Set(found.map((n) => n.text.toLowerCase()))].slice(0, 3);
  return `${words.map((w) => `“${w}”`).join(', ')} — ${first.suggestion}`;
}

interface Props {
  /** The id of the line, for the field's aria-describedby. */
  id: string;
  text: string;
  list: NudgeList;
}

/**
 * A gentle line under a note: words that judge rather than describe, with a
 * suggestion. Worked out on the device, after a pause in typing; it never blocks
 * saving and never takes focus. Its one line of space is always there, so nothing
 * below it moves when it appears.
 */
export function NudgeLine({ id, text, list }: Props) {
  const [shown, setShown] = useState(() => nudgeText(text, list));
  useEffect(() => {
    const timer = setTimeout(() => setShown(nudgeText(text, list)), NUDGE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, list]);
  return (
    <p class="nudge-line" id={id} aria-live="polite" title={shown || undefined}>
      {shown}
    </p>
  );
}
