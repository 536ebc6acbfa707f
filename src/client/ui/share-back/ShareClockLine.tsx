import type { RoundShareClock } from '../../../shared/answers/share-back';
import { shareClockText } from '../../../shared/evidence/share-clock';
import './share-back.css';

/** "Share with staff within 2 school days (by 2026-11-30)": a closed round's countdown. */
export function ShareClockLine({
  clock,
  placeholder = false,
}: {
  clock: RoundShareClock;
  /** Laid out but not shown: holds the line's place while the clock loads. */
  placeholder?: boolean;
}) {
  const state = clock.clock.state === 'shared' && !clock.clock.onTime ? 'late' : clock.clock.state;
  return (
    <p
      class={`share-clock share-clock-${state}${placeholder ? ' share-clock-placeholder' : ''}`}
      data-share-clock={placeholder ? undefined : clock.clock.state}
      aria-hidden={placeholder ? true : undefined}
    >
      {shareClockText(clock.clock)}
      {clock.sharedOn && <span class="muted"> ({clock.sharedOn})</span>}
    </p>
  );
}
