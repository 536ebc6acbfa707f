import { useState } from 'preact/hooks';
import { describeProblem, type ImportProblem } from '../../../shared/import-problem';
import { GradeBand, gradeBands, type ObservationSetup } from '../../../shared/observation';
import { gradeLabel, roomIdFor, splitRooms } from '../../../shared/round-rules';
import type { RoundRoom, TeamMember } from '../../../shared/rounds';
import { RoomRow } from './RoomRow';

interface Props {
  rooms: RoundRoom[];
  team: TeamMember[];
  onChange: (rooms: RoundRoom[]) => void;
}

type Band = ObservationSetup['gradeBand'];

/** The rooms to visit: added by hand or from a CSV room list, then split among the team. */
export function RoomsEditor({ rooms, team, onChange }: Props) {
  const [room, setRoom] = useState('');
  const [band, setBand] = useState<Band>('K-2');
  const [subject, setSubject] = useState('');
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [message, setMessage] = useState('');

  const add = () => {
    if (!room.trim() || !subject.trim()) {
      setMessage('A room needs its number or name and a subject.');
      return;
    }
    const id = roomIdFor(
      room.trim(),
      rooms.map((r) => r.id),
    );
    onChange([
      ...rooms,
      { id, room: room.trim(), gradeBand: band, subject: subject.trim(), assignedTo: null },
    ]);
    setRoom('');
    setMessage(`Added room ${room.trim()}.`);
  };

  const importFile = async (file: File) => {
    // The CSV parser loads on first use, keeping it out of the walking screen.
    const { parseRoomCsv } = await import('../../../shared/round-csv');
    const result = parseRoomCsv(
      await file.text(),
      file.name,
      rooms.map((r) => r.id),
    );
    if (!result.ok) {
      setProblems(result.problems);
      setMessage('Nothing was imported: fix these rows and try again.');
      return;
    }
    setProblems([]);
    onChange([...rooms, ...result.rooms]);
    setMessage(`Imported ${result.rooms.length} rooms from ${file.name}.`);
  };

  return (
    <fieldset class="rooms-editor">
      <legend>Rooms ({rooms.length})</legend>
      <div class="add-room">
        <label>
          Room
          <input value={room} onInput={(e) => setRoom(e.currentTarget.value)} placeholder="114" />
        </label>
        <label>
          Grade band
          <select
            value={band}
            onChange={(e) => {
              const chosen = GradeBand.safeParse(e.currentTarget.value);
              if (chosen.success) setBand(chosen.data);
            }}
          >
            {gradeBands.map((b) => (
              <option key={b} value={b}>
                {gradeLabel(b)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Subject
          <input value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
        </label>
        <button type="button" class="button" onClick={add}>
          Add room
        </button>
      </div>
      <div class="room-tools">
        <label class="button file-button">
          Import a CSV room list
          <input
            type="file"
            accept=".csv,text/csv"
            class="visually-hidden"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void importFile(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <button
          type="button"
          class="button"
          disabled={team.length === 0 || rooms.length === 0}
          onClick={() => {
            onChange(splitRooms(rooms, team, { keepAssigned: false }));
            setMessage(`Split ${rooms.length} rooms among ${team.length} team members.`);
          }}
        >
          Split rooms among the team
        </button>
      </div>
      <p class="muted">CSV columns: room, grade band, subject.</p>
      <p role="status" class="muted">
        {message}
      </p>
      {problems.length > 0 && (
        <ul class="banner attention problems">
          {problems.map((p) => (
            <li key={`${p.where}${p.message}`}>{describeProblem(p)}</li>
          ))}
        </ul>
      )}
      {rooms.length > 0 && (
        <ol class="room-rows">
          {rooms.map((r, i) => (
            <RoomRow
              key={r.id}
              room={r}
              team={team}
              onAssign={(assignedTo) =>
                onChange(rooms.map((x, j) => (j === i ? { ...x, assignedTo } : x)))
              }
              onRemove={() => onChange(rooms.filter((_, j) => j !== i))}
            />
          ))}
        </ol>
      )}
    </fieldset>
  );
}
