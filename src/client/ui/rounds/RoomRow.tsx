import { roomLabel } from '../../../shared/round-rules';
import type { RoundRoom, TeamMember } from '../../../shared/rounds';

interface Props {
  room: RoundRoom;
  team: TeamMember[];
  onAssign: (userId: string | null) => void;
  onRemove: () => void;
}

export function RoomRow({ room, team, onAssign, onRemove }: Props) {
  const label = roomLabel(room);
  return (
    <li class="room-row">
      <span class="room-name">{label}</span>
      <label>
        <span class="visually-hidden">Who visits {label}</span>
        <select
          value={room.assignedTo ?? ''}
          onChange={(e) => onAssign(e.currentTarget.value || null)}
        >
          <option value="">Unassigned</option>
          {team.map((t) => (
            <option key={t.userId} value={t.userId}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="button" onClick={onRemove}>
        Remove<span class="visually-hidden"> {label}</span>
      </button>
    </li>
  );
}
