import type { ComponentChildren } from 'preact';

interface Props {
  /** The room, grade and subject, as the screen's or the visit's heading. */
  heading: ComponentChildren;
  /** How many look-fors have an answer; null while the protocol is not on the device. */
  answered: number | null;
  total: number;
  timer: ComponentChildren;
}

/**
 * One short line that stays under the top bar while the look-fors scroll: where I am,
 * how far I got, how long I have been here (issue #14). Every part keeps its width, so
 * a tick of the timer or a new answer never moves anything.
 */
export function ContextLine({ heading, answered, total, timer }: Props) {
  return (
    <div class="context-line">
      <div class="context-heading">{heading}</div>
      {answered !== null && (
        <p class="progress context-progress" aria-live="polite">
          {answered} of {total} look-fors answered
        </p>
      )}
      {timer}
    </div>
  );
}
