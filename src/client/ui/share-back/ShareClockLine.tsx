import type { RoundShareClock } from '../../../shared/answers/share-back';
import { shareClockText } from '../../../shared/evidence/share-clock';
import './share-back.css';

/** "Share with staff within 2 school days (by 2026-11-30)": a closed round's countdown. */
export function ShareClockLine({ clock }: { clock: RoundShareClock }) {
  const state = clock.clock.state === 'shared' && !clock.clock.onTime ? 'late' : clock.clock.state;
  return (
    <p class={`share-clock share-clock-${state}`} data-share-clock={clock.clock.state}>
      <span aria-hidden="true" class="share-clock-icon">
        {clock.clock.state === 'shared' ? '✓' : clock.clock.state === 'overdue' ? '!' : '⏱'}
      </span>{' '}
      {shareClockText(clock.clock)}
      {clock.sharedOn && <span class="muted"> ({clock.sharedOn})</span>}
    </p>
  );
}
