import type { SchoolRef } from '../../../shared/accounts';
import type { Round } from '../../../shared/rounds';
import { useServices } from '../app-context';
import { useUsableProtocols } from '../../data/protocol-hooks';

interface Props {
  round: Round;
  schools: SchoolRef[];
  /** A saved round keeps its school and protocol version (its visits are pinned to them). */
  locked: boolean;
  errors: Record<string, string>;
  /** Changes some fields; the planner applies them to its latest copy. */
  onChange: (patch: Partial<Round>) => void;
}

/** Name, school, protocol, dates, target minutes and the purpose shared with staff. */
export function RoundFields({ round, schools, locked, errors, onChange }: Props) {
  const { store } = useServices();
  const protocols = (useUsableProtocols(store) ?? []).filter(
    (p) => !p.schoolId || p.schoolId === round.schoolId,
  );
  const error = (key: string) =>
    errors[key] ? (
      <p class="field-error" id={`error-${key}`}>
        {errors[key]}
      </p>
    ) : null;
  const aria = (key: string) => ({
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `error-${key}` : undefined,
  });
  const protocolValue = round.protocolId ? `${round.protocolId}@${round.protocolVersion}` : '';
  return (
    <>
      <label for="round-name">Round name</label>
      <input
        id="round-name"
        value={round.name}
        {...aria('name')}
        onInput={(e) => onChange({ name: e.currentTarget.value })}
      />
      {error('name')}

      <label for="round-school">School</label>
      <select
        id="round-school"
        value={round.schoolId}
        disabled={locked}
        onChange={(e) =>
          // The team and assignments belong to a school's staff: a new school starts them afresh.
          onChange({
            schoolId: e.currentTarget.value,
            team: [],
            rooms: round.rooms.map((r) => ({ ...r, assignedTo: null })),
          })
        }
      >
        {schools.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>

      <label for="round-protocol">Protocol (published versions)</label>
      <select
        id="round-protocol"
        value={protocolValue}
        disabled={locked}
        {...aria('protocolId')}
        onChange={(e) => {
          const chosen = protocols.find((p) => `${p.id}@${p.version}` === e.currentTarget.value);
          if (chosen) onChange({ protocolId: chosen.id, protocolVersion: chosen.version });
        }}
      >
        <option value="">Choose a protocol</option>
        {protocolValue && !protocols.some((p) => `${p.id}@${p.version}` === protocolValue) && (
          // A newer version may have been published since: the round keeps its own.
          <option value={protocolValue}>
            {round.protocolId} · v{round.protocolVersion}
          </option>
        )}
        {protocols.map((p) => (
          <option key={`${p.id}@${p.version}`} value={`${p.id}@${p.version}`}>
            {p.name} · v{p.version}
          </option>
        ))}
      </select>
      {error('protocolId')}

      <div class="date-window">
        <label>
          First day
          <input
            type="date"
            value={round.startsOn}
            onInput={(e) => onChange({ startsOn: e.currentTarget.value })}
          />
        </label>
        <label>
          Last day
          <input
            type="date"
            value={round.endsOn}
            {...aria('endsOn')}
            onInput={(e) => onChange({ endsOn: e.currentTarget.value })}
          />
        </label>
        <label>
          Minutes a room
          <input
            type="number"
            min={1}
            max={60}
            inputMode="numeric"
            value={round.targetMinutes}
            onInput={(e) => onChange({ targetMinutes: Number(e.currentTarget.value) })}
          />
        </label>
      </div>
      {error('startsOn')}
      {error('endsOn')}
      {error('targetMinutes')}

      <label for="round-purpose">Purpose, shared with staff before the walk</label>
      <textarea
        id="round-purpose"
        rows={3}
        value={round.purpose}
        {...aria('purpose')}
        onInput={(e) => onChange({ purpose: e.currentTarget.value })}
      />
      {error('purpose')}

      <label class="check">
        <input
          type="checkbox"
          checked={round.calibration === true}
          aria-describedby="round-calibration-hint"
          onChange={(e) => onChange({ calibration: e.currentTarget.checked })}
        />
        Calibration round
      </label>
      <p class="muted" id="round-calibration-hint">
        Every team member visits the same rooms and records separately; the team then sees where
        they agreed. Each room counts once in the results.
      </p>
    </>
  );
}
