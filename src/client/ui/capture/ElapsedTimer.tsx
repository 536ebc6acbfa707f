import { useEffect, useState } from 'preact/hooks';
import { clock } from '../../../shared/round-rules';
import { useServices } from '../app-context';

/** Time in the room since the observation started; stops when it is finished. */
export function ElapsedTimer({
  startedAt,
  endedAt,
}: {
  startedAt: string;
  endedAt: string | null;
}) {
  const { now } = useServices();
  const [, tick] = useState(0);
  useEffect(() => {
    if (endedAt !== null) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [endedAt]);
  const until = endedAt === null ? now().getTime() : Date.parse(endedAt);
  const seconds = Math.max(0, Math.floor((until - Date.parse(startedAt)) / 1000));
  return (
    <p class="visit-timer context-timer" role="timer" aria-label="Time in this room">
      {clock(seconds)}
    </p>
  );
}
