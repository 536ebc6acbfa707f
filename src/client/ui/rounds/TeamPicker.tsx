import { useEffect, useState } from 'preact/hooks';
import { roleLabels } from '../../../shared/accounts';
import type { TeamMember } from '../../../shared/rounds';
import { useRoundServices } from './use-rounds';

interface Props {
  schoolId: string;
  team: TeamMember[];
  onChange: (team: TeamMember[]) => void;
}

const refreshWords = {
  fresh: '',
  offline: 'Offline: showing the staff list this device saw last.',
  refused: 'The staff list could not be loaded for this school.',
} as const;

/** The team, picked from the school's staff (the last list seen works offline). */
export function TeamPicker({ schoolId, team, onChange }: Props) {
  const { rounds } = useRoundServices();
  const cached = rounds.useStaff(schoolId);
  const [status, setStatus] = useState<keyof typeof refreshWords>('fresh');
  useEffect(() => {
    void rounds.refreshStaff(schoolId).then(setStatus);
  }, [schoolId]);
  const staff = cached?.staff ?? [];
  // Members chosen earlier stay listed even when the cached staff list lacks them.
  const people = [
    ...staff.map((s) => ({ userId: s.userId, name: s.name, role: roleLabels[s.role] })),
    ...team
      .filter((t) => !staff.some((s) => s.userId === t.userId))
      .map((t) => ({ ...t, role: 'not on the staff list' })),
  ];
  const chosen = new Set(team.map((t) => t.userId));
  const toggle = (person: TeamMember) =>
    onChange(
      chosen.has(person.userId)
        ? team.filter((t) => t.userId !== person.userId)
        : [...team, { userId: person.userId, name: person.name }],
    );
  return (
    <fieldset class="team-picker">
      <legend>Team</legend>
      {status !== 'fresh' && <p class="muted">{refreshWords[status]}</p>}
      {cached === undefined ? (
        <p class="muted">Loading the staff list…</p>
      ) : people.length === 0 ? (
        <p class="muted">No staff list on this device yet: connect once to load it.</p>
      ) : (
        <ul class="team-list">
          {people.map((p) => (
            <li key={p.userId}>
              <label class="check">
                <input type="checkbox" checked={chosen.has(p.userId)} onChange={() => toggle(p)} />
                <span>
                  {p.name} <small class="muted">{p.role}</small>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
