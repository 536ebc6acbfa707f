import { useEffect, useState } from 'preact/hooks';
import { visitTimer } from '../../../shared/round-rules';
import { useServices } from '../app-context';

const stateWords = { running: '', almost: ' · last minute', over: ' · over time' } as const;

/** Time in the room against the round's target; a calm nudge, never a block. */
export function VisitTimer({
  startedAt,
  targetMinutes,
}: {
  startedAt: string;
  targetMinutes: number;
}) {
  const { now } = useServices();
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  const timer = visitTimer(startedAt, targetMinutes, now());
  return (
    <p class={`visit-timer timer-${timer.state}`} role="timer" aria-label="Time in this room">
      {timer.label}
      {/* Said, not shown: the line keeps its width; the clock's colour shows the state. */}
      <span class="visually-hidden">{stateWords[timer.state]}</span>
    </p>
  );
}
