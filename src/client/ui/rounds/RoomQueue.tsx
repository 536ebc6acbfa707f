import { roomLabel } from '../../../shared/round-rules';
import type { Round, RoundRoom } from '../../../shared/rounds';
import { useRoundServices } from './use-rounds';

/** My rooms still to visit, then the unassigned ones; the first is one big tap away. */
export function RoomQueue({ round, queue }: { round: Round; queue: RoundRoom[] }) {
  const { rounds } = useRoundServices();
  const start = (room: RoundRoom) => void rounds.startRoomVisit(round, room.id);
  const [next, ...later] = queue;
  if (!next) {
    return <p class="banner info">Every room in your queue is visited. Thank you.</p>;
  }
  return (
    <section class="room-queue" aria-labelledby="queue-title">
      <h3 id="queue-title" class="visually-hidden">
        My room queue
      </h3>
      <div class="queue-next">
        <p class="queue-next-label">Next: {roomLabel(next)}</p>
        <button type="button" class="button primary big" onClick={() => start(next)}>
          Start visit
          <span class="visually-hidden"> to {roomLabel(next)}</span>
        </button>
      </div>
      {later.length > 0 && (
        <ol class="queue-later" aria-label="Later in my queue">
          {later.map((room) => (
            <li key={room.id}>
              <span>
                {roomLabel(room)}
                {room.assignedTo === null && <small class="muted"> · unassigned</small>}
              </span>
              <button type="button" class="button" onClick={() => start(room)}>
                Start<span class="visually-hidden"> {roomLabel(room)}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
