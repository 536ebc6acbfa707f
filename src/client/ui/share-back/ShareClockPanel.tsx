import { useState } from 'preact/hooks';
import { useReadyToReveal } from '../shell/reveal-together';
import { shareRoundSummary } from '../../data/share-back';
import { ShareClockLine } from './ShareClockLine';
import { placeholderClock, useShareClocks, type ClockDevice } from './use-share-clocks';

/**
 * On the results screen of a closed round, for its leaders: the share-back clock, and
 * the one action that stops it. Sharing says staff have the round's summary (the
 * figures and the notes picked for them); it is recorded once, with the date. With
 * the device, offline it shows the last clock received, counted on to today.
 */
export function ShareClockPanel({
  roundId,
  schoolId,
  device,
}: {
  roundId: string;
  schoolId: string;
  device?: ClockDevice;
}) {
  const [version, setVersion] = useState(0);
  const clocks = useShareClocks([schoolId], version, device);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const loading = clocks === null;
  useReadyToReveal(!loading);
  const clock = clocks ? clocks.get(roundId) : placeholderClock(roundId);
  if (!clock) return null;
  const share = async () => {
    setBusy(true);
    const result = await shareRoundSummary(roundId);
    setBusy(false);
    if (result.ok) {
      setError(null);
      setVersion((v) => v + 1);
    } else setError(result.message);
  };
  return (
    <div class="share-clock-panel" aria-live="polite">
      <ShareClockLine clock={clock} placeholder={loading} />
      {clock.clock.state !== 'shared' && (
        <div class={`share-clock-action no-print${loading ? ' share-clock-placeholder' : ''}`}>
          <button
            type="button"
            class="button primary"
            disabled={busy || loading}
            onClick={() => void share()}
            aria-describedby="share-clock-hint"
          >
            Mark summary shared with staff
          </button>
          <p class="muted small" id="share-clock-hint">
            Once staff have this round’s figures and the notes you picked for them. Stops the clock.
          </p>
        </div>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
